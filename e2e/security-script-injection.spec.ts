// Stored script injection: someone puts markup in a string Benchtop later shows to
// others (their display name, a project description, a token or repository name, a
// file name or file content pushed with git) hoping that it runs in a victim's
// browser with the victim's session. Every payload sets a marker on `window`; the
// marker must stay unset and no dialog may open on any page that shows the strings.
import type { Page } from "@playwright/test";
import { NativeGit, expect, test } from "./session-fixtures";

const MARKER = "__benchtopInjected";
const PAYLOADS = [
  `<img src=x onerror="window.${MARKER}=1">`,
  `<script>window.${MARKER}=1</script>`,
  `"><svg onload="window.${MARKER}=1">`,
  `javascript:window.${MARKER}=1`,
];
const payload = PAYLOADS.join(" ");

/** Visits `path` and fails if any payload ran or opened a dialog; returns the page text. */
async function visitUnharmed(page: Page, path: string): Promise<string> {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on("dialog", onDialog);
  await page.goto(path);
  await page.waitForLoadState("networkidle").catch(() => undefined);
  // Give event handlers (onerror of a broken image, onload of an svg) time to fire.
  await page.waitForTimeout(300);
  page.off("dialog", onDialog);
  expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], MARKER), `a payload ran on ${path}`).toBeUndefined();
  expect(dialogs, `a dialog opened on ${path}`).toEqual([]);
  return page.locator("body").innerText();
}

test("markup in names, descriptions and pushed files is shown as text and never runs", async ({ api, openBrowser, request }) => {
  test.setTimeout(120_000);
  // The attacker: their display name, project description, token name, repository and files.
  const attacker = await api.createUser({ name: `Mallory ${PAYLOADS[0]}` });
  const attackerToken = await api.createToken({ ...attacker, name: `token ${PAYLOADS[1]}` });
  const project = await api.createProject(attackerToken, { name: `injected-${Date.now().toString(36)}`, description: payload });
  const registered = await request.post("/api/v1/repositories", {
    headers: { authorization: `Bearer ${attackerToken}` },
    data: { provider: "github-enterprise", name: `repo ${PAYLOADS[2]}`, location: "https://ghe.invalid/acme/models", token: "ghp_not-a-real-token", description: payload },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const fileName = `notes <img src=x onerror=window.${MARKER}=1>.md`;
  new NativeGit(project.cloneUrl, attackerToken).clone().commitFile(fileName, `${payload}\n`, `commit ${PAYLOADS[1]}`);

  // The victim: an administrator made a collaborator of the attacker's project.
  const victim = await api.createUser({ role: "admin", name: "Victim Admin" });
  const added = await request.post(`/api/v1/projects/${project.id}/collaborators`, {
    headers: { authorization: `Bearer ${attackerToken}` },
    data: { email: victim.email, role: "editor" },
  });
  expect(added.status(), await added.text()).toBe(201);
  const context = await openBrowser(victim);
  const page = context.pages()[0] ?? (await context.newPage());

  const projects = await visitUnharmed(page, "/projects");
  expect(projects).toContain(project.name);
  const projectPage = await visitUnharmed(page, `/projects/${project.id}`);
  // Shown as the text it is, so a person can see what was typed.
  expect(projectPage).toContain(`window.${MARKER}=1`);
  const users = await visitUnharmed(page, "/admin/users");
  expect(users).toContain("Mallory <img");

  // The attacker's own pages hold their token and repository names.
  const attackerContext = await openBrowser(attacker);
  const attackerPage = attackerContext.pages()[0] ?? (await attackerContext.newPage());
  expect(await visitUnharmed(attackerPage, "/settings/tokens")).toContain("token <script>");
  expect(await visitUnharmed(attackerPage, "/repositories")).toContain("repo \"><svg");

  // In the victim's session, the file name sits in the tree and its content in the editor.
  await visitUnharmed(page, `/projects/${project.id}/session`);
  const file = page.getByRole("tree").getByRole("treeitem", { name: fileName, exact: true });
  await expect(file).toBeVisible({ timeout: 30_000 });
  await file.click();
  await expect(page.getByRole("textbox", { name: "Editor" })).toContainText("<script>", { timeout: 15_000 });
  await page.waitForTimeout(300);
  expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], MARKER)).toBeUndefined();
});
