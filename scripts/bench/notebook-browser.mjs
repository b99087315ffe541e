// The notebook in Chromium: a fresh profile opens the session, then the notebook
// from the tree; the page records when Cell 1 is shown, scrolls the notebook to
// its end and records when the last cell is fully rendered, and keeps every
// main-thread long task (and, where Chromium reports them, long animation frames
// with the scripts that made them, to say where the time went).
import fs from "node:fs";
import path from "node:path";
import { describeFailure, inPage, openProfile, SETTLE_MS, timeOpen } from "./browser.mjs";
import { startSampler } from "./memory.mjs";
import { BenchError, log, withTimeout } from "./util.mjs";

/** From the click to the last cell rendered; a page that froze for this long is broken, not slow. */
const NOTEBOOK_TIMEOUT_MS = 3 * 60_000;

/** Init script: every long task and long animation frame of the page, from its start. */
function recordLongTasks() {
  window.__benchLongTasks = [];
  window.__benchLongFrames = [];
  const observe = (type, keep) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(keep)).observe({ type, buffered: true });
    } catch {
      // this Chromium does not report it; the numbers stay empty
    }
  };
  observe("longtask", (entry) => window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration }));
  observe("long-animation-frame", (entry) =>
    window.__benchLongFrames.push({
      start: entry.startTime,
      duration: entry.duration,
      scripts: (entry.scripts ?? []).map((script) => ({ invoker: script.invoker, function: script.sourceFunctionName, url: script.sourceURL, duration: script.duration })),
    }),
  );
}

/**
 * In the page, before the click: remembers the click's time (the event's own
 * timestamp, i.e. when the person clicked even if the page was busy), waits for
 * Cell 1 to hold its editor or rendered Markdown, then scrolls the notebook's
 * scrolling container to its end (again after each change, as cells above grow
 * while rendering) until the last cell holds its editor or Markdown and its
 * images are decoded. "Shown" is after the next paint (a frame, then a task).
 */
function watchNotebook({ lastCell }) {
  const times = {};
  const cell = (n) => document.querySelector(`section[aria-label="Cell ${n}"]`);
  const rendered = (section) => !!section?.querySelector(".cm-editor, .markdown-body");
  const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  const scrollToEnd = () => {
    const scroller = cell(1)?.parentElement;
    if (!scroller) return;
    times.scrollAt ??= performance.now();
    scroller.scrollTop = scroller.scrollHeight;
  };
  document.addEventListener("click", (event) => (times.clickAt ??= event.timeStamp || performance.now()), { capture: true, once: true });
  window.__benchNotebook = new Promise((resolve) => {
    let phase = "first";
    const check = () => {
      if (phase === "first" && rendered(cell(1))) {
        phase = "painting";
        afterPaint(() => {
          times.firstAt = performance.now();
          phase = "last";
          check();
        });
      } else if (phase === "last") {
        const last = cell(lastCell);
        if (!rendered(last)) return scrollToEnd();
        phase = "done";
        observer.disconnect();
        const images = [...last.querySelectorAll("img")].map((image) => image.decode().catch(() => {}));
        Promise.all(images).then(() =>
          afterPaint(() => {
            times.lastAt = performance.now();
            times.cells = document.querySelectorAll('section[aria-label^="Cell "]').length;
            times.renderedCells = [...document.querySelectorAll('section[aria-label^="Cell "]')].filter(rendered).length;
            resolve(times);
          }),
        );
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** Long tasks between two page times: how many, their total and the longest (ms). */
function longTasksBetween(tasks, from, to) {
  const inside = tasks.filter((task) => task.start >= from && task.start < to);
  return { count: inside.length, totalMs: inside.reduce((sum, task) => sum + task.duration, 0), longestMs: inside.reduce((max, task) => Math.max(max, task.duration), 0) };
}

/** One open of the notebook in a page where the session is open; times are ms after the click. */
async function openNotebook(profile, { fileName, lastCell }) {
  const { page } = profile;
  await page.evaluate(watchNotebook, { lastCell });
  await page.getByRole("tree").getByRole("treeitem", { name: fileName, exact: true }).click();
  const times = await withTimeout(page.evaluate(() => window.__benchNotebook), NOTEBOOK_TIMEOUT_MS, `Opening ${fileName} and rendering its last cell`);
  const { tasks, frames } = await page.evaluate(() => ({ tasks: window.__benchLongTasks, frames: window.__benchLongFrames }));
  const { clickAt, firstAt, lastAt } = times;
  return {
    firstCellMs: firstAt - clickAt,
    lastCellMs: lastAt - clickAt,
    scrollToLastMs: lastAt - times.scrollAt,
    cellsInPage: times.cells,
    renderedCells: times.renderedCells,
    opening: longTasksBetween(tasks, clickAt, firstAt),
    all: longTasksBetween(tasks, clickAt, lastAt),
    // Where the longest frames spent their time (only kept in bench.json).
    longestFrames: frames
      .filter((frame) => frame.start >= clickAt && frame.start < lastAt)
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((frame) => ({ atMs: Math.round(frame.start - clickAt), durationMs: Math.round(frame.duration), scripts: frame.scripts.sort((a, b) => b.duration - a.duration).slice(0, 3) })),
  };
}

/**
 * `reps` fresh profiles, each opening the session (untimed here), letting it settle,
 * then opening the notebook from the tree. Memory is sampled from the click to the
 * last cell.
 */
export async function notebookBrowserRuns({ baseUrl, user, project, scratch, reps, resultsDir, notebook }) {
  const url = `/projects/${project.id}/session`;
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const dir = path.join(scratch, `notebook-profile-${i}`);
    const profile = await openProfile({ baseUrl, dir, user });
    const label = `notebook: opening ${notebook.path} (rep ${i + 1})`;
    try {
      await profile.context.addInitScript(recordLongTasks);
      if (i === 0) await profile.context.request.get(url);
      await timeOpen(profile, url, `notebook: opening the session (rep ${i + 1})`, resultsDir);
      await withTimeout(profile.page.waitForFunction(inPage.ready, null, { timeout: 60_000, polling: 100 }), 61_000, "Waiting for window.__benchtopSession.api");
      await profile.page.waitForTimeout(SETTLE_MS); // the opening's own work must not be counted
      const stopSampling = startSampler({ cdp: profile.cdp, workers: profile.workers, userDataDir: dir });
      const result = await openNotebook(profile, { fileName: path.basename(notebook.path), lastCell: notebook.cells }).catch(async (error) => {
        await stopSampling();
        throw new BenchError(`${label} failed: ${error.message.split("\n")[0]}\n  ${await describeFailure(profile, label, resultsDir)}`);
      });
      result.peak = await stopSampling();
      if (result.cellsInPage !== notebook.cells) throw new BenchError(`${label}: the page shows ${result.cellsInPage} cells, the notebook has ${notebook.cells}.\n  ${await describeFailure(profile, label, resultsDir)}`);
      result.problems = profile.problems.slice(0, 5);
      runs.push(result);
      log(`notebook ${i + 1}/${reps}: first cell ${Math.round(result.firstCellMs)} ms, last cell ${Math.round(result.lastCellMs)} ms, ${result.all.count} long tasks (${Math.round(result.all.totalMs)} ms, longest ${Math.round(result.all.longestMs)} ms)`);
    } finally {
      await profile.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return runs;
}
