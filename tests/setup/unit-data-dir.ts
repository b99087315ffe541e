// Each unit test file gets its own DATA_DIR with a migrated SQLite database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, migrateDatabase } from "@/lib/db";

let dir: string;

beforeAll(() => {
  closeDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-unit-"));
  process.env.DATA_DIR = dir;
  migrateDatabase({ migrationsFolder: path.resolve(__dirname, "../../drizzle") });
});

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
