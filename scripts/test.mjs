// `npm test`: lint, typecheck, build, unit and integration tests (Vitest), then the
// browser tests (Playwright in Debian's Chromium). Stops at the first failing step.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "./ensure-build.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";
import { ensureDebianTools } from "./ensure-debian-tools.mjs";

const results = path.resolve("test-results");
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.resolve("node_modules", ".bin", name);

// A step that runs past its limit is stopped with its whole process group, so that a
// test that hangs fails the run by name instead of holding CI until its own timeout.
const MINUTE = 60_000;
// git never asks for a password on a terminal during the tests: a test that expects a refusal
// must get it, not a prompt that waits forever when the runner has a terminal.
process.env.GIT_TERMINAL_PROMPT = "0";
const killGroup = (pid) => {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
};
// The step's group is not the terminal's, so Ctrl-C (or CI stopping this script) is passed on to it.
let running = null;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (running) killGroup(running.pid);
    process.exit(130);
  });
}

async function step(title, command, args, { env = {}, limitMinutes = 30 } = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  // Its own process group (detached), so that the limit stops the workers and servers it started too.
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env }, detached: true });
  running = child;
  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, limitMinutes * MINUTE);
  const status = await new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  clearTimeout(limit);
  running = null;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (timedOut) {
    console.error(`\n${title} did not finish within ${limitMinutes} minutes and was stopped: a test hangs (the last file reported above is the first suspect).`);
    process.exit(1);
  }
  if (status !== 0) {
    console.error(`\n${title} failed after ${seconds} s.`);
    process.exit(status);
  }
  console.log(`${title}: done in ${seconds} s.`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

await step("Lint", bin("eslint"), ["."]);
await step("Typecheck", bin("tsc"), ["--noEmit"]);
console.log("\n=== Build ===");
ensureBuild();
ensureDebianTools();
const vitestJson = path.join(results, "vitest.json");
await step("Unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], { limitMinutes: 35 });
ensureChromium();
const playwrightJson = path.join(results, "playwright.json");
await step("Browser tests", bin("playwright"), ["test", "--reporter=list,json"], { env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson }, limitMinutes: 35 });

const vitest = readJson(vitestJson);
const playwright = readJson(playwrightJson);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (playwright?.stats?.skipped ?? 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
