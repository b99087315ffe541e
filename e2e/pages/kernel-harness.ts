// A page that drives the notebook kernel (lib/workspace/kernel) in Chromium before
// the notebook view exists. Nothing of it is in the app: the test bundles the
// kernel's client and worker with esbuild and answers /__kernel-harness/ itself
// (page.route), on the app's origin, so the worker loads Pyodide from Benchtop's
// real /pyodide route with the browser's session cookie.
import path from "node:path";
import { build } from "esbuild";
import type { BrowserContext, Page } from "@playwright/test";
import type { KernelOutput, KernelState, RunResult, WrittenFile } from "../../lib/workspace/kernel";
import { APP_URL } from "../servers";

const ROOT = path.resolve(__dirname, "..", "..");
const BASE = `${APP_URL}/__kernel-harness/`;

async function bundle(entry: string, format: "esm" | "iife"): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, "lib/workspace/kernel", entry)],
    bundle: true,
    write: false,
    format,
    platform: "browser",
    target: "chrome120",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>Kernel harness</title>
<script type="module">import * as kernel from "${BASE}kernel.js"; window.kernelModule = kernel; document.title = "Kernel harness ready";</script>`;

type HarnessWindow = {
  kernelModule: typeof import("../../lib/workspace/kernel");
  kernel: ReturnType<typeof import("../../lib/workspace/kernel")["startKernel"]>;
  streamed: KernelOutput[];
  states: KernelState[];
};

export class KernelHarness {
  private constructor(readonly page: Page) {}

  /**
   * Opens the harness in a new tab of `context`. `isolated` serves it with COOP and
   * COEP (as session pages are), so interrupts go through shared memory. The worker
   * is a classic one, as Turbopack makes them.
   */
  static async open(context: BrowserContext, { isolated }: { isolated: boolean }): Promise<KernelHarness> {
    const [client, worker] = await Promise.all([bundle("index.ts", "esm"), bundle("kernel-worker.ts", "iife")]);
    const isolation: Record<string, string> = isolated ? { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" } : {};
    const bodies: Record<string, [string, string]> = {
      "failing-worker.js": ["throw new Error('the worker broke')", "text/javascript; charset=utf-8"],
      "index.html": [PAGE, "text/html; charset=utf-8"],
      "kernel.js": [client, "text/javascript; charset=utf-8"],
      "kernel-worker.js": [worker, "text/javascript; charset=utf-8"],
    };
    const page = await context.newPage();
    await page.route(`${BASE}*`, (route) => {
      const [body, contentType] = bodies[new URL(route.request().url()).pathname.split("/").pop()!] ?? ["not here", "text/plain"];
      return route.fulfill({ body, contentType, headers: { ...isolation } });
    });
    await page.goto(`${BASE}index.html`);
    await page.waitForFunction(() => document.title === "Kernel harness ready");
    return new KernelHarness(page);
  }

  crossOriginIsolated(): Promise<boolean> {
    return this.page.evaluate(() => window.crossOriginIsolated);
  }

  /** Starts the kernel with Benchtop's Pyodide and a small working tree (path -> text); `worker` replaces the kernel's script. */
  async start({ indexURL, files, worker = "kernel-worker.js" }: { indexURL: string; files: Record<string, string>; worker?: string }): Promise<void> {
    await this.page.evaluate(
      ({ indexURL, files, workerUrl }) => {
        const w = window as unknown as HarnessWindow;
        const bytes = (text: string) => new TextEncoder().encode(text);
        w.streamed = [];
        w.states = [];
        w.kernel = w.kernelModule.startKernel({
          indexURL,
          files: { listFiles: async () => Object.keys(files).map((path) => ({ path })), readFile: async (path) => bytes(files[path]!) },
          createWorker: () => new Worker(workerUrl, { name: "benchtop-kernel" }),
          interruptTimeout: 5_000,
        });
        w.kernel.onStateChange((state) => w.states.push(state));
      },
      { indexURL, files, workerUrl: `${BASE}${worker}` },
    );
    await this.page.waitForFunction(() => (window as unknown as HarnessWindow).kernel.state.status !== "starting", null, { timeout: 120_000 });
  }

  async waitFor(status: KernelState["status"]): Promise<void> {
    await this.page.waitForFunction((status) => (window as unknown as HarnessWindow).kernel.state.status === status, status, { timeout: 120_000 });
  }

  state(): Promise<KernelState> {
    return this.page.evaluate(() => (window as unknown as HarnessWindow).kernel.state);
  }

  /** Runs a cell; the outputs streamed while it ran are kept in window.streamed. */
  run(code: string): Promise<RunResult> {
    return this.page.evaluate((code) => {
      const w = window as unknown as HarnessWindow;
      return w.kernel.run(code, { onOutput: (output) => w.streamed.push(output) });
    }, code);
  }

  /** Starts a cell, waits until it is running, interrupts it and returns what the cell came to. */
  runAndInterrupt(code: string): Promise<{ result: RunResult; queued: RunResult }> {
    return this.page.evaluate(async (code) => {
      const { kernel } = window as unknown as HarnessWindow;
      const running = kernel.run(code);
      const queued = kernel.run("print('never runs')");
      while (kernel.state.status !== "busy") await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await kernel.interrupt();
      return { result: await running, queued: await queued };
    }, code);
  }

  restart(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as HarnessWindow).kernel.restart());
  }

  listWrittenFiles(): Promise<WrittenFile[]> {
    return this.page.evaluate(() => (window as unknown as HarnessWindow).kernel.listWrittenFiles());
  }

  streamed(): Promise<KernelOutput[]> {
    return this.page.evaluate(() => (window as unknown as HarnessWindow).streamed);
  }
}
