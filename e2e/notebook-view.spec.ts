// The notebook view in a session, in Chromium with Benchtop's real Pyodide kernel:
// open a notebook, run cells, edit Markdown, commit and push, and check with the
// real git command line and Debian's nbformat that the pushed notebook is valid
// and exactly what Jupyter would have written for the same two changes.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { jupyterWrites, nbformatProblem, PYTHON } from "../lib/notebooks/test-support/python-tools";
import { NotebookPage } from "./pages/notebook-page";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const NOTEBOOK = "analysis/sales.ipynb";
/** A 1×1 PNG, for an image a Markdown cell names by a path in the repository. */
const DOT_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A small notebook in Jupyter's own layout, with math, a stored output and a sandboxed HTML output. */
function salesNotebook(): string {
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "python3", display_name: "Python 3", language: "python" },
      language_info: { name: "python" },
      benchtop_test: { kept: "unknown metadata survives" },
    },
    cells: [
      { id: "a1b2c3d4", cell_type: "markdown", metadata: {}, source: "# Sales\n\nThe area is $\\pi r^2$." },
      { id: "b2c3d4e5", cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: "total = 6 * 7\nprint(total)" },
      {
        id: "c3d4e5f6",
        cell_type: "code",
        metadata: { tags: ["table"] },
        execution_count: 7,
        source: "table()",
        outputs: [{ output_type: "execute_result", execution_count: 7, metadata: {}, data: { "text/html": "<table><tr><td>north</td><td>10</td></tr></table>", "text/plain": "table" } }],
      },
      { id: "d4e5f6a7", cell_type: "markdown", metadata: {}, source: "Café: non-ASCII text stays as it is. ![a dot](figures/dot.png)" },
    ],
  };
  return jupyterWrites(JSON.stringify(notebook));
}

/** What Jupyter writes for the notebook after the test's two changes: cell 1's new source, cell 2's run. */
function expectedAfterEdits(original: string, markdown: string): string {
  const script = [
    "import nbformat, sys",
    "nb = nbformat.reads(sys.stdin.read(), as_version=nbformat.NO_CONVERT)",
    `nb.cells[0].source = ${JSON.stringify(markdown)}`,
    "nb.cells[1].execution_count = 1",
    'nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="42\\n")]',
    'sys.stdout.write(nbformat.writes(nb) + "\\n")',
  ].join("\n");
  return execFileSync(PYTHON, ["-c", script], { input: original, encoding: "utf8" });
}

async function openNotebook(page: SessionPage["page"], session: SessionPage): Promise<NotebookPage> {
  await session.item("analysis").click();
  await session.item("sales.ipynb").click();
  await expect(session.openPath).toHaveText(NOTEBOOK);
  const notebook = new NotebookPage(page);
  await expect(notebook.cell(1)).toBeVisible();
  return notebook;
}

