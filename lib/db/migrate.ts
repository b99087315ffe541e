import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getDb } from "./client";

/** Applies the migrations in drizzle/ that the database has not seen yet. */
export function migrateDatabase({ migrationsFolder = path.join(process.cwd(), "drizzle") } = {}): void {
  migrate(getDb(), { migrationsFolder });
}
