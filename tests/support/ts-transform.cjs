// jest's TypeScript transform: TypeScript's own transpileModule with the options of tsconfig.jest.json. Types are
// not checked here: `npm run typecheck` checks src/ and tests/ (the type-level tests in tests/types/ included).
// TypeScript is loaded only when a file is missing from jest's cache, so most of the jest processes `npm test`
// starts (the contract runner's tests start a dozen) never load it; ts-jest loaded it, and parsed the tsconfig,
// in every one.
// jest keeps its cache per project (unit, contract, runner, cli, scripts, spec), so in a fresh clone each project's
// first process would transpile src/ again, and load TypeScript to do it. The output is also kept here, in one
// directory for every project and process: a file is transpiled once per change, whichever jest asks first.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const TSCONFIG = path.join(ROOT, 'tsconfig.jest.json');
/** What the output depends on besides the file itself: this transform, the tsconfig chain, TypeScript's version. */
const INPUTS = [
  __filename,
  TSCONFIG,
  path.join(ROOT, 'tests', 'tsconfig.json'),
  path.join(ROOT, 'tsconfig.json'),
  require.resolve('typescript/package.json'),
];

/** The shared output: one JSON file ({ code, map }) per key, that is per file content, path and INPUTS. */
const SHARED_CACHE = path.join(ROOT, '.tmp', 'ts-transform');

let inputsKey;
let compilerOptions;

function keyOf(source, file) {
  inputsKey ??= createHash('sha256')
    .update(INPUTS.map((input) => readFileSync(input, 'utf8')).join('\0'))
    .digest('hex');
  return createHash('sha256').update(`${inputsKey}\0${file}\0`).update(source).digest('hex');
}

function transpile(source, file) {
  const ts = require('typescript');
  compilerOptions ??= optionsOf(ts);
  const { outputText, sourceMapText } = ts.transpileModule(source, { compilerOptions, fileName: file });
  // jest maps stack traces with the map returned beside the code, not with a sourceMappingURL comment.
  return { code: outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), map: sourceMapText };
}

/** tsconfig.jest.json's compiler options, set to emit JavaScript with a source map (for stack traces). */
function optionsOf(ts) {
  const parsed = ts.getParsedCommandLineOfConfigFile(TSCONFIG, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed || parsed.errors.length > 0) {
    const messages = (parsed?.errors ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    throw new Error(`${TSCONFIG}: ${messages.join('; ')}`);
  }
  return { ...parsed.options, noEmit: false, declaration: false, sourceMap: true, inlineSourceMap: false };
}

module.exports = {
  getCacheKey(source, file, { instrument }) {
    return createHash('sha256')
      .update(`${keyOf(source, file)}\0${String(instrument)}`)
      .digest('hex');
  },
  process(source, file) {
    const cached = path.join(SHARED_CACHE, `${keyOf(source, file)}.json`);
    try {
      return JSON.parse(readFileSync(cached, 'utf8'));
    } catch {
      // Not there yet (or being replaced): transpiled below.
    }
    const output = transpile(source, file);
    try {
      // Written aside, then renamed into place: a process reading it never sees half a file.
      mkdirSync(SHARED_CACHE, { recursive: true });
      const partial = `${cached}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(output));
      renameSync(partial, cached);
    } catch {
      // A cache that cannot be written only costs time.
    }
    return output;
  },
};
