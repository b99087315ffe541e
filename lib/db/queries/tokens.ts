import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { newId } from "../ids";
import { apiTokens, users, type ApiToken, type User } from "../schema";

export function insertToken(values: { userId: string; name: string; digest: string; expiresAt: Date | null }): ApiToken {
  return getDb()
    .insert(apiTokens)
    .values({ id: newId(), ...values })
    .returning()
    .get();
}

export function listTokensOfUser({ userId }: { userId: string }): ApiToken[] {
  return getDb().select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).all();
}

export function deleteTokenOfUser({ id, userId }: { id: string; userId: string }): boolean {
  const result = getDb()
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .run();
  return result.changes > 0;
}

export function getTokenWithUserByDigest({ digest }: { digest: string }): { token: ApiToken; user: User } | undefined {
  return getDb()
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.digest, digest))
    .get();
}

export function touchToken({ id, at }: { id: string; at: Date }): void {
  getDb().update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run();
}
