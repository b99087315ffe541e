import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { settings } from "../schema";

/** An instance-wide setting's JSON value, or undefined when never set. */
export function readSetting({ key }: { key: string }): unknown {
  return getDb().select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function writeSetting({ key, value }: { key: string; value: unknown }): void {
  const updatedAt = new Date();
  getDb().insert(settings).values({ key, value, updatedAt }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } }).run();
}
