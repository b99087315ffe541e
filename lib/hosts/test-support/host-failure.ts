import { type HostError, isHostError } from "../errors";

/** The HostError a call fails with; anything else (or success) fails the test. */
export async function hostFailureOf(promise: Promise<unknown>): Promise<HostError> {
  try {
    await promise;
  } catch (error) {
    if (isHostError(error)) return error;
    throw error;
  }
  throw new Error("expected a HostError");
}
