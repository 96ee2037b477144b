// The order of the live contract files. They share one project on the real API, and the destructive level
// regenerates the signing secret and re-creates the integration: every other level must run before it, or the
// conversation level would sign with a secret that no longer exists. Jest's default order (by past duration) would
// change from run to run; this one does not.
const Sequencer = require('@jest/test-sequencer').default;

/** Runs last, in this order: files whose name is listed here (every other file first, by path). */
const LAST = ['updateIntegration.test.ts', 'destructive.test.ts'];

const rank = (test) => {
  const at = LAST.findIndex((name) => test.path.endsWith(name));
  return at === -1 ? -1 : at;
};

module.exports = class LiveSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
  }
};
