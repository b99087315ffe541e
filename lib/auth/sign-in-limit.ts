import { countSignInFailures, deleteSignInFailuresBefore, insertSignInFailure, oldestSignInFailure } from "../db";
import { AppError } from "../errors";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_ACCOUNT = 5;
const MAX_PER_ADDRESS = 50;

type Attempt = { email: string; address: string; now?: Date };

/** Throws `rate_limited` when this account or address has failed too often within the window. */
export function assertSignInAllowed({ email, address, now = new Date() }: Attempt): void {
  const since = new Date(now.getTime() - WINDOW_MS);
  const key = email.toLowerCase();
  const { byEmail, byAddress } = countSignInFailures({ email: key, address, since });
  const limitedBy = byEmail >= MAX_PER_ACCOUNT ? "email" : byAddress >= MAX_PER_ADDRESS ? "address" : undefined;
  if (!limitedBy) return;
  const oldest = oldestSignInFailure({ by: limitedBy, value: limitedBy === "email" ? key : address, since }) ?? now;
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + WINDOW_MS - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw new AppError(
    "rate_limited",
    `Too many failed sign-ins. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or ask an administrator to check the account.`,
    { headers: { "retry-after": String(retryAfterSeconds) } },
  );
}

/** Counts one failed sign-in; old failures are pruned on the way. */
export function recordSignInFailure({ email, address, now = new Date() }: Attempt): void {
  insertSignInFailure({ email: email.toLowerCase(), address, at: now });
  deleteSignInFailuresBefore({ before: new Date(now.getTime() - WINDOW_MS) });
}
