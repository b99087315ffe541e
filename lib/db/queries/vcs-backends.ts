import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { vcsBackends, type VcsBackendRow } from "../schema";

export type { VcsBackendRow } from "../schema";
export type NewVcsBackendRow = Omit<VcsBackendRow, "createdAt">;

export function insertVcsBackendRow(row: NewVcsBackendRow): VcsBackendRow {
  return getDb().insert(vcsBackends).values(row).returning().get();
}

export function getVcsBackendRow({ id }: { id: string }): VcsBackendRow | undefined {
  return getDb().select().from(vcsBackends).where(eq(vcsBackends.id, id)).get();
}
