// Messages that are always current: a warning goes as soon as its cause does,
// "nothing to commit" is said as such, confirmations say what will happen, and
// a phone-sized screen keeps Push and the editor reachable without widening
// the page, however long the names.
import type { Page } from "@playwright/test";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test.describe("session messages", () => {
  test("the commit warnings go away with their cause, and nothing to commit asks for no message", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    const form = session.page.locator("form").filter({ has: session.commitMessage });
    await session.open(owner.project.id);

    await session.commitButton.click();
    await expect(form.getByRole("alert")).toHaveText("Nothing to commit: there are no changes. Edit, add or delete a file first.");
    await expect(session.commitMessage).not.toHaveAttribute("aria-invalid", "true");

    // A change takes the cause away: the message goes without another click.
    await session.openFile("README.md");
    await session.replaceText("changed\n");
    await expect(session.changeRow("README.md")).toBeVisible();
    await expect(form.getByRole("alert")).toHaveCount(0);

    await session.commitButton.click();
    await expect(form.getByRole("alert")).toHaveText("Write a commit message first: say what changed and why.");
    await expect(session.commitMessage).toHaveAttribute("aria-invalid", "true");
    await expect(session.commitMessage).toBeFocused();
    await session.page.keyboard.type("C");
    await expect(form.getByRole("alert")).toHaveCount(0);
    await expect(session.commitMessage).not.toHaveAttribute("aria-invalid", "true");
    await session.commitMessage.fill("Change the README");
    await session.commitButton.click();
    await expect(session.status).toContainText(/Committed 1 file/);

    // Pushed, then nothing is left to push: said as such, not "Pushed".
    await session.push();
    await session.pushButton.click();
    await expect(session.status).toHaveText(/Nothing to push: main is up to date with the remote\./);
  });

  test("confirmations say what will happen; a taken name is refused under the field until it changes", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    const page = session.page;
    await session.open(owner.project.id);

    await session.item("README.md").click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "Delete README.md?" });
    await expect(confirm).toContainText("The file will be deleted. Until you commit, you can bring a committed file back with Discard in Changes.");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(session.item("README.md")).toBeVisible();
    await expect(session.changedFiles.getByRole("listitem")).toHaveCount(0);

    await session.openFile("README.md");
    await session.replaceText("edited\n");
    await session.changeRow("README.md").getByRole("button", { name: "Discard" }).click();
    const discard = page.getByRole("dialog", { name: "Discard changes to README.md?" });
    await expect(discard).toContainText("The file will go back to how it is in the last commit; your changes to it will be lost.");
    await discard.getByRole("button", { name: "Discard changes" }).click();
    await expect(session.changedFiles.getByRole("listitem")).toHaveCount(0);

    await page.getByRole("button", { name: "New file" }).click();
    const prompt = page.getByRole("dialog", { name: "New file" });
    const field = prompt.getByLabel("Path of the new file");
    await field.fill("README.md");
    await prompt.getByRole("button", { name: "Create" }).click();
    await expect(prompt.getByRole("alert")).toHaveText('There is already a file "README.md". Choose another name.');
    await field.press("End");
    await field.press("Backspace");
    await expect(prompt.getByRole("alert")).toHaveCount(0);
    await prompt.getByRole("button", { name: "Cancel" }).click();
  });

  test("coming back online clears an offline error", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await session.openFile("README.md");
    await session.replaceText("written offline\n");
    await session.commit("Offline work");
    await context.setOffline(true);
    await session.pushButton.click();
    await expect(session.status).toContainText(/offline|cannot be reached/i);
    await context.setOffline(false);
    await expect(session.status).toContainText("Back online. Try again");
    await session.push();
  });

  test("on a 390 px phone screen Push and the editor stay reachable and long names do not widen the page", async ({ api, owner, openBrowser }) => {
    const longName = `forecast-${"q".repeat(70)}-${Date.now().toString(36)}`;
    const project = await api.createProject(owner.token, { name: longName, description: "A project for sessions" });
    const longFile = `data/${"measurement".repeat(12)}.csv`;
    new NativeGit(project.cloneUrl, owner.token).clone().commitFile(longFile, "x,y\n1,2\n", "Add a file with a long name");

    const context = await openBrowser(owner.user);
    const page = context.pages()[0]!;
    await page.setViewportSize({ width: 390, height: 844 });
    const session = new SessionPage(page);
    const panes = page.getByRole("group", { name: "Session panes" });
    await session.open(project.id);
    expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(390);
    await expect(session.pushButton).toBeInViewport();
    await expect(page.getByRole("link", { name: longName })).toHaveAttribute("title", new RegExp(longName));

    // The tree is one tap from the editor: opening a file shows it.
    await session.item("data").click();
    await expect(page.locator(`[title="${longFile}"]`)).toBeVisible();
    await session.item("README.md").click();
    await expect(session.editor).toBeInViewport();
    await expect(session.pushButton).toBeInViewport();
    expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(390);

    // Commit is one tap away, then Push.
    await session.replaceText("from a phone\n");
    await panes.getByRole("button", { name: /^Changes/ }).click();
    await expect(session.commitButton).toBeInViewport();
    await session.commit("From a phone");
    await session.push();
    expect(await noHorizontalOverflow(page)).toBeLessThanOrEqual(390);
    await panes.getByRole("button", { name: "Files" }).click();
    await expect(session.item("README.md")).toBeInViewport();
  });
});
