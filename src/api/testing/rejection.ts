import { expect } from 'vitest';
import { ApiError } from '../api-error';

/** Tests only: the ApiError a promise rejects with (fails the test when it resolves or throws otherwise). */
export async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
