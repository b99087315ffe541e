import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "../client";
import { connections, type Connection } from "../schema";

export type NewConnection = Omit<Connection, "createdAt" | "updatedAt" | "refreshClaimedUntil" | "reconnectReason" | "accountId"> & { accountId?: string | null };

export function insertConnection(values: NewConnection): Connection {
  return getDb().insert(connections).values(values).returning().get();
}

export function listConnectionsOfUser({ userId }: { userId: string }): Connection[] {
  return getDb().select().from(connections).where(eq(connections.userId, userId)).orderBy(asc(connections.provider), asc(connections.host)).all();
}

export function getConnectionOfUser({ id, userId }: { id: string; userId: string }): Connection | undefined {
  return getDb()
    .select()
    .from(connections)
    .where(and(eq(connections.id, id), eq(connections.userId, userId)))
    .get();
}

export function findConnection({ userId, provider, host }: { userId: string; provider: Connection["provider"]; host: string }): Connection | undefined {
  return getDb()
    .select()
    .from(connections)
    .where(and(eq(connections.userId, userId), eq(connections.provider, provider), eq(connections.host, host)))
    .get();
}

/** The user's connections to a host, whatever the provider. */
export function listConnectionsToHost({ userId, host }: { userId: string; host: string }): Connection[] {
  return getDb()
    .select()
    .from(connections)
    .where(and(eq(connections.userId, userId), eq(connections.host, host)))
    .orderBy(asc(connections.createdAt))
    .all();
}

export function deleteConnectionRow({ id }: { id: string }): void {
  getDb().delete(connections).where(eq(connections.id, id)).run();
}

/** Replaces a connection's tokens (a reconnect, or a refresh), clearing any claim and reconnect mark. */
export function updateConnectionTokens({
  id,
  values,
}: {
  id: string;
  values: Pick<Connection, "sealedToken" | "sealedRefreshToken" | "expiresAt" | "scopes"> & Partial<Pick<Connection, "login" | "method">>;
}): Connection | undefined {
  return getDb()
    .update(connections)
    .set({ ...values, refreshClaimedUntil: null, reconnectReason: null, updatedAt: new Date() })
    .where(eq(connections.id, id))
    .returning()
    .get();
}

/**
 * Claims the right to refresh a connection's token, atomically: true for the
 * one caller that got it, false while another request holds an unexpired claim
 * or once the token has already changed (`sealedToken` no longer the one seen).
 */
export function claimConnectionRefresh({ id, sealedToken, until }: { id: string; sealedToken: string; until: Date }): boolean {
  const result = getDb()
    .update(connections)
    .set({ refreshClaimedUntil: until })
    .where(
      and(
        eq(connections.id, id),
        eq(connections.sealedToken, sealedToken),
        or(isNull(connections.refreshClaimedUntil), lt(connections.refreshClaimedUntil, new Date())),
      ),
    )
    .run();
  return result.changes === 1;
}

/** Marks a connection as needing the user to connect again, releasing any refresh claim. */
export function markConnectionForReconnect({ id, reason }: { id: string; reason: string }): void {
  getDb().update(connections).set({ reconnectReason: reason, refreshClaimedUntil: null, updatedAt: new Date() }).where(eq(connections.id, id)).run();
}

export function getConnection({ id }: { id: string }): Connection | undefined {
  return getDb().select().from(connections).where(eq(connections.id, id)).get();
}

/** Gives up a refresh claim without changing the tokens (the provider could not be reached). */
export function releaseConnectionRefresh({ id }: { id: string }): void {
  getDb().update(connections).set({ refreshClaimedUntil: null }).where(eq(connections.id, id)).run();
}