test.describe("notebook view", () => {
  test("opens a notebook, runs a cell, edits Markdown, commits and pushes: only those two cells change", async ({ owner, openBrowser }) => {
    test.setTimeout(240_000);
    const native = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    const original = salesNotebook();
    native.commitFile("analysis/figures/dot.png", DOT_PNG, "Add a figure");
    native.commitFile(NOTEBOOK, original, "Add the sales notebook");

    const context = await openBrowser(owner.user);
    const page = context.pages()[0]!;
    const session = new SessionPage(page);
    await session.open(owner.project.id);
    const notebook = await openNotebook(page, session);

    // Every cell in order; Markdown rendered with KaTeX; the stored HTML output in its sandboxed frame.
    await expect(notebook.cells()).toHaveCount(4);
    await expect(notebook.cell(1).getByRole("heading", { name: "Sales" })).toBeVisible();
    await expect(notebook.cell(1).locator(".katex")).toBeVisible();
    await expect(notebook.cell(3).getByText("Out[7]:")).toBeVisible();
    const frame = notebook.cell(3).locator("iframe");
    await expect(frame).toHaveAttribute("sandbox", "allow-scripts");
    await expect(frame.contentFrame().getByRole("cell", { name: "north" })).toBeVisible();
    await expect(notebook.cell(4)).toContainText("Café");
    // A relative image comes from the repository, read in the browser (a data: URL, never a request to a path the page chose).
    await expect(notebook.cell(4).getByRole("img", { name: "a dot" })).toHaveAttribute("src", `data:image/png;base64,${DOT_PNG.toString("base64")}`);

    // Opening changed nothing.
    await expect(session.changedFiles.getByRole("listitem")).toHaveCount(0);

    await notebook.run(2);
    await expect(notebook.cell(2).locator(".nb-stream")).toHaveText("42\n", { useInnerText: false });
    await expect(notebook.cell(2).getByText("In [1]:")).toBeVisible();

    const markdown = "# Sales by region\n\nThe area is $\\pi r^2$, and more.";
    await notebook.cell(1).locator(".markdown-body").dblclick();
    await notebook.typeSource(1, markdown);
    await page.keyboard.press("Shift+Enter");
    await expect(notebook.cell(1).getByRole("heading", { name: "Sales by region" })).toBeVisible();
    await notebook.expectSaved();
    await expect(session.changeRow(NOTEBOOK)).toBeVisible();

    await session.commit("Run the total, retitle the notebook");
    await session.push();

    native.pull();
    const pushed = native.read(NOTEBOOK).toString("utf8");
    expect(nbformatProblem(pushed)).toBeNull();
    expect(pushed).toBe(expectedAfterEdits(original, markdown));
    // git itself sees only those cells' lines change.
    const diff = native.run(["diff", "--unified=0", "HEAD~1", "--", NOTEBOOK]);
    const removed = diff
      .split("\n")
      .filter((line) => line.startsWith("-") && !line.startsWith("---"))
      .map((line) => line.slice(1).trim());
    expect(removed.sort()).toEqual(['"# Sales\\n",', '"The area is $\\\\pi r^2$."', '"execution_count": null,', '"outputs": [],'].sort());
  });

  test("the kernel from the notebook: Jupyter keys, interrupt keeps state, project files, missing packages, written files, restart", async ({ owner, openBrowser }) => {
    test.setTimeout(300_000);
    const native = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    native.commitFile("data/sales.csv", "region,amount\nnorth,10\nsouth,32\n", "Add data");
    native.commitFile(NOTEBOOK, salesNotebook(), "Add the sales notebook");

    const context = await openBrowser(owner.user);
    const page = context.pages()[0]!;
    const session = new SessionPage(page);
    await session.open(owner.project.id);
    const notebook = await openNotebook(page, session);

    await notebook.run(2);
    await expect(notebook.cell(2)).toContainText("42");
    await expect(notebook.kernelStatus).toHaveText("Python: idle");

    // Esc, B: a new code cell below in command mode; Enter edits it; Ctrl+Enter runs it.
    await notebook.source(2).click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("b");
    await expect(notebook.cells()).toHaveCount(5);
    await page.keyboard.press("Enter");
    await expect(notebook.source(3)).toBeFocused();
    await page.keyboard.insertText("while True:\n    pass");
    await page.keyboard.press("Control+Enter");
    await expect(notebook.kernelStatus).toHaveText("Python: busy");
    await notebook.interrupt.click();
    await expect(notebook.cell(3).locator(".nb-error")).toContainText("KeyboardInterrupt", { timeout: 30_000 });
    await expect(notebook.kernelStatus).toHaveText("Python: idle");

    // The working tree is mounted with the notebook's folder as the current directory, as in Jupyter.
    // A click on the cell's margin selects it in command mode (the Interrupt button had the focus).
    await notebook.cell(3).click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("b");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText("print(total, open('../data/sales.csv').read().splitlines()[1])\nopen('summary.txt', 'w').write('north 10')\nimport numpy");
    await page.keyboard.press("Shift+Enter");
    await expect(notebook.cell(4).locator(".nb-stream")).toContainText("42 north,10", { timeout: 60_000 });
    await expect(notebook.cell(4).locator(".nb-error")).toContainText("The package numpy is not available because no Pyodide package repository is configured");
    // Shift+Enter moved on to the next cell.
    await expect(notebook.cell(5)).toHaveAttribute("aria-current", "true");

    const written = page.getByRole("region", { name: "Files written by Python" });
    await expect(written).toContainText("analysis/summary.txt");
    await written.getByRole("button", { name: "Save analysis/summary.txt to the project" }).click();
    await expect(written).toHaveCount(0);
    await expect(session.changeRow("analysis/summary.txt")).toBeVisible();

    // M makes a Markdown cell, Y a code cell again, D D deletes it.
    await page.keyboard.press("Escape");
    await notebook.cell(5).click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("m");
    await expect(notebook.cell(5).getByLabel("Cell type")).toHaveValue("markdown");
    await page.keyboard.press("y");
    await expect(notebook.cell(5).getByLabel("Cell type")).toHaveValue("code");
    await page.keyboard.press("d");
    await page.keyboard.press("d");
    await expect(notebook.cells()).toHaveCount(5);
    await expect(notebook.page.getByText("table()")).toHaveCount(0);

    // Restart: variables are gone.
    await notebook.restart.click();
    await page.getByRole("dialog").getByRole("button", { name: "Restart" }).click();
    await expect(notebook.kernelStatus).toHaveText("Python: idle", { timeout: 120_000 });
    await notebook.typeSource(3, "total");
    await notebook.run(3);
    await expect(notebook.cell(3).locator(".nb-error")).toContainText("NameError");

    // The edits are in the session's copy: they survive a reload.
    await notebook.expectSaved();
    await page.reload();
    const again = await openNotebook(page, session);
    await expect(again.cells()).toHaveCount(5);
    await expect(again.cell(4)).toContainText("42 north,10");
  });

  test("Open as text keeps unsaved edits both ways; a file that is not a notebook opens as text, saying why, and is not rewritten", async ({ owner, openBrowser, api }) => {
    test.setTimeout(120_000);
    const native = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    native.commitFile(NOTEBOOK, salesNotebook(), "Add the sales notebook");
    native.commitFile("broken.ipynb", '{"cells": [', "A broken notebook");

    const context = await openBrowser(owner.user);
    const page = context.pages()[0]!;
    const session = new SessionPage(page);
    await session.open(owner.project.id);
    const notebook = await openNotebook(page, session);

    await notebook.typeSource(2, "answer = 42");
    await page.getByRole("button", { name: "Open as text" }).click();
    await expect(session.editor).toBeVisible();
    expect(await session.editorText()).toContain('"answer = 42"');
    await page.getByRole("button", { name: "Open as notebook" }).click();
    await expect(notebook.cell(2)).toContainText("answer = 42");

    await session.item("broken.ipynb").click();
    await expect(page.getByRole("alert").filter({ hasText: "broken.ipynb opens as text because it is not valid JSON" })).toBeVisible();
    expect(await session.editorText()).toBe('{"cells": [');
    await expect(session.changedFiles.getByRole("listitem")).toHaveCount(1);
    await expect(session.changeRow(NOTEBOOK)).toBeVisible();

    // With the project's default editor set to "code", notebooks open as text, and Open as notebook shows the cells.
    await api.updateProject(owner.token, owner.project.id, { defaultEditor: "code" });
    await page.reload();
    await session.item("analysis").click();
    await session.item(path.basename(NOTEBOOK)).click();
    await session.expectOpen(NOTEBOOK);
    expect(await session.editorText()).toContain('"answer = 42"');
    await page.getByRole("button", { name: "Open as notebook" }).click();
    await expect(notebook.cell(2)).toContainText("answer = 42");
  });

  test("attack: a pushed notebook's Markdown, HTML, SVG and attachments run nothing in the session page", async ({ owner, openBrowser }) => {
    const PWN = "top.__pwned = (top.__pwned || 0) + 1";
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" onload="${PWN}"><script>${PWN}</script><rect width="8" height="8"/></svg>`;
    const attacks = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        {
          id: "e1",
          cell_type: "markdown",
          metadata: {},
          source: `<script>${PWN}</script>\n\n<img src=x onerror="${PWN}"> [link](javascript:${PWN}) ![svg](attachment:s.svg)`,
          attachments: { "s.svg": { "image/svg+xml": svg } },
        },
        {
          id: "e2",
          cell_type: "code",
          metadata: {},
          execution_count: 1,
          source: "attack()",
          outputs: [
            { output_type: "display_data", metadata: {}, data: { "text/html": `<p>framed</p><script>${PWN}; parent.document.title = "pwned"</script>` } },
            { output_type: "display_data", metadata: {}, data: { "image/svg+xml": svg } },
            { output_type: "display_data", metadata: {}, data: { "text/markdown": `<img src=x onerror="${PWN}">` } },
          ],
        },
      ],
    };
    new NativeGit(owner.project.cloneUrl, owner.token).clone().commitFile("attack.ipynb", JSON.stringify(attacks, null, 1) + "\n", "Attacks");

    const context = await openBrowser(owner.user);
    const page = context.pages()[0]!;
    const session = new SessionPage(page);
    await session.open(owner.project.id);
    await session.item("attack.ipynb").click();
    const notebook = new NotebookPage(page);
    await expect(notebook.cell(2).locator("iframe").contentFrame().getByText("framed")).toBeVisible();
    await expect(notebook.cell(1).getByText("link", { exact: false })).toBeVisible();
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toBe("pwned");
    await expect(notebook.cell(1).locator("script, [onerror], [onload]")).toHaveCount(0);
    await expect(notebook.cell(2).locator(".nb-output-body > :not(iframe) script, [onerror], [onload]")).toHaveCount(0);
  });

  test("a viewer reads a notebook, rendered, and can change or run nothing", async ({ owner, openBrowser, api }) => {
    new NativeGit(owner.project.cloneUrl, owner.token).clone().commitFile(NOTEBOOK, salesNotebook(), "Add the sales notebook");
    const viewer = await api.createUser({ name: "Notebook Viewer" });
    await api.addCollaborator(owner.token, owner.project.id, { email: viewer.email, role: "viewer" });

    const context = await openBrowser(viewer);
    const page = context.pages()[0]!;
    const session = new SessionPage(page);
    await session.open(owner.project.id);
    const notebook = await openNotebook(page, session);
    await expect(notebook.cell(1).getByRole("heading", { name: "Sales" })).toBeVisible();
    await expect(notebook.cell(2).getByRole("button", { name: "Run cell" })).toBeDisabled();
    await expect(notebook.runAll).toBeDisabled();
    await expect(notebook.source(2)).toHaveAttribute("aria-readonly", "true");
    await notebook.source(2).click();
    await page.keyboard.insertText("typed by a viewer");
    await page.keyboard.press("Escape");
    await page.keyboard.press("b");
    await page.keyboard.press("d");
    await page.keyboard.press("d");
    await expect(notebook.cells()).toHaveCount(4);
    await expect(notebook.cell(2)).not.toContainText("typed by a viewer");
    await expect(page.getByText("Unsaved", { exact: true })).toHaveCount(0);
    await expect(session.changedFiles.getByRole("listitem")).toHaveCount(0);
  });
});
