import fs from "node:fs";
import { removeUploadLeftovers } from "./archives";
import { getDataDir, getEnv, getReposDir } from "./config/env";
import { ensureInstanceSecrets } from "./config/instance-secrets";
import { migrateDatabase } from "./db";
import { writePushHooks } from "./git-server";
import { checkDeployOrigin, removeOrphanDeploymentStores, startRunWorker } from "./deployments";
import { startMoveWorker } from "./moves";
import { startLfsSweeper } from "./lfs";
import { cleanUpAfterCrash } from "./projects";
import { bootstrapAdminFromEnv } from "./users";

/**
 * What the server does once at start: make DATA_DIR, generate missing secrets,
 * bring the database schema up to date, and create the first administrator from
 * the environment when asked to; and clean up what a server stopped half-way
 * left behind (unfinished projects, interrupted pushes, uploads, files of deleted
 * deployments); then start the workers that move projects between backends (resuming
 * moves a stopped server left), run deployments' schedules and runs (failing runs
 * a stopped server left, running a missed schedule once) and remove Git LFS leftovers
 * (objects of deleted projects, uploads cut off) now and every hour.
 */
export async function startServer(): Promise<void> {
  checkDeployOrigin();
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
  await removeOrphanDeploymentStores();
  startMoveWorker();
  startRunWorker();
  startLfsSweeper();
  console.log(`Benchtop: data in ${getDataDir()}`);
}
