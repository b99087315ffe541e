// The two app servers of a run (see playwright.config.ts) and the administrator
// the second one creates at start.
import fs from "node:fs";
import path from "node:path";

/** A fresh instance with no account, for the first-run page. */
export const FIRST_RUN_URL = "http://localhost:3410";

/** An instance whose first administrator comes from the environment. */
export const APP_URL = "http://localhost:3411";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" } as const;

/**
 * The SQLite file of the server at `url`, for the few specs that must change
 * what only the database holds (such as moving a token's expiry into the past).
 * e2e/serve.mjs writes where its fresh data folder is.
 */
export function appDatabaseFile(url: string = APP_URL): string {
  // __dirname: Playwright loads specs and this config as CommonJS.
  const info = path.resolve(__dirname, "..", "test-results", `e2e-server-${new URL(url).port}.json`);
  const { dataDir } = JSON.parse(fs.readFileSync(info, "utf8")) as { dataDir: string };
  return path.join(dataDir, "benchtop.db");
}
