import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { connections, type Connection } from "../schema";

export type NewConnection = Omit<Connection, "createdAt" | "updatedAt">;

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
