import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { getDataDir } from "../config/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

type Cached = { file: string; db: Db; sqlite: Database.Database };

// One connection per process and database file, kept on globalThis so that
// Next's module reloading in development does not open a new one per edit.
const globalForDb = globalThis as unknown as { benchtopDb?: Cached };

/** Path of the SQLite database file inside DATA_DIR. */
export function getDatabaseFile(): string {
  return path.join(getDataDir(), "benchtop.db");
}

/** The database, opened on first use (never at import time: imports run during `next build`). */
export function getDb(): Db {
  const file = getDatabaseFile();
  const cached = globalForDb.benchtopDb;
  if (cached && cached.file === file) return cached.db;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  globalForDb.benchtopDb = { file, db, sqlite };
  return db;
}

/**
 * Runs `work` (synchronous queries through getDb()) as one transaction: all of
 * it is written, or none of it when it throws. BEGIN IMMEDIATE takes the write
 * lock first (waiting busy_timeout for it): a transaction that reads and then
 * writes can then never fail because another process wrote in between.
 */
export function runInTransaction<T>(work: () => T): T {
  getDb();
  return globalForDb.benchtopDb!.sqlite.transaction(work).immediate();
}

/** Closes the cached connection (tests switch DATA_DIR between files). */
export function closeDb(): void {
  globalForDb.benchtopDb?.sqlite.close();
  globalForDb.benchtopDb = undefined;
}
