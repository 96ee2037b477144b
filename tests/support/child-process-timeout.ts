// The default time limit of a test in the projects whose tests start child processes (the CLI, the scripts, the
// contract runner): jest's 5 s is a few Node processes on a busy machine, and `npm test` runs its stages side by
// side. A test that must be quick says so with its own limit.
jest.setTimeout(30_000);
