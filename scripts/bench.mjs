// `npm run bench`: what a browser session costs next to native git, on generated
// repositories, all measured in one run against one fresh app server.
//
//   npm run bench [-- --only medium,large,notebook] [--reps 3] [--skip-browser]
//
// Steps: generate the repositories (git fast-import) and the 500-cell notebook ->
// ensure the build -> start the app with a fresh DATA_DIR -> per repository: a user,
// a token and a project over the API, push the history -> native git baselines ->
// the same operations in Chromium through the session page -> the notebook: its own
// project, nbformat reading it, then opened and scrolled in the session's notebook
// view -> a table per part and test-results/bench.json.
//
// Slow numbers never fail the run (exit 0); only a broken step does (exit 1, with
// the reason). Every step has a time limit, and the server, browsers and temp
// folders are cleaned up at the end, on failure and on Ctrl-C.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startAppServer } from "../tests/setup/app-server.mjs";
import { browserRuns } from "./bench/browser.mjs";
import { cleanupAll, installSignalHandlers, onCleanup, tempDir } from "./bench/cleanup.mjs";
import { generateRepository, REPO_SPECS } from "./bench/generate.mjs";
import { gatewayBaselines } from "./bench/gateway.mjs";
import { nativeBaselines } from "./bench/native.mjs";
import { benchNotebook, createNotebookRepository } from "./bench/notebook.mjs";
import { printNotebookSummary, summarizeNotebook } from "./bench/notebook-report.mjs";
import { printSummary, summarize, writeJson } from "./bench/report.mjs";
import { authArgs, createToken, createUserAndProject, gitEnvironment, pushRepository } from "./bench/setup.mjs";
import { BenchError, log, run, withTimeout } from "./bench/util.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS_DIR = path.join(ROOT, "test-results");
const RESULTS_FILE = path.join(RESULTS_DIR, "bench.json");
const SERVER_LOG = path.join(RESULTS_DIR, "bench-server.log");
// Two repositories, three repetitions each, a cold open of up to a few minutes: an
// hour means something hangs.
const RUN_LIMIT_MS = 60 * 60_000;
const BUILD_LIMIT_MS = 15 * 60_000;

// How to read the numbers (printed under the tables and kept in bench.json).
const NOTES = [
  "Medians of the repetitions. Browser: open = navigation start to the first visible tree item, in a fresh profile (no local copy, cold HTTP cache); reopen = the same page again in that profile.",
  "Browser operations are timed in the page (performance.now()) around one call to the session's worker; native ones are whole `git` processes (start-up included) in a `git clone --depth 1` of the same /git URL.",
  "Gateway: native git cloning (--depth 1) and pushing one commit through /proxy, against the same project straight from /git; the ratio is what the relay adds.",
  "Memory: peaks of Runtime.getHeapUsage for the page and its worker (JS heap, plus ArrayBuffer storage where pack data lives), and the largest renderer's resident size.",
  "Notebook: a generated 500-cell, ~5 MB notebook (Markdown with math, code with printed text, HTML tables, PNG figures, tracebacks) in a project of its own, opened from the tree in a fresh profile after the session has opened and settled. Times run from the click (the event's timestamp) to after the next paint: Cell 1 holding its editor or rendered Markdown, then, with the notebook scrolled straight to its end, the last cell holding its editor and outputs with its figure decoded. Long tasks: main-thread tasks over 50 ms (PerformanceObserver \"longtask\") in those spans; bench.json keeps the longest animation frames with the scripts that made them. Median, fastest and slowest of the repetitions.",
  "Notebook reference: Debian's nbformat reading the same file (nbformat.read, which parses and validates it), alone and as a whole `python3 -c` process; a point of comparison, not the same work (the browser also reads the file from the session's copy and renders it).",
  "The machine may be shared: compare ratios from the same run, not numbers across runs.",
];

