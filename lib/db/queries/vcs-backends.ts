import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { settings, vcsBackends, type VcsBackendRow } from "../schema";

export type { VcsBackendRow } from "../schema";
export type NewVcsBackendRow = Omit<VcsBackendRow, "createdAt">;

export function insertVcsBackendRow(row: NewVcsBackendRow): VcsBackendRow {
  return getDb().insert(vcsBackends).values(row).returning().get();
}

export function getVcsBackendRow({ id }: { id: string }): VcsBackendRow | undefined {
  return getDb().select().from(vcsBackends).where(eq(vcsBackends.id, id)).get();
}

/** An instance-wide setting's JSON value, or undefined when never set. */
export function readSetting({ key }: { key: string }): unknown {
  return getDb().select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function writeSetting({ key, value }: { key: string; value: unknown }): void {
  const updatedAt = new Date();
  getDb().insert(settings).values({ key, value, updatedAt }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } }).run();
}
