// Roles in the session: a viewer's session is read-only from the first paint and
// says why, offers nothing that Push would refuse (no commit box, no Push, no
// editing), and offers a copy of their own instead, whose history the real git
// command line finds equal to the source's.
import type { Page } from "@playwright/test";
import { unique } from "./fixtures";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const README = (name: string) => `# ${name}\n\nA project for sessions\n`;
const VIEWER_NOTICE = "You are a viewer of this project: you can browse, download and copy it, but not push. Ask the owner for editor access.";

const banner = (page: Page) => page.getByRole("region", { name: "Read-only session" });

test.describe("roles in the session", () => {
  test("a viewer's session is read-only from the start and copies into a project of their own with the same history", async ({ api, owner, openBrowser }) => {
    test.setTimeout(90_000);
    const viewer = await api.createUser({ name: "Viewer" });
    const viewerToken = await api.createToken(viewer);
    const shared = await api.request.post(`/api/v1/projects/${owner.project.id}/collaborators`, { headers: { authorization: `Bearer ${owner.token}` }, data: { email: viewer.email, role: "viewer" } });
    expect(shared.status()).toBe(201);
    // History worth copying: a second branch and a tag.
    const source = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    source.commitFile("model.py", "def predict(x):\n    return x\n", "Add the model");
    source.run(["checkout", "-q", "-b", "experiment"]);
    source.commitFile("notes/idea.md", "a bigger window\n", "An idea");
    source.run(["tag", "-a", "exp-1", "-m", "First experiment"]);
    source.run(["push", "-q", "origin", "exp-1"]);
    const taken = await api.createProject(viewerToken, { name: unique("taken") });

    const context = await openBrowser(viewer);
    const session = new SessionPage(context.pages()[0]!);
    const page = session.page;
    await page.goto(`/projects/${owner.project.id}/session`);
    // Said at once, before the repository has been downloaded.
    await expect(banner(page)).toContainText(VIEWER_NOTICE);
    await expect(banner(page).getByRole("link", { name: "Download .zip" })).toHaveAttribute("href", `/api/v1/projects/${owner.project.id}/archive?format=zip`);
    await expect(session.item("README.md")).toBeVisible({ timeout: 30_000 });

    // Nothing is offered that the server would refuse at Push.
    await expect(session.pullButton).toBeVisible();
    await expect(session.pushButton).toHaveCount(0);
    await expect(session.commitButton).toHaveCount(0);
    await expect(session.commitMessage).toHaveCount(0);
    await expect(page.getByRole("toolbar", { name: "File actions" })).toHaveCount(0);
    await expect(page.getByText("Read-only: a viewer cannot commit or push here.")).toBeVisible();

    // Browsing works; the editor reads but does not change.
    await session.openFile("model.py");
    await session.expectEditorText("def predict(x):\n    return x\n");
    await session.openFile("README.md");
    await session.expectEditorText(README(owner.project.name));
    await expect(session.editor).toHaveAttribute("aria-readonly", "true");
    await expect(session.editor).not.toBeEditable();
    await session.editor.click();
    await page.keyboard.type("typed by a viewer");
    await session.expectEditorText(README(owner.project.name));
    await expect(session.changedFiles.getByRole("listitem")).toHaveCount(0);

    // Copy into a project of their own: a taken name is refused in the dialog, then a free one opens the copy's session.
    await banner(page).getByRole("button", { name: "Copy into a project of your own" }).click();
    const dialog = page.getByRole("dialog", { name: `Copy ${owner.project.name} into a project of your own` });
    await expect(dialog).toContainText("A new project will be made with you as its owner");
    const nameField = dialog.getByLabel("Name of your project");
    await expect(nameField).toHaveValue(owner.project.name);
    await nameField.fill(taken.name);
    await dialog.getByRole("button", { name: "Copy into my project" }).click();
    await expect(dialog.getByRole("alert")).toContainText(`You already have a project named "${taken.name}"`);
    const copyName = unique("my-copy");
    await nameField.fill(copyName);
    await dialog.getByRole("button", { name: "Copy into my project" }).click();
    await page.waitForURL((url) => /^\/projects\/[a-z0-9]+\/session$/.test(url.pathname) && !url.pathname.includes(owner.project.id), { timeout: 30_000 });

    // The copy is theirs: its session offers commit and Push, and no read-only banner.
    await expect(session.item("README.md")).toBeVisible({ timeout: 30_000 });
    await expect(session.pushButton).toBeVisible();
    await expect(session.commitButton).toBeVisible();
    await expect(banner(page)).toHaveCount(0);

    const listed = await api.request.get(`/api/v1/projects?filter=mine&q=${encodeURIComponent(copyName)}`, { headers: { authorization: `Bearer ${viewerToken}` } });
    const [copy] = ((await listed.json()) as { projects: { id: string; name: string; role: string; owner: { id: string }; cloneUrl: string; defaultBranch: string }[] }).projects;
    expect(copy).toMatchObject({ name: copyName, role: "owner", owner: { id: viewer.id }, defaultBranch: "main" });
    expect(page.url()).toContain(`/projects/${copy!.id}/session`);

    // The real git client: the same branches, tags and commits.
    const original = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    const copied = new NativeGit(copy!.cloneUrl, viewerToken).clone();
    const history = (git: NativeGit) => git.run(["log", "--all", "--format=%H %P %s"]);
    const refs = (git: NativeGit) => git.run(["ls-remote", "origin"]);
    expect(history(copied)).toBe(history(original));
    expect(refs(copied)).toBe(refs(original));
    expect(history(copied)).toContain("An idea");
  });

  test("members who may push get no read-only banner", async ({ owner, openBrowser }) => {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    await expect(session.pushButton).toBeVisible();
    await expect(banner(session.page)).toHaveCount(0);
    await session.openFile("README.md");
    await expect(session.editor).toBeEditable();
  });
});
