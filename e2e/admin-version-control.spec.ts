// The admin console's Version control page against the GitHub Enterprise and GitLab
// emulators (fixed ports on the app's BENCHTOP_INSECURE_HOSTS): Test lists every
// check and names the one that failed (a bad token, a member who is not an
// administrator), passes for the organization's administrator, and Apply saves
// without ever showing the token again; settings from the file make the page
// read-only, and a broken file keeps the last good settings.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { ADMIN, appDatabaseFile } from "./servers";
import { expect, signInOverApi, test } from "./fixtures";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "./hosts/github/emulator-process";
import { startGitLabEmulatorProcess, type GitLabEmulatorProcess } from "./hosts/gitlab/start-emulator-process";
import { AppShell } from "./pages/app-shell";
import { VersionControlPage } from "./pages/version-control-page";

const GITHUB_PORT = 3465;
const GITLAB_PORT = 3466;
let github: GitHubEmulatorProcess;
let gitlab: GitLabEmulatorProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  [github, gitlab] = await Promise.all([startGitHubEmulatorProcess({ port: GITHUB_PORT }), startGitLabEmulatorProcess({ port: GITLAB_PORT })]);
});

test.afterAll(async () => {
  await Promise.all([github?.stop(), gitlab?.stop()]);
});

/** Back to the internal git server after each test, so that other specs create projects as before. */
test.afterEach(async ({ api }) => {
  const token = await api.createToken(ADMIN);
  await api.request.put("/api/v1/admin/vcs", { headers: { authorization: `Bearer ${token}` }, data: { type: "internal" } });
});

async function openFromHeader(page: Page): Promise<VersionControlPage> {
  await signInOverApi(page, ADMIN);
  await page.goto("/projects");
  await new AppShell(page).nav.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Version control" }).click();
  const vcs = new VersionControlPage(page);
  await expect(vcs.heading).toBeVisible();
  return vcs;
}

test("GitHub Enterprise: Test names a bad token and a member who is not an administrator, passes for the owner, and Apply saves", async ({ page }) => {
  const world = github.orgWorld;
  const vcs = await openFromHeader(page);
  await expect(vcs.current).toContainText("Benchtop's own git server");

  await vcs.fill({ type: "github", name: "Labs on GHE", url: github.apiRoot, credentialHostname: new URL(github.url).host, organization: world.org, username: world.service.login, token: "ghp_not-the-token" });
  await vcs.test.click();
  await expect(vcs.check("Token")).toContainText(/failed.*refused the token/);
  await expect(vcs.check("Administrator")).toContainText("Not checked");

  await vcs.fill({ username: world.alice.login, token: world.alice.token });
  await vcs.test.click();
  await expect(vcs.check("Token")).toContainText("passed");
  await expect(vcs.check("Administrator")).toContainText(/failed.*alice is a member of the organization labs .* not an administrator/);

  await vcs.fill({ username: world.service.login, token: world.service.token });
  await vcs.test.click();
  await expect(vcs.form.getByRole("status")).toContainText("Every check passed");
  for (const name of ["HTTPS", "Token", "Administrator", "Create repositories", "Repository names"]) await expect(vcs.check(name)).toContainText("passed");

  await vcs.apply.click();
  await expect(vcs.form.getByRole("status")).toContainText("Applied.");
  await expect(vcs.current).toContainText("Labs on GHE");
  await expect(vcs.current).toContainText("saved (never shown)");
  expect(await page.content()).not.toContain(world.service.token);
  await page.reload();
  await expect(vcs.current).toContainText(world.org);
  await expect(vcs.form.getByLabel("Token")).toHaveValue("");
  await expect(vcs.form.getByLabel("Token")).toHaveAttribute("placeholder", /Saved/);
});

test("GitLab self-managed: a Developer of the group is refused with the reason, the group's owner is applied", async ({ page }) => {
  const world = gitlab.groupWorld;
  const vcs = await openFromHeader(page);
  await vcs.fill({ type: "gitlab", name: "Labs on GitLab", url: gitlab.apiRoot, credentialHostname: new URL(gitlab.url).host, organization: world.group, username: world.developer.username, token: world.developer.token });
  await vcs.apply.click();
  await expect(vcs.form.getByRole("alert")).toContainText("Not applied");
  await expect(vcs.form.getByText(/dan is a member of the group labs .* not an administrator/).first()).toBeVisible();
  await expect(vcs.current).toContainText("Benchtop's own git server");

  await vcs.fill({ username: world.service.username, token: world.service.token });
  await vcs.apply.click();
  await expect(vcs.form.getByRole("status")).toContainText("Applied.");
  await expect(vcs.current).toContainText("Labs on GitLab");
});

test("settings from the file: the page is read-only and a broken file keeps the last good settings", async ({ page }) => {
  const file = path.join(path.dirname(appDatabaseFile()), "benchtop.yaml");
  const world = github.orgWorld;
  const good = `vcs:\n  type: github\n  name: From the file\n  url: ${github.apiRoot}\n  credentialHostname: ${new URL(github.url).host}\n  organization: ${world.org}\n  username: ${world.service.login}\n  authToken: ${world.service.token}\n`;
  fs.writeFileSync(file, good);
  try {
    const vcs = await openFromHeader(page);
    await expect(vcs.current.getByRole("note")).toContainText(`These settings come from ${file}`);
    await expect(vcs.current).toContainText("From the file");
    await expect(vcs.form).toHaveCount(0);
    expect(await page.content()).not.toContain(world.service.token);

    fs.writeFileSync(file, "vcs:\n  type: github\n  url: [broken\n");
    await page.reload();
    await expect(vcs.current.getByRole("alert")).toContainText("not valid YAML");
    await expect(vcs.current).toContainText("From the file");
  } finally {
    fs.rmSync(file, { force: true });
  }
});
