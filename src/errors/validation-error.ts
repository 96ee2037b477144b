import { JelouError } from './jelou-error.js';

/** An argument was invalid; raised before any request is sent. The message names the field, never its value. */
export class ValidationError extends JelouError {
  static override get brand(): string {
    return 'ValidationError';
  }
  /** The invalid argument or field, e.g. `webhookUrl`. */
  declare readonly field: string;
  /** What is wrong with it, e.g. `must be an https URL`. */
  declare readonly problem: string;

  /** Creates the error; `problem` must describe the rule broken, not repeat the value. */
  constructor(field: string, problem: string, options?: { cause?: unknown }) {
    super(`Invalid ${field}: ${problem}`, options);
    Object.assign(this, { field, problem });
  }
}
