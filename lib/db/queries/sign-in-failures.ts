import { and, count, eq, gte, lt } from "drizzle-orm";
import { getDb } from "../client";
import { signInFailures } from "../schema";

export function insertSignInFailure(values: { email: string; address: string; at: Date }): void {
  getDb().insert(signInFailures).values(values).run();
}

export function countSignInFailures({ email, address, since }: { email: string; address: string; since: Date }) {
  const db = getDb();
  const byEmail = db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gte(signInFailures.at, since)))
    .get();
  const byAddress = db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.address, address), gte(signInFailures.at, since)))
    .get();
  return { byEmail: byEmail?.n ?? 0, byAddress: byAddress?.n ?? 0 };
}

/** Oldest failure still inside the window, for one account or one address (tells when the limit lifts). */
export function oldestSignInFailure({ by, value, since }: { by: "email" | "address"; value: string; since: Date }): Date | undefined {
  const column = by === "email" ? signInFailures.email : signInFailures.address;
  return getDb()
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(column, value), gte(signInFailures.at, since)))
    .orderBy(signInFailures.at)
    .get()?.at;
}

export function deleteSignInFailuresBefore({ before }: { before: Date }): void {
  getDb().delete(signInFailures).where(lt(signInFailures.at, before)).run();
}
