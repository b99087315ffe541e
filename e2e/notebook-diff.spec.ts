// A notebook's changes in a session, cell by cell: in Changes (the working copy
// against the last commit) and in History (a commit against its parent), with a
// switch to the file's JSON diff. The notebook is edited as JSON in the code editor.
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const code = (source: string[], count: number, output: string) => ({
  cell_type: "code",
  execution_count: count,
  metadata: {},
  outputs: [{ name: "stdout", output_type: "stream", text: [output] }],
  source,
});
const markdown = (source: string[]) => ({ cell_type: "markdown", metadata: {}, source });

/** A notebook as Jupyter writes it (sorted keys, one space of indent, a final newline). */
const notebook = (total: string) =>
  JSON.stringify(
    {
      cells: [
        markdown(["# Totals\n", "\n", "Sums of the readings."]),
        code(["values = [1, 2, 3]\n", "print(values)"], 1, "[1, 2, 3]\n"),
        code([`${total}\n`, "print(total)"], 2, "6\n"),
        markdown(["Done."]),
      ],
      metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
      nbformat: 4,
      nbformat_minor: 4,
    },
    null,
    1,
  ) + "\n";

test.describe("notebook diffs", () => {
  test("Changes and History show a notebook's edit cell by cell, and as JSON on request", async ({ owner, openBrowser }) => {
    new NativeGit(owner.project.cloneUrl, owner.token).clone().commitFile("totals.ipynb", notebook("total = sum(values)"), "Add a notebook");
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    const page = session.page;
    await session.open(owner.project.id);
    await session.openNotebookAsText("totals.ipynb");
    await session.replaceText(notebook("total = sum(values) * 2"));

    const row = session.changeRow("totals.ipynb");
    await row.getByRole("button", { name: "totals.ipynb" }).click();
    const diff = row.getByRole("group", { name: "Diff of totals.ipynb" });
    const cell = diff.getByRole("listitem", { name: "Cell 3: source changed" });
    await expect(cell).toContainText("-total = sum(values)");
    await expect(cell).toContainText("+total = sum(values) * 2");
    await expect(cell).not.toContainText("print(values)");
    await expect(diff.getByRole("button", { name: "2 unchanged cells" })).toBeVisible();
    await expect(diff.getByRole("button", { name: "1 unchanged cell" })).toBeVisible();
    await expect(diff).not.toContainText("Notebook metadata changed");

    // Unchanged cells open to their sources.
    await diff.getByRole("button", { name: "2 unchanged cells" }).click();
    await expect(diff.getByRole("listitem", { name: "Cell 2: unchanged" })).toContainText("values = [1, 2, 3]");

    // The file's JSON diff, and back.
    await row.getByRole("button", { name: "Raw JSON" }).click();
    await expect(diff).toContainText('-    "total = sum(values)\\n",');
    await expect(diff).toContainText('+    "total = sum(values) * 2\\n",');
    await expect(diff).toContainText("@@ -");
    await expect(diff.getByRole("listitem")).toHaveCount(0);
    await row.getByRole("button", { name: "Cells" }).click();
    await expect(diff.getByRole("listitem", { name: "Cell 3: source changed" })).toBeVisible();

    await session.commit("Double the total");
    await page.getByRole("tab", { name: "History" }).click();
    const commits = page.getByRole("list", { name: "Commits" });
    const latest = commits.getByRole("listitem").filter({ hasText: "Double the total" });
    await latest.getByRole("button", { name: /^Files changed in / }).click();
    await latest.getByRole("button", { name: "totals.ipynb" }).click();
    const committed = latest.getByRole("group", { name: /^Diff of totals\.ipynb in [0-9a-f]{7}$/ });
    const committedCell = committed.getByRole("listitem", { name: "Cell 3: source changed" });
    await expect(committedCell).toContainText("-total = sum(values)");
    await expect(committedCell).toContainText("+total = sum(values) * 2");
    await latest.getByRole("button", { name: "Raw JSON" }).click();
    await expect(committed).toContainText('+    "total = sum(values) * 2\\n",');
  });

  test("a notebook left unreadable shows its JSON diff and says why", async ({ owner, openBrowser }) => {
    new NativeGit(owner.project.cloneUrl, owner.token).clone().commitFile("totals.ipynb", notebook("total = sum(values)"), "Add a notebook");
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await session.openNotebookAsText("totals.ipynb");
    await session.replaceText(notebook("total = sum(values)").replace('"cells": [', '"cells": [,'));

    const row = session.changeRow("totals.ipynb");
    await row.getByRole("button", { name: "totals.ipynb" }).click();
    await expect(row).toContainText("Shown as JSON, not cell by cell. The new version is not a notebook: it is not valid JSON");
    await expect(row.getByRole("group", { name: "Diff of totals.ipynb" })).toContainText('+ "cells": [,');
    await expect(row.getByRole("button", { name: "Raw JSON" })).toHaveCount(0);
  });
});
