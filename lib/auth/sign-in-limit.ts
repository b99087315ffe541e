import {
  deleteSignInFailuresBefore,
  deleteSignInFailuresOfEmail,
  insertSignInFailure,
  listSignInFailureTallies,
  tallySignInFailures,
  type FailureTally,
} from "../db";
import { AppError } from "../errors";

// Failed sign-ins older than this are forgotten.
const WINDOW_MS = 60 * 60 * 1000;

type Rule = { free: number; baseMs: number; capMs: number };

/**
 * After `free` failures within the window, each further attempt waits `baseMs`,
 * doubled per failure, up to `capMs`, counted from the latest failure. Growing
 * delays rather than a lockout: a person who mistypes waits seconds, a guesser
 * gets a dozen tries an hour.
 *
 * - pair: one account from one address. The tight rule; it binds only the address
 *   that failed, so an attacker cannot lock the owner out from the owner's address.
 * - account: one account from every address, against guessing spread over many
 *   addresses. Looser, and capped at a minute so that nobody can keep the owner out.
 * - address: one address across accounts, against trying one password on many accounts.
 */
export const SIGN_IN_RULES = {
  pair: { free: 5, baseMs: 30_000, capMs: 15 * 60_000 },
  account: { free: 20, baseMs: 1_000, capMs: 60_000 },
  address: { free: 50, baseMs: 1_000, capMs: 15 * 60_000 },
} satisfies Record<string, Rule>;

type Attempt = { email: string; address: string; now?: Date };

/** When a key with this tally may try again, or undefined when it may now. */
export function nextAttemptAt(tally: FailureTally, rule: Rule): Date | undefined {
  if (tally.count < rule.free || !tally.last) return undefined;
  const delay = Math.min(rule.baseMs * 2 ** (tally.count - rule.free), rule.capMs);
  return new Date(tally.last.getTime() + delay);
}

const messages = {
  pair: ["Too many failed sign-ins for this account from your address.", " An administrator can unlock the account."],
  account: ["Too many failed sign-ins for this account.", " An administrator can unlock the account."],
  // Many accounts from one address: unlocking one account would not help.
  address: ["Too many failed sign-ins from your address.", ""],
};

/** A wait for a person to read: "29 seconds", "4 minutes". */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/** Throws `rate_limited` (with Retry-After) while this account, this address or the two together must wait. */
export function assertSignInAllowed({ email, address, now = new Date() }: Attempt): void {
  const tallies = tallySignInFailures({ email: email.toLowerCase(), address, since: new Date(now.getTime() - WINDOW_MS) });
  let latest: { key: keyof typeof SIGN_IN_RULES; at: Date } | undefined;
  for (const key of ["pair", "account", "address"] as const) {
    const at = nextAttemptAt(tallies[key], SIGN_IN_RULES[key]);
    if (at && at > now && (!latest || at > latest.at)) latest = { key, at };
  }
  if (!latest) return;
  const seconds = Math.max(1, Math.ceil((latest.at.getTime() - now.getTime()) / 1000));
  const [what, unlock] = messages[latest.key];
  throw new AppError("rate_limited", `${what} Wait ${describeWait(seconds)} and try again; each further failure makes the wait longer.${unlock}`, {
    headers: { "retry-after": String(seconds) },
  });
}

/** Counts one failed sign-in; failures older than the window are pruned on the way. */
export function recordSignInFailure({ email, address, now = new Date() }: Attempt): void {
  insertSignInFailure({ email: email.toLowerCase(), address, at: now });
  deleteSignInFailuresBefore({ before: new Date(now.getTime() - WINDOW_MS) });
}

/**
 * For each of these accounts that must wait now (from some address or from all),
 * when it may sign in again. What an administrator sees before unlocking.
 */
export function listLimitedAccounts({ emails, now = new Date() }: { emails: string[]; now?: Date }): Map<string, Date> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const byAccount = new Map<string, FailureTally>();
  const limited = new Map<string, Date>();
  const note = (email: string, at: Date | undefined) => {
    const known = limited.get(email);
    if (at && at > now && (!known || at > known)) limited.set(email, at);
  };
  for (const row of listSignInFailureTallies({ emails: emails.map((e) => e.toLowerCase()), since })) {
    note(row.email, nextAttemptAt(row, SIGN_IN_RULES.pair));
    const total = byAccount.get(row.email) ?? { count: 0, last: undefined };
    byAccount.set(row.email, { count: total.count + row.count, last: !total.last || row.last > total.last ? row.last : total.last });
  }
  for (const [email, tally] of byAccount) note(email, nextAttemptAt(tally, SIGN_IN_RULES.account));
  return limited;
}

/** Forgets an account's failed sign-ins, from every address (an administrator's unlock). */
export function clearSignInFailures({ email }: { email: string }): number {
  return deleteSignInFailuresOfEmail({ email: email.toLowerCase() });
}
