// "This input is refused": the ValidationError a call throws or a promise rejects with, checked and returned.
import { ValidationError } from '../../src/errors/validation-error';

/** The ValidationError `run` throws; fails the test if `run` returns or throws anything else. */
export function refusal(run: () => unknown): ValidationError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('the input was accepted');
  expect(thrown).toBeInstanceOf(ValidationError);
  return thrown as ValidationError;
}

/** The ValidationError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const outcome = await promise.then(
    () => new Error('the input was accepted'),
    (reason: unknown) => reason,
  );
  expect(outcome).toBeInstanceOf(ValidationError);
  return outcome as ValidationError;
}
