// Sessions end to end: the repository cloned into the browser, edited, committed
// and pushed, then checked with the real git command line. Each test has its own
// browser profile on disk, so storage behaves as it does for a person.
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const README = (name: string) => `# ${name}\n\nA project for sessions\n`;

test.describe("sessions", () => {
  test("edit, commit and push; git sees the exact bytes typed", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await session.openFile("README.md");
    await session.expectEditorText(README(owner.project.name));

    const readme = "# Forecasts\n\nUnicode ✓, tabs\tand trailing spaces   \nlast line without newline";
    await session.replaceText(readme);
    await session.newFile("src/model.py", "def predict(x):\n    return x * 2\n");
    await expect(session.changeRow("README.md")).toBeVisible();
    await expect(session.changeRow("src/model.py")).toBeVisible();
    await session.commit("Edit README and add a model");
    await expect(session.page.locator("#push-description")).toContainText("1 unpushed");
    await session.push();

    const git = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    expect(git.read("README.md").toString("utf8")).toBe(readme);
    expect(git.read("src/model.py").toString("utf8")).toBe("def predict(x):\n    return x * 2\n");
    expect(git.run(["log", "-1", "--format=%an <%ae>|%s"]).trim()).toBe(`${owner.user.name} <${owner.user.email}>|Edit README and add a model`);
    git.run(["fsck", "--full", "--strict"]);
  });

  test("a reload keeps uncommitted edits", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await session.openFile("README.md");
    await session.replaceText("kept across a reload\n");
    await session.page.reload();
    await expect(session.item("README.md")).toBeVisible();
    await expect(session.changeRow("README.md")).toBeVisible();
    await session.openFile("README.md");
    await session.expectEditorText("kept across a reload\n");
  });

  test("offline: edits and commits are kept and pushed once back online", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await context.setOffline(true);
    await session.openFile("README.md");
    await session.replaceText("written offline\n");
    await session.commit("Offline work");
    await session.pushButton.click();
    await expect(session.status).toContainText(/offline|cannot be reached|could not be reached/i);
    await expect(session.page.locator("#push-description")).toContainText("1 unpushed");

    await context.setOffline(false);
    await session.push();
    const git = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    expect(git.read("README.md").toString("utf8")).toBe("written offline\n");
    expect(git.run(["log", "-1", "--format=%s"]).trim()).toBe("Offline work");
  });

  test("two tabs on one project lose nothing", async ({ owner, openBrowser }) => {
    // Two sessions open, each cloning, in one browser: twice a one-tab test's work.
    test.setTimeout(90_000);
    const context = await openBrowser(owner.user);
    const first = new SessionPage(context.pages()[0]!);
    await first.open(owner.project.id);
    const second = new SessionPage(await context.newPage());
    await second.open(owner.project.id);

    await first.newFile("from-first.txt", "first tab\n");
    await second.openFile("README.md");
    await second.replaceText("second tab\n");
    // Each tab sees the other's change without a reload.
    await expect(first.changeRow("README.md")).toBeVisible();
    await expect(second.changeRow("from-first.txt")).toBeVisible();

    await second.commit("Work from two tabs");
    await expect(first.changeRow("README.md")).toHaveCount(0);
    await first.push();

    const git = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    expect(git.read("from-first.txt").toString("utf8")).toBe("first tab\n");
    expect(git.read("README.md").toString("utf8")).toBe("second tab\n");
  });

  test("switching branches with uncommitted changes asks, and neither loses nor leaks them", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    const page = session.page;
    await session.open(owner.project.id);
    await session.openFile("README.md");
    await session.replaceText("change for the feature\n");

    const branchButton = page.getByRole("button", { name: /^Branch:/ });
    await branchButton.click();
    await page.getByRole("textbox", { name: /New branch from main/ }).fill("feature");
    await page.getByRole("button", { name: "Create branch" }).click();
    const carry = page.getByRole("dialog");
    await expect(carry).toContainText("Carry your 1 uncommitted change to feature?");
    await carry.getByRole("button", { name: "Cancel" }).click();
    await expect(branchButton).toContainText("main");
    await expect(session.changeRow("README.md")).toBeVisible();

    await branchButton.click();
    await page.getByRole("button", { name: "Switch to feature" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Carry" }).click();
    await expect(branchButton).toContainText("feature");
    await expect(session.changeRow("README.md")).toBeVisible();
    await session.commit("Feature work");

    await branchButton.click();
    await page.getByRole("button", { name: "Switch to main" }).click();
    await expect(branchButton).toContainText("main");
    await session.openFile("README.md");
    await session.expectEditorText(README(owner.project.name));
    await expect(session.changeRow("README.md")).toHaveCount(0);
  });

  test("a rejected push leads through pull and a resolved conflict to a push with both changes", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await session.openFile("README.md");
    await session.replaceText("# Title from the browser\n\nA project for sessions\n");
    await session.commit("Browser edit");

    const native = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    native.commitFile("README.md", "# Title from the terminal\n\nA project for sessions\n", "Terminal edit");
    native.commitFile("notes/other.md", "no conflict here\n", "Terminal adds notes");

    await session.pushButton.click();
    await expect(session.status).toContainText("Push rejected");
    await session.page.getByRole("button", { name: "Pull now" }).click();
    await expect(session.page.getByText(/Merging: resolve 1 conflict/)).toBeVisible();
    await session.openFile("README.md");
    expect(await session.editorText()).toContain("<<<<<<<");

    const resolved = "# Title from the browser and the terminal\n\nA project for sessions\n";
    await session.replaceText(resolved);
    await session.page.getByRole("group", { name: "Resolve README.md" }).getByRole("button", { name: "Mark resolved" }).click();
    await expect(session.page.getByText(/all conflicts are resolved/)).toBeVisible();
    await session.commit("Merge the terminal's work");
    await session.push();

    native.pull();
    expect(native.read("README.md").toString("utf8")).toBe(resolved);
    expect(native.read("notes/other.md").toString("utf8")).toBe("no conflict here\n");
    const parents = native.run(["log", "-1", "--format=%P"]).trim().split(" ");
    expect(parents).toHaveLength(2);
    expect(native.run(["log", "--format=%s"])).toContain("Terminal edit");
    expect(native.run(["log", "--format=%s"])).toContain("Browser edit");
  });

  test("a name git could not check out is refused where it was typed, and a case-only twin asks first", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);

    await session.page.getByRole("button", { name: "New file" }).click();
    const dialog = session.page.getByRole("dialog");
    const field = dialog.getByLabel("Path of the new file");
    await field.fill(`data/${"x".repeat(300)}.csv`);
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByRole("alert")).toContainText("use a shorter name");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await field.fill(".git/config");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByRole("alert")).toContainText(".git");

    await field.fill("readme.md");
    await dialog.getByRole("button", { name: "Create" }).click();
    const warning = session.page.getByRole("dialog", { name: /readme\.md differs from README\.md only by case/ });
    await expect(warning).toBeVisible();
    await warning.getByRole("button", { name: "Cancel" }).click();
    await expect(session.item("readme.md")).toHaveCount(0);
    await expect(session.changedFiles.getByRole("listitem")).toHaveCount(0);
  });
});
