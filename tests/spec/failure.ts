/** Catching the reference's failure so a table row can compare it. */
import { GetStatusError } from '../../spec/index.ts';

/** The GetStatusError `run` throws; a test using it fails when `run` returns or throws anything else. */
export function failureOf(run: () => unknown): GetStatusError {
  let returned: unknown;
  try {
    returned = run();
  } catch (error) {
    if (error instanceof GetStatusError) return error;
    throw error;
  }
  throw new Error(`expected a GetStatusError, got a result: ${JSON.stringify(returned)}`);
}
