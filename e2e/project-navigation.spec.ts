import { expect, signInOverApi, test, unique } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { NativeGit } from "./session-fixtures";

const ATTACK_README = [
  "# Quarterly numbers",
  "",
  "Run `make report`.",
  "",
  "<script>window.__pwned = 'script'</script>",
  '<img src=x onerror="window.__pwned = \'onerror\'">',
  "[click me](javascript:window.__pwned='link')",
  "![tracking pixel](https://tracker.example/p.gif)",
].join("\n");

test.describe("project pages and their menu", () => {
  test("the owner moves between Overview, Session, Share, Audit trail and Settings; the README is rendered with nothing from it running", async ({ page, api }) => {
    const owner = await api.createUser();
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: unique("menu"), description: "Numbers for the board" });
    new NativeGit(created.cloneUrl, token).clone().commitFile("README.md", ATTACK_README, "A README that tries to run script");
    await signInOverApi(page, owner);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const project = new ProjectPage(page);
    await project.goto(created.id);

    await expect(project.menu.getByRole("link")).toHaveText(["Overview", "Session", "Deployments", "Schedules", "Runs", "Share", "Audit trail", "Settings"]);
    await expect(project.menuLink("Overview")).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Numbers for the board")).toBeVisible();
    await expect(page.getByTestId("project-backend")).toHaveText("Benchtop");

    // The README: Markdown rendered, every injection shown as text or dropped.
    await expect(project.readme.getByRole("heading", { name: "Quarterly numbers" })).toBeVisible();
    await expect(project.readme.locator("code")).toHaveText("make report");
    await expect(project.readme).toContainText("<script>window.__pwned = 'script'</script>");
    expect(await project.readme.locator("script, img, iframe, [onerror]").count()).toBe(0);
    await expect(project.readme.getByRole("link", { name: "click me" })).toHaveCount(0);
    await expect(project.readme).toContainText("[tracking pixel]");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();

    for (const [name, url] of [
      ["Share", `/projects/${created.id}/share`],
      ["Audit trail", `/projects/${created.id}/audit`],
      ["Settings", `/projects/${created.id}/settings`],
      ["Overview", `/projects/${created.id}`],
    ] as const) {
      await project.menuLink(name).click();
      await expect(page).toHaveURL(new RegExp(`${url.replace(/\//g, "\\/")}$`));
      await expect(project.menuLink(name)).toHaveAttribute("aria-current", "page");
    }
    await expect(project.deleteSection).toHaveCount(0); // only on Settings
    await project.menuLink("Session").click();
    await expect(page).toHaveURL(new RegExp(`/projects/${created.id}/session$`));
    expect(dialogs).toEqual([]);
  });

  test("a viewer sees no Settings and no danger zone, and the API refuses them with 403; an editor gets Settings without the danger zone", async ({ page, api }) => {
    const owner = await api.createUser();
    const viewer = await api.createUser();
    const editor = await api.createUser();
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: unique("roles") });
    await api.addCollaborator(token, created.id, { email: viewer.email, role: "viewer" });
    await api.addCollaborator(token, created.id, { email: editor.email, role: "editor" });
    const project = new ProjectPage(page);

    await signInOverApi(page, viewer);
    await project.goto(created.id);
    await expect(project.menu.getByRole("link")).toHaveText(["Overview", "Session", "Deployments", "Schedules", "Runs", "Share", "Audit trail"]);
    await project.goto(created.id, "settings");
    await expect(page.getByText("You are a viewer of this project: only its editors, its owner and administrators change its settings.")).toBeVisible();
    await expect(project.deleteSection).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    const viewerToken = await api.createToken(viewer);
    const refused = await api.request.delete(`/api/v1/projects/${created.id}`, { headers: { authorization: `Bearer ${viewerToken}` } });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(await api.listProjectNames(token)).toEqual([created.name]);

    await signInOverApi(page, editor);
    await project.goto(created.id, "settings");
    await expect(page.getByRole("button", { name: "Save settings" })).toBeVisible();
    await expect(project.deleteSection).toHaveCount(0);
  });

  test("an editor chooses the code editor as the default editor: kept after a reload, on the project and in the audit trail", async ({ page, api }) => {
    const owner = await api.createUser();
    const editor = await api.createUser();
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: unique("editor") });
    await api.addCollaborator(token, created.id, { email: editor.email, role: "editor" });
    await signInOverApi(page, editor);
    const project = new ProjectPage(page);
    await project.goto(created.id, "settings");

    const settings = page.getByRole("region", { name: "Settings" });
    const defaultEditor = settings.getByLabel("Default editor");
    await expect(defaultEditor).toHaveValue("notebook");
    await expect(defaultEditor.getByRole("option")).toHaveText(["Notebook view", "Code editor"]);
    await expect(defaultEditor).toHaveAccessibleDescription("How .ipynb files open in a session. Open as text switches one file.");
    await defaultEditor.selectOption({ label: "Code editor" });
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByRole("status")).toHaveText("Settings saved.");

    await page.reload();
    await expect(page.getByRole("region", { name: "Settings" }).getByLabel("Default editor")).toHaveValue("code");
    expect((await api.getProject(token, created.id)).defaultEditor).toBe("code");
    await project.menuLink("Audit trail").click();
    const updated = page.getByRole("row").filter({ hasText: "project.updated" });
    await expect(updated).toContainText(editor.email);
    await expect(updated).toContainText("defaultEditor: code");
  });

  test("the audit trail filters by person and action, pages back through older events, and downloads what is shown as CSV", async ({ page, api }) => {
    const owner = await api.createUser();
    const colleague = await api.createUser();
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: unique("audited") });
    await api.addCollaborator(token, created.id, { email: colleague.email, role: "viewer" });
    const colleagueToken = await api.createToken(colleague);
    // 60 role changes by the owner: more than one page of 50.
    for (let i = 0; i < 30; i++) {
      for (const role of ["editor", "viewer"]) {
        const changed = await api.request.patch(`/api/v1/projects/${created.id}/collaborators/${colleague.id}`, { headers: { authorization: `Bearer ${token}` }, data: { role } });
        expect(changed.ok()).toBe(true);
      }
    }
    const opened = await api.request.post(`/api/v1/projects/${created.id}/session`, { headers: { authorization: `Bearer ${colleagueToken}` }, data: {} });
    expect(opened.ok()).toBe(true);
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    await project.goto(created.id, "audit");
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(50);
    await expect(rows.first()).toContainText("session.opened"); // newest first
    await page.getByRole("link", { name: "Older →" }).click();
    await expect(page.getByText("Page 2")).toBeVisible();
    await expect(rows).toHaveCount(13); // 63 events: created, added, 60 changes, opened
    await expect(rows.last()).toContainText("project.created");

    await page.getByRole("link", { name: "← Newer" }).click();
    await page.getByLabel("Person").selectOption({ label: colleague.email });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("session.opened");
    await expect(rows.first()).toContainText("as viewer");

    await page.getByLabel("Person").selectOption({ label: owner.email });
    await page.getByLabel("Action").selectOption("collaborator.added");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`${colleague.email} as viewer`);

    const csvHref = await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href");
    const csv = await (await page.context().request.get(csvHref!)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("at,action,actor,project,detail");
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(["collaborator.added"]);
  });

  test("on a phone-sized screen the menu is rows of tabs all in sight and nothing scrolls sideways", async ({ page, api }) => {
    const owner = await api.createUser();
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: `a-very-long-project-name-without-any-spaces-${unique("x")}-for-narrow-screens` });
    await page.setViewportSize({ width: 390, height: 844 });
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    for (const which of ["overview", "share", "audit", "settings"] as const) {
      await project.goto(created.id, which);
      await expect(project.menu).toBeVisible();
      // Every page of the menu is in sight, none pushed off the edge.
      for (const link of await project.menu.getByRole("link").all()) await expect(link).toBeInViewport({ ratio: 1 });
      await expect(project.heading(created.name)).toHaveAttribute("title", created.name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${which} scrolls sideways by this many pixels`).toBeLessThanOrEqual(0);
    }
  });
});
