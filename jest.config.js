// Six projects: fast unit tests, checks of the spec against the documentation copies, contract tests that run
// against a Prism server started in globalSetup, tests of the contract runner itself, the `jelou` CLI, and tests of the scripts a
// user runs by hand (mock server, API reference).
// TypeScript through tests/support/ts-transform.cjs: transpiled with tsconfig.jest.json, types checked by
// `npm run typecheck`.
const transform = { '^.+\\.ts$': '<rootDir>/tests/support/ts-transform.cjs' };
// Sources import './x.js' (NodeNext); under jest the .ts file is what exists.
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
// jest looks for tests, and maps files, in tests/ only: `npm test` runs its stages side by side, and a jest that
// walked the whole repository would meet dist/ being rebuilt, or .tmp/ being written, under it (and fail on a file
// that went away). Modules elsewhere (src/, scripts/) still load as usual.
const roots = ['<rootDir>/tests'];
// Projects whose tests start child processes get a longer default time limit per test.
const childProcesses = { setupFilesAfterEnv: ['<rootDir>/tests/support/child-process-timeout.ts'] };

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform,
      moduleNameMapper,
      roots,
    },
    {
      // The spec alone (openapi/openapi.yaml) against the copies of Jelou's pages in tests/spec/sources/.
      displayName: 'spec',
      testMatch: ['<rootDir>/tests/spec/**/*.test.ts'],
      transform,
      moduleNameMapper,
      roots,
    },
    {
      displayName: 'contract',
      testMatch: ['<rootDir>/tests/contract/**/*.test.ts'],
      transform,
      moduleNameMapper,
      roots,
      globalSetup: '<rootDir>/tests/contract/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/contract/support/global-teardown.ts',
    },
    {
      // Runs scripts/contract.mjs as a child process (against a local stand-in for Jelou): no Prism of its own.
      displayName: 'runner',
      testMatch: ['<rootDir>/tests/runner/**/*.test.ts'],
      transform,
      moduleNameMapper,
      roots,
      ...childProcesses,
    },
    {
      // The built `jelou` bin, run as a child process against the stand-in Jelou.
      displayName: 'cli',
      testMatch: ['<rootDir>/tests/cli/**/*.test.ts'],
      transform,
      moduleNameMapper,
      roots,
      ...childProcesses,
    },
    {
      // The scripts a user runs by hand (npm run mock, npm run docs), run for real as child processes.
      displayName: 'scripts',
      testMatch: ['<rootDir>/tests/scripts/**/*.test.ts'],
      transform,
      moduleNameMapper,
      roots,
      ...childProcesses,
    },
  ],
};
