import { and, asc, eq, notInArray } from "drizzle-orm";
import { getDb } from "../client";
import { oauthApps, type OAuthApp } from "../schema";

export type { OAuthApp } from "../schema";

export type OAuthAppProvider = OAuthApp["provider"];
export type OAuthAppKind = OAuthApp["kind"];
export type NewOAuthApp = Omit<OAuthApp, "createdAt" | "updatedAt">;

export function listOAuthAppRows(): OAuthApp[] {
  return getDb().select().from(oauthApps).orderBy(asc(oauthApps.provider), asc(oauthApps.host)).all();
}

export function getOAuthAppRow({ provider, host }: { provider: OAuthAppProvider; host: string }): OAuthApp | undefined {
  return getDb()
    .select()
    .from(oauthApps)
    .where(and(eq(oauthApps.provider, provider), eq(oauthApps.host, host)))
    .get();
}

/**
 * Makes the stored set exactly `rows` in one transaction: rows whose id exists
 * are updated, others inserted, and every stored row not among them is deleted.
 */
export function replaceOAuthAppRows(rows: NewOAuthApp[]): OAuthApp[] {
  const db = getDb();
  return db.transaction((tx) => {
    const keep = rows.map((r) => r.id);
    if (keep.length) tx.delete(oauthApps).where(notInArray(oauthApps.id, keep)).run();
    else tx.delete(oauthApps).run();
    const now = new Date();
    for (const row of rows) {
      const existing = tx.select({ id: oauthApps.id }).from(oauthApps).where(eq(oauthApps.id, row.id)).get();
      if (existing) {
        tx.update(oauthApps)
          .set({ kind: row.kind, clientId: row.clientId, sealedClientSecret: row.sealedClientSecret, updatedAt: now })
          .where(eq(oauthApps.id, row.id))
          .run();
      } else {
        tx.insert(oauthApps).values(row).run();
      }
    }
    return tx.select().from(oauthApps).orderBy(asc(oauthApps.provider), asc(oauthApps.host)).all();
  });
}
