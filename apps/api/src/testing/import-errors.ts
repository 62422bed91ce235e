// Test helpers for the import modules: the ImportError a call throws or a promise rejects with.
import { ImportError } from '../import/errors.js';

const notAnImportError = () => new Error('expected an ImportError');

/** The ImportError fn throws; any other outcome fails the test. */
export function thrown(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw notAnImportError();
}

/** The ImportError the promise rejects with; any other outcome fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw notAnImportError();
}
