import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startAppServer } from "./app-server.mjs";
import { ensureBuild } from "../../scripts/ensure-build.mjs";

export const ADMIN = { email: "admin@benchtop.test", password: "admin-password-1" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    serverPid: number;
    dataDir: string;
    admin: { email: string; password: string };
  }
}

/** Builds if needed and starts one app server for all integration tests. */
export default async function setup(project: TestProject) {
  ensureBuild();
  fs.mkdirSync(path.join(process.cwd(), "test-results"), { recursive: true });
  const server = await startAppServer({
    // Host emulators listen on loopback ports chosen at run time: the operator's
    // allowlist (any port on loopback) lets the server reach them.
    env: { BENCHTOP_ADMIN_EMAIL: ADMIN.email, BENCHTOP_ADMIN_PASSWORD: ADMIN.password, BENCHTOP_INSECURE_HOSTS: "localhost,127.0.0.1" },
    logFile: path.join(process.cwd(), "test-results", "integration-server.log"),
  });
  project.provide("baseUrl", server.baseUrl);
  project.provide("serverPid", server.pid!);
  project.provide("dataDir", server.dataDir);
  project.provide("admin", ADMIN);
  return () => server.stop();
}
