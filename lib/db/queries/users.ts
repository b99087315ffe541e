import { and, asc, count, eq, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { newId } from "../ids";
import { users, type User } from "../schema";

export function getUserById({ id }: { id: string }): User | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

export function getUserByEmail({ email }: { email: string }): User | undefined {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function getUserByHandle({ handle }: { handle: string }): User | undefined {
  return getDb().select().from(users).where(eq(users.handle, handle.toLowerCase())).get();
}

export function countEnabledAdmins(): number {
  const row = getDb()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false)))
    .get();
  return row?.n ?? 0;
}

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export function handleExists({ handle }: { handle: string }): boolean {
  return getDb().select({ id: users.id }).from(users).where(eq(users.handle, handle)).get() !== undefined;
}

export function insertUser(values: Omit<User, "id" | "createdAt" | "disabled"> & { disabled?: boolean }): User {
  return getDb()
    .insert(users)
    .values({ id: newId(), ...values })
    .returning()
    .get();
}

export function updateUserRow({ id, changes }: { id: string; changes: Partial<Pick<User, "role" | "disabled" | "name" | "passwordHash">> }): User | undefined {
  return getDb().update(users).set(changes).where(eq(users.id, id)).returning().get();
}

export function listUserRows({ q, enabledOnly = false, limit, offset }: { q?: string; enabledOnly?: boolean; limit: number; offset: number }): User[] {
  const pattern = q ? `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where = pattern
    ? or(
        sql`${users.email} like ${pattern} escape '\\'`,
        sql`lower(${users.name}) like ${pattern} escape '\\'`,
        sql`${users.handle} like ${pattern} escape '\\'`,
      )
    : undefined;
  return getDb()
    .select()
    .from(users)
    .where(and(where, enabledOnly ? eq(users.disabled, false) : undefined))
    .orderBy(asc(users.email))
    .limit(limit)
    .offset(offset)
    .all();
}
