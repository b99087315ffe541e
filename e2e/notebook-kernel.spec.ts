// Notebooks' Python kernel in Chromium: Pyodide served by Benchtop itself, session
// pages cross-origin isolated (and still working), and the kernel client running
// real Python in a worker (through a test-only harness page, until the notebook view
// uses it). Pyodide takes seconds to start on this machine: few tests, long timeouts.
import fs from "node:fs";
import path from "node:path";
import { KernelHarness } from "./pages/kernel-harness";
import { SessionPage } from "./pages/session-page";
import { APP_URL } from "./servers";
import { expect, NativeGit, test } from "./session-fixtures";

const pyodideDir = path.resolve(__dirname, "..", "node_modules", "pyodide");
const version = (JSON.parse(fs.readFileSync(path.join(pyodideDir, "package.json"), "utf8")) as { version: string }).version;
const indexURL = `${APP_URL}/pyodide/${version}/`;
const plain = (lines: string[]) => lines.join("\n").replace(/\u001b\[[0-9;]*m/g, "");

test.describe("notebook kernel", () => {
  test("Pyodide's files come from Benchtop: allow-listed, typed, cached a year under their version", async ({ owner, playwright }) => {
    const request = await playwright.request.newContext({ baseURL: APP_URL });
    const auth = { authorization: `Bearer ${owner.token}` };
    const wasm = await request.get(`/pyodide/${version}/pyodide.asm.wasm`, { headers: auth });
    expect(wasm.status()).toBe(200);
    expect(wasm.headers()["content-type"]).toBe("application/wasm");
    expect(wasm.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(wasm.headers()["cross-origin-resource-policy"]).toBe("same-origin");
    expect(wasm.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await wasm.body()).equals(fs.readFileSync(path.join(pyodideDir, "pyodide.asm.wasm")))).toBe(true);
    for (const [file, type] of [
      ["pyodide.mjs", "text/javascript; charset=utf-8"],
      ["python_stdlib.zip", "application/zip"],
      ["pyodide-lock.json", "application/json; charset=utf-8"],
    ]) {
      expect((await request.head(`/pyodide/${version}/${file}`, { headers: auth })).headers()["content-type"]).toBe(type);
    }
    // Nothing else of node_modules, no other version, nobody signed out.
    expect((await request.get(`/pyodide/${version}/package.json`, { headers: auth })).status()).toBe(404);
    expect((await request.get(`/pyodide/${version}/..%2F..%2Fpackage.json`, { headers: auth })).status()).toBe(404);
    expect((await request.get(`/pyodide/0.1.0/pyodide.mjs`, { headers: auth })).status()).toBe(404);
    expect((await request.get(`/pyodide/${version}/pyodide.mjs`)).status()).toBe(401);
    await request.dispose();
  });

  test("the session page is cross-origin isolated and still opens, edits, commits and pushes", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const page = context.pages()[0]!;
    await page.goto(`/projects/${owner.project.id}`);
    // From the project page's link, as a person gets there: a full page load, so the headers apply.
    const documentResponse = page.waitForResponse((response) => response.url().endsWith(`/projects/${owner.project.id}/session`));
    await page.getByRole("link", { name: "Open session" }).click();
    const headers = (await documentResponse).headers();
    expect(headers["cross-origin-embedder-policy"]).toBe("require-corp");
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    const session = new SessionPage(page);
    await expect(page.getByRole("treeitem").first()).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);

    await session.openFile("README.md");
    await session.replaceText("# Isolated\n\nStill a session.\n");
    await session.commit("Edit under cross-origin isolation");
    await session.push();
    const git = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    expect(git.read("README.md").toString("utf8")).toBe("# Isolated\n\nStill a session.\n");
    // Other pages are not isolated.
    await page.goto(`/projects/${owner.project.id}`);
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
  });

  test("a kernel runs Python in a worker: outputs, files, interrupt keeping state, restart, missing packages", async ({ owner, openBrowser }) => {
    test.setTimeout(240_000);
    const context = await openBrowser(owner.user);
    const kernel = await KernelHarness.open(context, { isolated: true });
    expect(await kernel.crossOriginIsolated()).toBe(true);
    await kernel.start({ indexURL, files: { "data/sales.csv": "region,amount\nnorth,10\nsouth,32\n" } });
    expect(await kernel.state()).toEqual({ status: "idle" });

    const first = await kernel.run("import csv\nrows = list(csv.DictReader(open('data/sales.csv')))\nprint(sum(int(r['amount']) for r in rows))\nlen(rows)");
    expect(first).toEqual({
      status: "ok",
      executionCount: 1,
      outputs: [
        { output_type: "stream", name: "stdout", text: "42\n" },
        { output_type: "execute_result", execution_count: 1, data: { "text/plain": "2" }, metadata: {} },
      ],
    });
    expect(await kernel.streamed()).toEqual(first.outputs);
    await kernel.run("open('summary.txt', 'w').write('42')");
    expect(await kernel.listWrittenFiles()).toEqual([{ path: "summary.txt", size: 2, change: "added" }]);

    const error = await kernel.run("1/0");
    expect(error.outputs[0]).toMatchObject({ output_type: "error", ename: "ZeroDivisionError", evalue: "division by zero" });
    expect(plain(error.outputs[0]?.output_type === "error" ? error.outputs[0].traceback : [])).toContain("----> 1 1/0");

    const { result, queued } = await kernel.runAndInterrupt("while True:\n    pass");
    expect(result.status).toBe("error");
    expect(result.outputs).toMatchObject([{ output_type: "error", ename: "KeyboardInterrupt" }]);
    expect(queued.status).toBe("aborted");
    expect(await kernel.state()).toEqual({ status: "idle" });
    expect((await kernel.run("len(rows)")).outputs).toMatchObject([{ data: { "text/plain": "2" } }]);

    const numpy = await kernel.run("import numpy");
    expect(numpy.outputs[0]).toMatchObject({ output_type: "error", ename: "ModuleNotFoundError" });
    expect(numpy.outputs[0]?.output_type === "error" && numpy.outputs[0].evalue).toContain(
      "The package numpy is not available because no Pyodide package repository is configured. An administrator can set a Pyodide package repository",
    );
    expect(numpy.outputs[0]?.output_type === "error" && numpy.outputs[0].evalue).toContain(
      "in Admin → Notebooks, or with BENCHTOP_PYODIDE_PACKAGES_URL, to make it importable.",
    );

    await kernel.restart();
    expect(await kernel.state()).toEqual({ status: "idle" });
    const fresh = await kernel.run("'rows' in globals()");
    expect(fresh).toMatchObject({ executionCount: 1, outputs: [{ data: { "text/plain": "False" } }] });
  });

  test("without cross-origin isolation, Interrupt restarts the kernel and says so", async ({ owner, openBrowser }) => {
    test.setTimeout(240_000);
    const context = await openBrowser(owner.user);
    const kernel = await KernelHarness.open(context, { isolated: false });
    expect(await kernel.crossOriginIsolated()).toBe(false);
    await kernel.start({ indexURL, files: {} });
    expect(await kernel.state()).toEqual({ status: "idle" });
    await kernel.run("kept = 1");
    const { result } = await kernel.runAndInterrupt("while True:\n    pass");
    expect(result.outputs.at(-1)).toMatchObject({ output_type: "error", ename: "KeyboardInterrupt", evalue: "the kernel was restarted to stop this cell; its variables are gone" });
    await kernel.waitFor("idle");
    expect((await kernel.state()).notice).toBe("Restarted: the interrupt had to restart the kernel, so its variables are gone.");
    expect((await kernel.run("'kept' in globals()")).outputs).toMatchObject([{ data: { "text/plain": "False" } }]);
  });

  test("a kernel whose worker fails is dead, says so, and runs nothing until restarted", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const kernel = await KernelHarness.open(context, { isolated: true });
    await kernel.start({ indexURL, files: {}, worker: "failing-worker.js" });
    const state = await kernel.state();
    expect(state.status).toBe("dead");
    expect(state.notice).toContain("the worker broke");
    expect(state.notice).toContain("Restart it to run code again; the notebook's edits are kept.");
    expect(await kernel.run("print(1)")).toEqual({ status: "aborted", executionCount: null, outputs: [] });
  });
});
