// The CLI's two outcomes besides success: a usage or configuration error (exit 2, nothing was sent) and a failure
// of the API or of a verification (exit 1). SDK errors are mapped onto them in run.ts.

/** Exit codes: 0 success, 1 API or verification failure, 2 usage or configuration error, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** Bad flags, a missing argument or variable: nothing was sent. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The API or a verification said no. Exit 1. The message is printed as is (one line). */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** Ctrl-C (or SIGTERM) while a command ran. Exit 130. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor() {
    super('interrupted');
  }
}