function options() {
  const { values } = parseArgs({
    options: { only: { type: "string" }, reps: { type: "string", default: "3" }, "skip-browser": { type: "boolean", default: false } },
  });
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1) throw new BenchError("--reps takes a whole number of at least 1.");
  const parts = [...REPO_SPECS.map((s) => s.name), "notebook"];
  const names = values.only ? values.only.split(",") : parts;
  if (!names.every((name) => parts.includes(name))) throw new BenchError(`--only takes ${parts.join(", ")} (several with commas).`);
  return { reps, specs: REPO_SPECS.filter((s) => names.includes(s.name)), notebook: names.includes("notebook"), skipBrowser: values["skip-browser"] };
}

/**
 * ensureBuild (scripts/ensure-build.mjs), run as its own process: it exits the process
 * when `next build` fails, and a synchronous build could not be bounded in time or
 * stopped by Ctrl-C from here. Its process group is killed on timeout or Ctrl-C.
 */
async function ensureBuildBounded() {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "ensure-build.mjs")], { cwd: ROOT, stdio: "inherit", detached: true });
  const killGroup = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const stop = onCleanup("stop the build", async () => killGroup(), killGroup);
  const code = await withTimeout(new Promise((resolve) => child.on("close", resolve)), BUILD_LIMIT_MS, "The build (next build)").finally(stop);
  if (code !== 0) throw new BenchError("The build failed (see next build's messages above). If someone is in the middle of an edit, retry in a few minutes.");
}

/** The app with a fresh data folder and an administrator of its own; stopped by cleanup. */
async function startServer() {
  // Settings from the caller's shell would change clone URLs or where data goes.
  for (const name of ["AUTH_URL", "BENCHTOP_URL", "DATA_DIR", "PORT", "HOSTNAME"]) delete process.env[name];
  const admin = { email: "bench-admin@example.test", password: `bench-${randomBytes(12).toString("hex")}` };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(SERVER_LOG, "");
  const server = await startAppServer({
    dataDir: tempDir("data"),
    logFile: SERVER_LOG,
    // The gateway measurement reaches the app's own /git through /proxy, over plain http on loopback.
    env: { BENCHTOP_ADMIN_EMAIL: admin.email, BENCHTOP_ADMIN_PASSWORD: admin.password, BENCHTOP_INSECURE_HOSTS: "localhost,127.0.0.1" },
  }).catch((error) => {
    throw new BenchError(`The app did not start: ${error.message} (log: ${path.relative(ROOT, SERVER_LOG)})`);
  });
  // The server runs in its own process group (detached), so it is killed by group.
  const killGroup = () => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  onCleanup("stop the app server", server.stop, killGroup);
  log(`app at ${server.baseUrl} (log: ${path.relative(ROOT, SERVER_LOG)})`);
  return { ...server, buildId: buildId(), adminToken: await createToken(server.baseUrl, admin) };
}

const buildId = () => {
  try {
    return fs.readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
};

/**
 * `next start` reads .next while it runs: a `next build` started meanwhile (another
 * engineer, the e2e runner) replaces it and the app starts failing (500s). Say so,
 * rather than leave a puzzling failure.
 */
function explainBuildSwap(server, message) {
  if (buildId() === server.buildId) return message;
  return `${message}\n  Note: .next was rebuilt while the benchmark ran (BUILD_ID changed), which breaks the running server; run the benchmark again when no build is running.`;
}

function versions() {
  const version = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return null;
    }
  };
  return { node: process.version, git: version("git", ["--version"]), chromium: version(process.env.BENCHTOP_CHROMIUM || "/usr/bin/chromium", ["--version"]), cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30) };
}

