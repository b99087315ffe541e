import { getUserByEmail, type User } from "../db";
import { AppError } from "../errors";
import { getDummyHash, verifyPassword } from "./password";
import { assertSignInAllowed, recordSignInFailure } from "./sign-in-limit";

/**
 * Checks an email and password for a sign-in (page or `POST /api/v1/tokens`).
 * Throws `rate_limited`, `unauthorized` (wrong email or password, without saying
 * which) or `forbidden` (disabled account). Only failures count toward the limit.
 */
export async function verifyCredentials({ email, password, address }: { email: string; password: string; address: string }): Promise<User> {
  assertSignInAllowed({ email, address });
  const user = getUserByEmail({ email });
  const ok = await verifyPassword({ password, hash: user?.passwordHash ?? (await getDummyHash()) });
  if (!user || !ok) {
    recordSignInFailure({ email, address });
    throw new AppError("unauthorized", "The email or password is not right. Check both and try again.");
  }
  if (user.disabled) {
    throw new AppError("forbidden", "This account is disabled. Ask an administrator to enable it.");
  }
  return user;
}
