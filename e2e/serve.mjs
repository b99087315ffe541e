// Serves the built app for Playwright's `webServer`: one `next start` on a fixed
// port with a fresh DATA_DIR, in the foreground until Playwright stops it.
//
//   node e2e/serve.mjs --port 3411 [--skip-build]
//
// BENCHTOP_ADMIN_EMAIL / BENCHTOP_ADMIN_PASSWORD are passed on only when both are
// non-empty, so the config can ask for a server without an administrator even
// when the caller's shell has them set. `--skip-build` is for the second server
// of a run: a rebuild then would replace `.next` under the first, running one.
// The data folder's path goes to test-results/e2e-server-{port}.json, for specs
// that must change what only the database holds (see appDatabaseFile in
// e2e/servers.ts); the folder and that file are removed when the server stops.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBuild } from "../scripts/ensure-build.mjs";
import { startAppServer } from "../tests/setup/app-server.mjs";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { port: { type: "string" }, "skip-build": { type: "boolean", default: false } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0) {
  console.error("e2e/serve.mjs: pass --port <number>.");
  process.exit(2);
}

// Settings from the caller's shell that would change what the tests see.
for (const name of ["AUTH_URL", "BENCHTOP_URL", "DATA_DIR", "PORT", "HOSTNAME"]) delete process.env[name];
const adminEmail = process.env.BENCHTOP_ADMIN_EMAIL;
const adminPassword = process.env.BENCHTOP_ADMIN_PASSWORD;
delete process.env.BENCHTOP_ADMIN_EMAIL;
delete process.env.BENCHTOP_ADMIN_PASSWORD;
const env = adminEmail && adminPassword ? { BENCHTOP_ADMIN_EMAIL: adminEmail, BENCHTOP_ADMIN_PASSWORD: adminPassword } : {};

// ensureBuild runs `next build` in the current directory.
process.chdir(root);
if (!values["skip-build"]) ensureBuild();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `benchtop-e2e-${port}-`));
const logDir = path.join(root, "test-results");
fs.mkdirSync(logDir, { recursive: true });
const logFile = path.join(logDir, `e2e-server-${port}.log`);
fs.writeFileSync(logFile, "");
const infoFile = path.join(logDir, `e2e-server-${port}.json`);
fs.writeFileSync(infoFile, `${JSON.stringify({ dataDir })}\n`);

/** @type {number | undefined} */
let serverPid;

function killGroup(signal) {
  if (!serverPid) return;
  try {
    process.kill(-serverPid, signal);
  } catch {
    // already gone
  }
}

function removeDataDir() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(infoFile, { force: true });
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  killGroup("SIGTERM");
  // Give next-server a moment to close SQLite, then make sure the group is gone.
  setTimeout(() => {
    killGroup("SIGKILL");
    process.exit(code);
  }, 300);
}

// `next start` runs in its own process group (app-server.mjs spawns it detached),
// so it must be stopped here however this process ends.
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
process.on("SIGHUP", () => stop(0));
process.on("exit", () => {
  killGroup("SIGKILL");
  removeDataDir();
});

try {
  const server = await startAppServer({ port, env, dataDir, logFile });
  serverPid = server.pid;
  if (stopping) killGroup("SIGTERM");
  console.log(`e2e/serve.mjs: ${server.baseUrl} (data in ${dataDir}, log in ${path.relative(root, logFile)}${env.BENCHTOP_ADMIN_EMAIL ? `, admin ${env.BENCHTOP_ADMIN_EMAIL}` : ", no admin"})`);
} catch (error) {
  console.error(`e2e/serve.mjs: the app did not start on port ${port}: ${error instanceof Error ? error.message : error}`);
  console.error(fs.readFileSync(logFile, "utf8").slice(-4000));
  process.exit(1);
}

// Stay in the foreground while the server runs; end if it dies on its own.
setInterval(() => {
  if (!serverPid) return;
  try {
    process.kill(serverPid, 0);
  } catch {
    console.error(`e2e/serve.mjs: next start on port ${port} exited; see ${logFile}.`);
    process.exit(1);
  }
}, 1000);
