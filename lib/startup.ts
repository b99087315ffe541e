import fs from "node:fs";
import { removeUploadLeftovers } from "./archives";
import { getDataDir, getEnv, getReposDir } from "./config/env";
import { ensureInstanceSecrets } from "./config/instance-secrets";
import { migrateDatabase } from "./db";
import { writePushHooks } from "./git-server";
import { startMoveWorker } from "./moves";
import { cleanUpAfterCrash } from "./projects";
import { bootstrapAdminFromEnv } from "./users";

/**
 * What the server does once at start: make DATA_DIR, generate missing secrets,
 * bring the database schema up to date, and create the first administrator from
 * the environment when asked to; and clean up what a server stopped half-way
 * left behind (unfinished projects, interrupted pushes, uploads); then start the worker
 * that moves projects between backends (it resumes moves a stopped server left).
 */
export async function startServer(): Promise<void> {
  fs.mkdirSync(getReposDir(), { recursive: true });
  ensureInstanceSecrets();
  writePushHooks();
  migrateDatabase();
  // Before any request is served: whatever a stopped server left half-made goes now.
  await cleanUpAfterCrash({ startedAt: new Date(Date.now() - process.uptime() * 1000) });
  await removeUploadLeftovers();
  const env = getEnv();
  const admin = await bootstrapAdminFromEnv({ email: env.BENCHTOP_ADMIN_EMAIL, password: env.BENCHTOP_ADMIN_PASSWORD });
  if (admin) console.log(`Benchtop: created the first administrator, ${admin.email}.`);
  startMoveWorker();
  console.log(`Benchtop: data in ${getDataDir()}`);
}