/** Seeds, pushes and measures one repository. Returns its summary (with `error` if a step broke). */
async function benchRepository({ repo, server, env, scratch, reps, skipBrowser }) {
  const { user, token, project } = await createUserAndProject(server.baseUrl, server.adminToken, repo.name);
  const pushMs = await pushRepository(repo, project, token, env);
  const repoScratch = fs.mkdtempSync(path.join(scratch, `${repo.name}-`));
  const native = await nativeBaselines({ project, token, env, scratch: repoScratch, targets: repo.editTargets, reps });
  const gateway = await gatewayBaselines({ baseUrl: server.baseUrl, user, token, project, env, scratch: repoScratch, target: repo.editTargets.at(-1), reps });
  let browser = null;
  let error = null;
  if (!skipBrowser) {
    const remoteHead = async () => (await run("git", [...authArgs(token), "ls-remote", project.cloneUrl, "refs/heads/main"], { env, timeoutMs: 60_000 })).stdout.split(/\s/)[0];
    try {
      browser = await browserRuns({ baseUrl: server.baseUrl, user, project, scratch: repoScratch, targets: repo.editTargets, reps, resultsDir: RESULTS_DIR, remoteHead, repoName: repo.name });
    } catch (e) {
      if (!(e instanceof BenchError)) throw e;
      error = e.message; // reported with the native numbers, then the run fails
    }
  }
  fs.rmSync(repoScratch, { recursive: true, force: true });
  return summarize({ repo, pushMs, native, gateway, browser, error });
}

async function main() {
  installSignalHandlers();
  const runLimit = setTimeout(() => {
    console.error(`bench: the run took longer than ${RUN_LIMIT_MS / 60_000} minutes; stopping.`);
    cleanupAll().finally(() => process.exit(1));
  }, RUN_LIMIT_MS);
  runLimit.unref();

  const { reps, specs, notebook, skipBrowser } = options();
  if (!skipBrowser && !fs.existsSync(process.env.BENCHTOP_CHROMIUM || "/usr/bin/chromium")) {
    throw new BenchError("Chromium is not at /usr/bin/chromium (install the Debian package, or set BENCHTOP_CHROMIUM).");
  }
  process.chdir(ROOT); // next start (app-server.mjs) serves the build in the project folder
  await ensureBuildBounded();

  const scratch = tempDir("run");
  const env = gitEnvironment(scratch);
  const repos = [];
  for (const spec of specs) {
    repos.push(await withTimeout(generateRepository(spec, path.join(scratch, `${spec.name}.git`)), 5 * 60_000, `Generating the ${spec.name} repository`));
  }
  const notebookRepo = notebook ? await withTimeout(createNotebookRepository(path.join(scratch, "notebook"), env), 5 * 60_000, "Generating the notebook") : null;

  const server = await startServer();
  const report = { createdAt: new Date().toISOString(), machine: versions(), reps, notes: NOTES, repositories: [] };
  let failed = null;
  for (const repo of repos) {
    const summary = await benchRepository({ repo, server, env, scratch, reps, skipBrowser }).catch((error) => {
      throw error instanceof BenchError ? new BenchError(explainBuildSwap(server, error.message)) : error;
    });
    report.repositories.push(summary);
    printSummary(summary);
    writeJson(RESULTS_FILE, report); // after each repository, so a later failure keeps these numbers
    if (summary.error) {
      failed = explainBuildSwap(server, summary.error);
      break; // the same session page would fail on the next repository too
    }
  }
  if (notebookRepo && !failed) {
    const summary = summarizeNotebook(await benchNotebook({ notebook: notebookRepo, server, env, scratch, reps, skipBrowser, resultsDir: RESULTS_DIR }));
    report.notebook = summary;
    printNotebookSummary(summary);
    writeJson(RESULTS_FILE, report);
    if (summary.error) failed = explainBuildSwap(server, summary.error);
  }
  console.log(`\n${NOTES.map((note) => `- ${note}`).join("\n")}`);
  console.log(`\nbench: results in ${path.relative(ROOT, RESULTS_FILE)}`);
  if (failed) throw new BenchError(`The browser part broke:\n${failed}`);
}

main()
  .then(async () => {
    await cleanupAll();
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(`\nbench: FAILED: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
    await cleanupAll();
    process.exit(1);
  });
