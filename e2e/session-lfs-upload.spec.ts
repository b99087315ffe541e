// A 1 GB file added to a session from disk at a Git LFS path: read a piece at a time,
// hashed and handed to the browser's storage, with the page's JavaScript heap (CDP
// Performance metrics, sampled throughout) staying under 300 MB.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CDPSession } from "@playwright/test";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const GB = 1024 ** 3;

/**
 * Reads the JS heap of the page's dedicated worker (the session's git worker) over CDP:
 * the page's session attaches to it and relays Runtime.getHeapUsage.
 */
async function workerHeapReader(cdp: CDPSession): Promise<() => Promise<number>> {
  let workerSession: string | undefined;
  let nextId = 1;
  const pending = new Map<number, (used: number) => void>();
  cdp.on("Target.attachedToTarget", (event) => {
    if (event.targetInfo.type === "worker") workerSession = event.sessionId;
  });
  cdp.on("Target.receivedMessageFromTarget", (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.usedSize ?? 0);
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await expect.poll(() => workerSession, { message: "the git worker is attached" }).toBeDefined();
  return () =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void cdp.send("Target.sendMessageToTarget", { sessionId: workerSession!, message: JSON.stringify({ id, method: "Runtime.getHeapUsage" }) });
    });
}
const HEAP_LIMIT = 300 * 1024 * 1024;

test("a 1 GB file added from disk at an LFS path keeps the page's memory under 300 MB", async ({ owner, openBrowser }) => {
  test.setTimeout(600_000);
  const native = new NativeGit(owner.project.cloneUrl, owner.token).clone();
  native.commitFile(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n", "Keep .bin files in Git LFS");

  // Sparse: a gigabyte of zeros that costs the disk nothing until the browser copies it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-upload-"));
  const big = path.join(dir, "big.bin");
  fs.closeSync(fs.openSync(big, "w"));
  fs.truncateSync(big, GB);
  try {
    const context = await openBrowser(owner.user);
    const page = context.pages()[0]!;
    const session = new SessionPage(page);
    await session.open(owner.project.id);

    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const heap = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    const workerHeap = await workerHeapReader(cdp);
    let highest = await heap();
    let highestInWorker = await workerHeap();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        highest = Math.max(highest, await heap());
        highestInWorker = Math.max(highestInWorker, await workerHeap());
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    await page.getByLabel("Files to upload").setInputFiles(big);
    await expect(session.status).toContainText("Added big.bin (Git LFS) (1.0 GB)", { timeout: 540_000 });
    sampling = false;
    await sampler;

    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    test.info().annotations.push({ type: "memory", description: `JS heap peaks: page ${mb(highest)}, git worker ${mb(highestInWorker)}` });
    expect(highest, `the page's JS heap peaked at ${mb(highest)}`).toBeLessThan(HEAP_LIMIT);
    // The git worker reads and hashes the file: its heap stays under the limit too.
    expect(highestInWorker, `the git worker's JS heap peaked at ${mb(highestInWorker)}`).toBeGreaterThan(0);
    expect(highestInWorker, `the git worker's JS heap peaked at ${mb(highestInWorker)}`).toBeLessThan(HEAP_LIMIT);
    await expect(session.changeRow("big.bin")).toBeVisible();
    await expect(page.getByRole("region", { name: "Large files in this browser" })).toContainText("Large files kept here: 1.0 GB (1.0 GB not pushed yet)");
    // The change is the pointer git lfs would write for these bytes.
    const hash = createHash("sha256");
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < GB / zeros.length; i++) hash.update(zeros);
    await session.changeRow("big.bin").getByRole("button", { name: "big.bin" }).click();
    await expect(session.changedFiles).toContainText(`oid sha256:${hash.digest("hex")}`);
    await expect(session.changedFiles).toContainText(`size ${GB}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
