// `npm test`: lint, typecheck, build, unit and integration tests (Vitest), then the
// browser tests (Playwright in Debian's Chromium). Stops at the first failing step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "./ensure-build.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";
import { ensureGitLfs } from "./ensure-git-lfs.mjs";
import { ensurePythonTools } from "./ensure-python-tools.mjs";

const results = path.resolve("test-results");
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.resolve("node_modules", ".bin", name);

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${title} failed after ${seconds} s.`);
    process.exit(result.status ?? 1);
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

step("Lint", bin("eslint"), ["."]);
step("Typecheck", bin("tsc"), ["--noEmit"]);
console.log("\n=== Build ===");
ensureBuild();
ensurePythonTools();
ensureGitLfs();
const vitestJson = path.join(results, "vitest.json");
step("Unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
ensureChromium();
const playwrightJson = path.join(results, "playwright.json");
step("Browser tests", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson });

const vitest = readJson(vitestJson);
const playwright = readJson(playwrightJson);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (playwright?.stats?.skipped ?? 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
