import { countUsers, type User } from "../db";
import { AppError } from "../errors";
import { createUser } from "./create-user";
import { createUserSchema } from "./schema";

/** True until the first account exists; the first-run page is open only then. */
export function needsFirstAdmin(): boolean {
  return countUsers() === 0;
}

/**
 * Creates the first administrator. Refused once any account exists, so the
 * first-run page cannot be used to take over an installed instance.
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string }): Promise<User> {
  if (!needsFirstAdmin()) throw new AppError("conflict", "Benchtop already has an administrator. Sign in instead.");
  const parsed = createUserSchema.parse({ ...input, role: "admin" });
  return createUser({ input: parsed });
}

/** At first start: the admin from BENCHTOP_ADMIN_EMAIL and BENCHTOP_ADMIN_PASSWORD, when both are set. */
export async function bootstrapAdminFromEnv({ email, password }: { email?: string; password?: string }): Promise<User | undefined> {
  if (!email || !password || !needsFirstAdmin()) return undefined;
  const parsed = createUserSchema.safeParse({ email, password, name: "Administrator", role: "admin" });
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => i.message).join(" ");
    throw new Error(`BENCHTOP_ADMIN_EMAIL / BENCHTOP_ADMIN_PASSWORD are not usable: ${why}`);
  }
  return createUser({ input: parsed.data });
}
