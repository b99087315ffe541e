// The browser side: Chromium with an on-disk profile (so IndexedDB is on disk, as for
// a person), signed in over next-auth's endpoints, opening the session page and
// driving its worker through window.__benchtopSession.api.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { onCleanup } from "./cleanup.mjs";
import { startSampler, watchWorkers } from "./memory.mjs";
import { editPlan } from "./native.mjs";
import { BenchError, log, nowMs, withTimeout } from "./util.mjs";

const CHROMIUM = process.env.BENCHTOP_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
const OPEN_TIMEOUT_MS = 5 * 60_000;
const OPERATION_TIMEOUT_MS = 3 * 60_000;
/** Idle time after an open before navigating away (see browserRuns). */
export const SETTLE_MS = 2_000;
/** What the session's opening screen says when opening failed (opening-screen.tsx). */
const FAILED_TEXT = "Could not open the session";

/**
 * Records, in the page, when the first tree item becomes visible (performance.now(),
 * i.e. ms since navigation start), so the number does not include Playwright's polling.
 */
function markFirstTreeItem() {
  const found = () => {
    const item = document.querySelector('[role="treeitem"]');
    if (!item) return false;
    const box = item.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    window.__benchFirstTreeItemAt = performance.now();
    window.__benchTreeItemShown?.(); // tells the harness at once (Playwright's own polling backs off to 500 ms)
    return true;
  };
  if (found()) return;
  const observer = new MutationObserver(() => {
    if (found()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Launches a persistent profile in `dir`, signs the user in, and opens a CDP session for sampling. */
export async function openProfile({ baseUrl, dir, user }) {
  const context = await withTimeout(
    chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, baseURL: baseUrl }),
    60_000,
    "Launching Chromium",
  );
  // Ctrl-C during a run closes Chromium too.
  const close = onCleanup(`close Chromium (${dir})`, () => withTimeout(context.close(), 30_000, "Closing Chromium").catch(() => {}));
  try {
    const shown = { resolve: () => {} };
    await context.exposeBinding("__benchTreeItemShown", () => shown.resolve(nowMs()));
    await context.addInitScript(markFirstTreeItem);
    await signIn(context, user);
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      // Failed loads are reported with their URL by the response handler below. The init
      // scripts cannot run in /api/auth/csrf (a sandboxed JSON answer), where the profile starts.
      const text = message.text();
      if (message.type() === "error" && !text.startsWith("Failed to load resource") && !(text.startsWith("Blocked script execution") && text.includes("/api/auth/csrf"))) problems.push(`console: ${text}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    });
    page.on("requestfailed", (request) => {
      // Aborted ones are prefetches and loads cancelled by our own navigations.
      const why = request.failure()?.errorText ?? "";
      if (!why.includes("ERR_ABORTED")) problems.push(`request failed: ${request.method()} ${request.url()} (${why})`);
    });
    // Be on the app's origin before sampling starts, without loading any of its scripts
    // (the profile's HTTP cache must stay cold for the first open).
    await page.goto("/api/auth/csrf");
    const cdp = await context.newCDPSession(page);
    const workers = await watchWorkers(cdp);
    return { context, page, cdp, workers, dir, problems, shown, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** next-auth's CSRF token, then the credentials callback: the cookie lands in the profile. */
async function signIn(context, user) {
  const request = context.request;
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, callbackUrl: "/projects" },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? "";
  const cookies = await context.cookies();
  if (response.status() !== 302 || location.includes("error") || !cookies.some((c) => c.name.includes("session-token"))) {
    throw new BenchError(`Signing in the browser failed: ${response.status()} ${location}`);
  }
}

/** What the page shows and logged, for a failure message (and a screenshot next to bench.json). */
export async function describeFailure(profile, what, resultsDir) {
  const shot = path.join(resultsDir, `bench-failure-${what.replace(/[^a-z0-9]+/gi, "-")}.png`);
  await profile.page.screenshot({ path: shot }).catch(() => {});
  const text = await profile.page
    .evaluate(() => document.body?.innerText ?? "")
    .catch(() => "");
  return [`Screenshot: ${shot}`, `Page text: ${text.replace(/\s+/g, " ").slice(0, 600)}`, ...profile.problems.slice(-8)].join("\n  ");
}

/** Where the open spent its time: page load, the worker's start, its git requests (from resource timing). */
async function openBreakdown(page) {
  const pageTimes = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return { timeOrigin: performance.timeOrigin, domContentLoaded: nav?.domContentLoadedEventEnd, load: nav?.loadEventEnd };
  });
  const workers = [];
  for (const worker of page.workers()) {
    const info = await worker
      .evaluate(() => ({
        timeOrigin: performance.timeOrigin,
        requests: performance
          .getEntriesByType("resource")
          .filter((e) => e.name.includes("/git/"))
          .map((e) => ({ url: e.name.replace(/^.*\/git\//, "/git/"), start: e.startTime, end: e.responseEnd, bytes: e.transferSize })),
      }))
      .catch(() => null);
    if (!info) continue;
    const shift = info.timeOrigin - pageTimes.timeOrigin; // worker clock -> page clock
    workers.push({
      startedAt: Math.round(shift),
      gitRequests: info.requests.map((r) => ({ url: r.url, startAt: Math.round(r.start + shift), endAt: Math.round(r.end + shift), bytes: r.bytes })),
    });
  }
  return { domContentLoaded: Math.round(pageTimes.domContentLoaded ?? 0), load: Math.round(pageTimes.load ?? 0), workers };
}

/** Navigates to the session and waits for the first tree item; memory is sampled meanwhile. */
export async function timeOpen(profile, url, label, resultsDir) {
  const stopSampling = startSampler({ cdp: profile.cdp, workers: profile.workers, userDataDir: profile.dir });
  const shownAt = new Promise((resolve) => (profile.shown.resolve = resolve));
  const started = nowMs();
  try {
    const response = await profile.page.goto(url, { waitUntil: "commit", timeout: OPEN_TIMEOUT_MS });
    if (response && response.status() >= 400) throw new Error(`the page answered HTTP ${response.status()}`);
    // The tree, or the opening screen's failure message (no point waiting minutes for it).
    const treeItem = profile.page.locator('[role="treeitem"]');
    await treeItem.or(profile.page.getByText(FAILED_TEXT)).first().waitFor({ state: "visible", timeout: OPEN_TIMEOUT_MS });
    if (!(await treeItem.first().isVisible())) throw new Error("the session said it could not open");
  } catch (error) {
    await stopSampling();
    throw new BenchError(`${label}: the file tree did not appear (${error.message.split("\n")[0]}).\n  ${await describeFailure(profile, label, resultsDir)}`);
  }
  // From goto to the page's own signal; Playwright's wait above only confirms visibility.
  const wallMs = (await Promise.race([shownAt, Promise.resolve(nowMs())])) - started;
  const peak = await stopSampling();
  // The reported number: ms from navigation start to the first visible tree item, in the page.
  const inPage = await profile.page.evaluate(() => window.__benchFirstTreeItemAt);
  const breakdown = await openBreakdown(profile.page).catch(() => null);
  return { ms: inPage ?? wallMs, wallMs, peak, breakdown };
}

// In-page steps (run with page.evaluate; timed with performance.now() in the page).
// Arrow functions: Playwright sends each one's source text to the page.
export const inPage = {
  ready: () => !!window.__benchtopSession?.api,
  status: async () => {
    const api = window.__benchtopSession.api;
    const t = performance.now();
    const changes = await api.getStatus();
    return { ms: performance.now() - t, changes: changes.length };
  },
  edit: async ({ files, first }) => {
    const api = window.__benchtopSession.api;
    let n = first;
    for (const path of files) {
      const old = await api.readFileBytes({ path });
      const suffix = new TextEncoder().encode(`\n# bench edit ${n++}\n`);
      const content = new Uint8Array(old.length + suffix.length);
      content.set(old);
      content.set(suffix, old.length);
      await api.writeFile({ path, content });
    }
  },
  commit: async (message) => {
    const api = window.__benchtopSession.api;
    const t = performance.now();
    const info = await api.commit({ message });
    return { ms: performance.now() - t, oid: info?.oid };
  },
  push: async () => {
    const api = window.__benchtopSession.api;
    const t = performance.now();
    const state = await api.push({});
    return { ms: performance.now() - t, head: state?.head, unpushed: state?.unpushed };
  },
};

/** The same sequence as nativeBaselines, through the session's worker. */
async function runOperations(profile, { targets, reps, resultsDir, remoteHead }) {
  const { page } = profile;
  const step = async (what, fn, arg) => {
    try {
      return await withTimeout(page.evaluate(fn, arg), OPERATION_TIMEOUT_MS, what);
    } catch (error) {
      throw new BenchError(`In the session, ${what} failed: ${error.message.split("\n")[0]}\n  ${await describeFailure(profile, what, resultsDir)}`);
    }
  };
  await withTimeout(page.waitForFunction(inPage.ready, null, { timeout: 60_000, polling: 100 }), 61_000, "Waiting for window.__benchtopSession.api");
  const samples = { statusClean: [], statusOneChanged: [], commitOneFile: [], commitTenFiles: [], pushOneCommit: [] };
  const warnings = [];
  const plan = editPlan(targets, reps);
  let edits = 1000; // edit numbers distinct from the native run's

  const edit = async (files) => {
    await step(`editing ${files.length} file(s)`, inPage.edit, { files, first: edits });
    edits += files.length;
  };

  for (let i = 0; i < reps; i++) {
    const { ms, changes } = await step("getStatus (nothing changed)", inPage.status);
    if (changes !== 0) warnings.push(`getStatus with nothing changed listed ${changes} change(s)`);
    samples.statusClean.push(ms);
  }
  await edit(plan.oneFile[0]);
  for (let i = 0; i < reps; i++) {
    const { ms, changes } = await step("getStatus (one file changed)", inPage.status);
    if (changes !== 1) warnings.push(`getStatus with one file changed listed ${changes} change(s)`);
    samples.statusOneChanged.push(ms);
  }
  for (let i = 0; i < reps; i++) {
    if (i > 0) await edit(plan.oneFile[i]);
    samples.commitOneFile.push((await step("commit (one file)", inPage.commit, `bench: one file ${i}`)).ms);
  }
  for (let i = 0; i < reps; i++) {
    await edit(plan.tenFiles[i]);
    samples.commitTenFiles.push((await step("commit (ten files)", inPage.commit, `bench: ten files ${i}`)).ms);
  }
  // As natively: push the commits above first, so each timed push carries one commit.
  await step("push (the commits above)", inPage.push);
  let lastOid;
  for (let i = 0; i < reps; i++) {
    await edit(plan.push[i]);
    lastOid = (await step("commit (before push)", inPage.commit, `bench: push ${i}`)).oid;
    const pushed = await step("push (one commit)", inPage.push);
    if (pushed.unpushed) warnings.push(`after push, the session still counts ${pushed.unpushed} unpushed commit(s)`);
    samples.pushOneCommit.push(pushed.ms);
  }
  // The pushes must have reached the server, or their times mean nothing.
  const head = await remoteHead();
  if (lastOid && head !== lastOid) warnings.push(`the server's main is ${head}, not the session's last commit ${lastOid}`);
  return { samples, warnings };
}

/**
 * `reps` fresh profiles: each opens the session (cold: no local copy, empty HTTP cache),
 * then opens it again in the same page (local copy present). The last profile also
 * runs the operations.
 */
export async function browserRuns({ baseUrl, user, project, scratch, targets, reps = 3, resultsDir, remoteHead, repoName }) {
  const url = `/projects/${project.id}/session`;
  const open = [];
  const reopen = [];
  let operations = null;
  let operationsPeak = null;
  for (let i = 0; i < reps; i++) {
    const dir = path.join(scratch, `profile-${i}`);
    const profile = await openProfile({ baseUrl, dir, user });
    try {
      // The server renders this route once before timing (Next loads its code on first use).
      if (i === 0) await profile.context.request.get(url);
      const first = await timeOpen(profile, url, `${repoName}: opening the session (rep ${i + 1})`, resultsDir);
      open.push(first);
      log(`${repoName}: browser open ${i + 1}/${reps}: ${Math.round(first.ms)} ms`);
      // Let the first open settle before leaving, as a person would: background work
      // must not overlap the reopen, and lightning-fs saves its directory index only
      // 500 ms after the last write unless the session flushes it (a copy left sooner
      // came back without files before workspace-api.ts flushed after each write).
      await profile.page.waitForTimeout(SETTLE_MS);
      const again = await timeOpen(profile, url, `${repoName}: reopening the session (rep ${i + 1})`, resultsDir);
      reopen.push(again);
      log(`${repoName}: browser reopen ${i + 1}/${reps}: ${Math.round(again.ms)} ms`);
      if (i === reps - 1) {
        const stopSampling = startSampler({ cdp: profile.cdp, workers: profile.workers, userDataDir: dir });
        try {
          operations = await runOperations(profile, { targets, reps, resultsDir, remoteHead });
        } finally {
          operationsPeak = await stopSampling();
        }
        if (profile.problems.length) operations.warnings.push(...profile.problems.slice(0, 5));
      }
    } finally {
      await profile.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { open, reopen, operations, operationsPeak };
}
