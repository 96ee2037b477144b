// The preload that lets Prism start without building faker (scripts/lib/prism-lazy-faker.cjs): a process that
// requires @faker-js/faker gets faker only once it uses it, and then the real faker, seeded and generating as usual.
// Run in a child Node process with the preload, as Prism is.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { childEnv } from '../../support/child-env';

const PRELOAD = path.resolve(__dirname, '..', '..', '..', 'scripts', 'lib', 'prism-lazy-faker.cjs');

/** Runs `script` (CommonJS) in a Node process started with the preload; returns its JSON output. */
function withPreload(script: string): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], {
    encoding: 'utf8',
    env: childEnv(),
  });
  if (run.status !== 0) throw new Error(`the child failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

const isLoaded = "() => Object.keys(require.cache).some((file) => file.includes('@faker-js'))";

describe('the lazy faker preload', () => {
  it('loads nothing of faker when it is required, and the real faker when it is first used', () => {
    const result = withPreload(`
      const loaded = ${isLoaded};
      const { faker } = require('@faker-js/faker');
      const before = loaded();
      faker.seed(42);
      const word = faker.lorem.word();
      console.log(JSON.stringify({ before, after: loaded(), word, hasLorem: 'lorem' in faker }));
    `);
    expect(result).toMatchObject({ before: false, after: true, hasLorem: true });
    expect(typeof result['word']).toBe('string');
    expect(result['word']).not.toBe('');
  });

  it('generates what the real faker generates with the same seed, through `faker` and `default` alike', () => {
    const lazy = withPreload(`
      const module = require('@faker-js/faker');
      module.faker.seed(7);
      const first = module.faker.internet.url();
      module.default.seed(7);
      console.log(JSON.stringify({ first, second: module.default.internet.url() }));
    `);
    const real = spawnSync(
      process.execPath,
      ['-e', "const { faker } = require('@faker-js/faker'); faker.seed(7); console.log(faker.internet.url());"],
      { encoding: 'utf8', env: childEnv() },
    );
    expect(lazy['first']).toBe(real.stdout.trim());
    expect(lazy['second']).toBe(real.stdout.trim());
  });
});
