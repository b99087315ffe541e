// A pull that meets a notebook cell both sides changed: resolved cell by cell in the
// browser, never with conflict markers in the JSON; what is pushed is read back with
// the real git and validated with Debian's nbformat.
import { editSource, parseNotebook, serializeNotebook, type Notebook } from "../lib/notebooks";
import { readFixture } from "../lib/notebooks/test-support/notebook-files";
import { nbformatProblem } from "../lib/notebooks/test-support/python-tools";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const PATH = "analysis/weather.ipynb";
const NOTEBOOK = readFixture("v4.5-unicode.ipynb");

function parse(text: string): Notebook {
  const read = parseNotebook(text);
  if (!read.ok) throw new Error(`not a notebook: ${read.reason}`);
  return read.notebook;
}
const withCell = (index: number, source: string) => serializeNotebook(editSource(parse(NOTEBOOK), index, source), { original: NOTEBOOK });

test.describe("notebook merges", () => {
  test("a conflict in one cell is resolved cell by cell, committed and pushed as a valid notebook", async ({ owner, openBrowser }) => {
    // Clone, commit, pull with a merge, commit and push: several round trips through git over HTTP.
    test.setTimeout(90_000);
    const native = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    native.commitFile(PATH, NOTEBOOK, "Add the weather notebook");

    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await session.item("analysis").click();
    await session.openNotebookAsText("weather.ipynb");
    await session.replaceText(withCell(1, "temperature = 30  # browser"));
    await session.commit("Warmer in the browser");

    native.commitFile(PATH, withCell(1, "temperature = 12  # terminal"), "Colder in the terminal");
    native.commitFile("notes.md", "no conflict here\n", "Terminal adds notes");

    await session.pullButton.click();
    await expect(session.page.getByText(/Merging: resolve 1 conflict/)).toBeVisible();
    const resolveGroup = session.page.getByRole("group", { name: `Resolve ${PATH}` });
    await resolveGroup.getByRole("button", { name: "Resolve cell by cell" }).click();

    const dialog = session.page.getByRole("dialog", { name: `Resolve ${PATH} cell by cell` });
    const cell = dialog.getByRole("group", { name: "Cell 2" });
    await expect(cell).toContainText("temperature = 30  # browser");
    await expect(cell).toContainText("temperature = 12  # terminal");
    await expect(cell).toContainText("outputs: 1 text");
    const resolve = dialog.getByRole("button", { name: "Resolve", exact: true });
    await expect(resolve).toBeDisabled();
    await cell.getByRole("radio", { name: "Theirs" }).check();
    await resolve.click();

    await expect(dialog).toHaveCount(0);
    await expect(session.page.getByText(/all conflicts are resolved/)).toBeVisible();
    await expect(resolveGroup).toHaveCount(0);
    await session.commit("Merge the terminal's notebook");
    await session.push();

    native.pull();
    const pushed = native.read(PATH).toString("utf8");
    expect(pushed).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(nbformatProblem(pushed)).toBeNull();
    // Theirs in the one conflicting cell, and nothing else changed: their file, byte for byte.
    expect(pushed).toBe(withCell(1, "temperature = 12  # terminal"));
    expect(native.read("notes.md").toString("utf8")).toBe("no conflict here\n");
    expect(native.run(["log", "-1", "--format=%P"]).trim().split(" ")).toHaveLength(2);
  });
});
