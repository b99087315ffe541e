import { and, count, eq, gte, inArray, lt, max } from "drizzle-orm";
import { getDb } from "../client";
import { signInFailures } from "../schema";

export function insertSignInFailure(values: { email: string; address: string; at: Date }): void {
  getDb().insert(signInFailures).values(values).run();
}

/** How many failures a key has had since `since`, and when the latest was. */
export type FailureTally = { count: number; last: Date | undefined };

function tally(where: ReturnType<typeof and>): FailureTally {
  const row = getDb().select({ n: count(), last: max(signInFailures.at) }).from(signInFailures).where(where).get();
  return { count: row?.n ?? 0, last: row?.last ?? undefined };
}

/** Failures since `since` for the account from this address, for the account from anywhere, and from this address for any account. */
export function tallySignInFailures({ email, address, since }: { email: string; address: string; since: Date }) {
  const recent = gte(signInFailures.at, since);
  return {
    pair: tally(and(eq(signInFailures.email, email), eq(signInFailures.address, address), recent)),
    account: tally(and(eq(signInFailures.email, email), recent)),
    address: tally(and(eq(signInFailures.address, address), recent)),
  };
}

/** Failures since `since` for these accounts, one tally per (email, address). */
export function listSignInFailureTallies({ emails, since }: { emails: string[]; since: Date }): { email: string; address: string; count: number; last: Date }[] {
  if (emails.length === 0) return [];
  return getDb()
    .select({ email: signInFailures.email, address: signInFailures.address, count: count(), last: max(signInFailures.at) })
    .from(signInFailures)
    .where(and(inArray(signInFailures.email, emails), gte(signInFailures.at, since)))
    .groupBy(signInFailures.email, signInFailures.address)
    .all()
    .map((row) => ({ ...row, last: row.last ?? since }));
}

export function deleteSignInFailuresOfEmail({ email }: { email: string }): number {
  return getDb().delete(signInFailures).where(eq(signInFailures.email, email)).run().changes;
}

export function deleteSignInFailuresBefore({ before }: { before: Date }): void {
  getDb().delete(signInFailures).where(lt(signInFailures.at, before)).run();
}
