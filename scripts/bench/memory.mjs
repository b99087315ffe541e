// Samples memory while a session opens or works: the page's and the worker's JS heap
// (CDP Runtime.getHeapUsage, which also reports ArrayBuffer backing stores, where
// git packs live) and the resident size of the biggest renderer process (/proc).
import fs from "node:fs";

const MB = 1024 * 1024;

/** Attaches to the page's dedicated workers (non-flat CDP sessions) as they start. */
export async function watchWorkers(cdp) {
  const workers = new Map(); // sessionId -> url
  const pending = new Map(); // message id -> resolve
  let nextId = 1;
  cdp.on("Target.attachedToTarget", (event) => {
    if (event.targetInfo.type === "worker") workers.set(event.sessionId, event.targetInfo.url);
  });
  cdp.on("Target.detachedFromTarget", (event) => workers.delete(event.sessionId));
  cdp.on("Target.receivedMessageFromTarget", (event) => {
    const message = JSON.parse(event.message);
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  // Non-flat sessions are the only way to reach a worker through Playwright's page
  // session; should a Chromium refuse them, the worker simply goes unmeasured.
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false }).catch((error) => {
    console.warn(`bench: cannot attach to workers (${error.message}); worker memory will read 0.`);
  });

  /** Heap usage of every worker, or [] (a worker that just ended answers nothing). */
  const heapUsage = async () => {
    const answers = [...workers.keys()].map(async (sessionId) => {
      const id = nextId++;
      const answer = new Promise((resolve) => {
        pending.set(id, resolve);
        setTimeout(() => {
          pending.delete(id);
          resolve(undefined);
        }, 1_000);
      });
      await cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method: "Runtime.getHeapUsage" }) }).catch(() => {});
      return answer;
    });
    return (await Promise.all(answers)).filter(Boolean);
  };
  return { heapUsage, count: () => workers.size };
}

/** Pids of the processes under the browser that owns `userDataDir`. */
function rendererPids(userDataDir) {
  const procs = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, "utf8");
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      procs.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  const browser = procs.find((p) => p.cmdline.includes(`--user-data-dir=${userDataDir}\0`) && !p.cmdline.includes("--type="));
  if (!browser) return [];
  const inTree = new Set([browser.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => inTree.has(p.pid) && p.cmdline.includes("--type=renderer")).map((p) => p.pid);
}

function rssBytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Polls every `intervalMs` until stop(); returns peaks in MB. `cdp` is a page session
 * (Runtime enabled by the caller); `workers` comes from watchWorkers.
 */
export function startSampler({ cdp, workers, userDataDir, intervalMs = 150 }) {
  const peak = { pageHeapMB: 0, pageBuffersMB: 0, workerHeapMB: 0, workerBuffersMB: 0, rendererRssMB: 0, samples: 0 };
  let stopped = false;
  let pids = [];
  let lastPidScan = 0;
  const sample = async () => {
    const page = await cdp.send("Runtime.getHeapUsage").catch(() => undefined);
    if (page) {
      peak.pageHeapMB = Math.max(peak.pageHeapMB, page.usedSize / MB);
      peak.pageBuffersMB = Math.max(peak.pageBuffersMB, (page.backingStorageSize ?? 0) / MB);
    }
    const inWorkers = await workers.heapUsage();
    const workerHeap = inWorkers.reduce((sum, w) => sum + w.usedSize, 0);
    const workerBuffers = inWorkers.reduce((sum, w) => sum + (w.backingStorageSize ?? 0), 0);
    peak.workerHeapMB = Math.max(peak.workerHeapMB, workerHeap / MB);
    peak.workerBuffersMB = Math.max(peak.workerBuffersMB, workerBuffers / MB);
    // Renderers come and go with navigations; look them up again now and then.
    if (Date.now() - lastPidScan > 1_000) {
      pids = rendererPids(userDataDir);
      lastPidScan = Date.now();
    }
    for (const pid of pids) peak.rendererRssMB = Math.max(peak.rendererRssMB, rssBytes(pid) / MB);
    peak.samples += 1;
  };
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      await sample();
      await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - (Date.now() - started))));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await sample(); // one last look at the end state
    return peak;
  };
}
