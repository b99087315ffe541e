import { and, eq, lt, ne } from "drizzle-orm";
import { getDb } from "../client";
import { browserSessions, type BrowserSession } from "../schema";

export function insertBrowserSession(values: { id: string; userId: string; lastSeenAt: Date; userAgent: string | null; address: string | null }): BrowserSession {
  return getDb().insert(browserSessions).values(values).returning().get();
}

export function getBrowserSessionById({ id }: { id: string }): BrowserSession | undefined {
  return getDb().select().from(browserSessions).where(eq(browserSessions.id, id)).get();
}

export function touchBrowserSession({ id, at }: { id: string; at: Date }): void {
  getDb().update(browserSessions).set({ lastSeenAt: at }).where(eq(browserSessions.id, id)).run();
}

export function deleteBrowserSession({ id }: { id: string }): boolean {
  return getDb().delete(browserSessions).where(eq(browserSessions.id, id)).run().changes > 0;
}

/** Deletes a user's sessions, all or all but `exceptId`; returns how many ended. */
export function deleteBrowserSessionsOfUser({ userId, exceptId }: { userId: string; exceptId?: string }): number {
  const where = exceptId ? and(eq(browserSessions.userId, userId), ne(browserSessions.id, exceptId)) : eq(browserSessions.userId, userId);
  return getDb().delete(browserSessions).where(where).run().changes;
}

export function deleteBrowserSessionsSeenBefore({ before }: { before: Date }): void {
  getDb().delete(browserSessions).where(lt(browserSessions.lastSeenAt, before)).run();
}
