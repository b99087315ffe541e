// A GitHub organization that keeps Benchtop's app out, from the add-repository
// dialog: a user who authorized the OAuth App sees the organization with
// OAuth App access restrictions named under Repository, with Request access
// opening GitHub's own page for it; once an owner approves (the emulator's
// control), coming back to the dialog lists the organization's repositories,
// without connecting again. With the GitHub App: Request access for an
// organization without an installation, and Edit repository permissions
// (the installation's settings on GitHub), whose change the list shows when
// the user comes back.
import type { Page } from "@playwright/test";
import { expect, signInOverApi, test } from "./fixtures";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "./hosts/github/emulator-process";
import { EmulatorControls } from "./oauth-fixtures";
import { OrgAccessControls } from "./org-access-controls";
import { ProviderConsentPage } from "./pages/provider-consent-page";
import { RepositoriesPage, type RepositoryDialog } from "./pages/repositories-page";

// The port of e2e/oauth-connections.spec.ts, which the app server's BENCHTOP_INSECURE_HOSTS names: specs run one after another.
const GITHUB_PORT = 3463;

let github: GitHubEmulatorProcess;
let host: string;

test.beforeAll(async () => {
  github = await startGitHubEmulatorProcess({ port: GITHUB_PORT });
  host = new URL(github.url).host;
});

test.afterAll(async () => {
  await github?.stop();
});

/** Authorizes the app from the add-repository dialog as dana; returns the dialog, connected. */
async function connectFromDialog(page: Page, appName: string): Promise<RepositoryDialog> {
  const repositories = new RepositoriesPage(page);
  await repositories.goto();
  await (await repositories.openAddDialog("GitHub Enterprise")).authorizeButton("Authorize GitHub app").click();
  await page.waitForURL(`${github.url}/login/oauth/authorize?**`);
  await ProviderConsentPage.github(page, appName).authorize(github.accessWorld.user);
  await page.waitForURL(/\/repositories\?add=github-enterprise&connected=/);
  const dialog = repositories.addDialog("GitHub Enterprise");
  await expect(dialog.root).toContainText(`of dana at ${host}`);
  return dialog;
}

/** Opens a link that GitHub's pages open in a new tab; returns that tab. */
async function openInNewTab(page: Page, link: ReturnType<Page["getByRole"]>): Promise<Page> {
  const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
  await tab.waitForLoadState();
  return tab;
}

/** Back from GitHub's tab to Benchtop's: the tab closes and Benchtop's window has the focus again. */
async function comeBack(page: Page, tab: Page): Promise<void> {
  await tab.close();
  await page.bringToFront();
  // Headless Chromium keeps every page "focused", so it sends no focus event of its own: send the one a window gets.
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
}

/** The options Repository offers for what is typed. */
async function offered(dialog: RepositoryDialog, typed: string): Promise<string[]> {
  await dialog.repository.fill("");
  await dialog.repository.pressSequentially(typed);
  if (!(await dialog.repositoryOptions.isVisible())) return [];
  return (await dialog.repositoryOptions.getByRole("option").allTextContents()).map((text) => text.replace(/private$/, "").trim());
}

test("OAuth App: an organization's OAuth App access restrictions are named with Request access; once it approves, its repositories appear without reconnecting", async ({ api, page }) => {
  test.setTimeout(90_000);
  const world = github.accessWorld;
  const controls = new OrgAccessControls(github.url);
  const oauthLog = new EmulatorControls(github.url);
  await api.registerOAuthApp({ provider: "github-enterprise", host, kind: "oauth-app", ...world.oauthApp });
  const user = await api.createUser({ name: "Dana Restricted" });
  await signInOverApi(page, user);

  const dialog = await connectFromDialog(page, "Benchtop Guarded");
  const requestUrl = `${github.url}/settings/connections/applications/${world.oauthApp.clientId}`;
  await expect(dialog.organizationWithoutAccess("guarded")).toContainText("The guarded organization restricts OAuth App access and has not approved Benchtop's app");
  await expect(dialog.requestAccess("guarded")).toHaveAttribute("href", requestUrl);
  await expect(dialog.requestAccess("guarded")).toHaveAttribute("target", "_blank");
  await expect(dialog.editRepositoryPermissions).toHaveCount(0);
  // And for an organization GitHub does not show, the same page.
  await expect(dialog.root.getByRole("link", { name: "Request access", exact: true }).last()).toHaveAttribute("href", requestUrl);
  expect(await offered(dialog, "guarded/")).toEqual([]);
  // The listing the dialog reads (GET /api/v1/me/connections/{id}/repositories) carries the same, as data.
  const { connections } = (await (await page.request.get("/api/v1/me/connections")).json()) as { connections: { id: string }[] };
  const listing = await (await page.request.get(`/api/v1/me/connections/${connections[0]!.id}/repositories`)).json();
  expect(listing).toMatchObject({ accessRequests: [{ kind: "oauth-app", organization: "guarded", url: requestUrl }], permissionsUrl: null, requestAccess: { kind: "oauth-app", url: requestUrl } });

  // Test of the restricted repository says the same, with Request access.
  await dialog.repository.fill(`${github.url}/${world.restrictedRepo}`);
  await dialog.testButton.click();
  await expect(dialog.testResult).toContainText("The guarded organization on");
  await expect(dialog.testResult).toContainText("restricts OAuth App access and has not approved Benchtop's app");
  await expect(dialog.testResult.getByRole("link", { name: "Request access" })).toHaveAttribute("href", requestUrl);
  await page.screenshot({ path: "test-results/screenshots/organization-access-oauth-app.png" });

  // Request access opens GitHub's page for the authorized app, where dana asks the owners of guarded.
  const approvalPage = await openInNewTab(page, dialog.requestAccess("guarded"));
  expect(approvalPage.url()).toBe(requestUrl);
  await approvalPage.getByRole("listitem", { name: "guarded" }).getByRole("button", { name: "Request access" }).click();
  await expect(approvalPage.getByRole("listitem", { name: "guarded" })).toHaveText("guarded: Access requested");
  expect((await controls.accessRequests()).oauthApps).toEqual([{ org: "guarded", clientId: world.oauthApp.clientId }]);

  // An owner of guarded approves; dana comes back to the dialog, still open.
  const codeGrants = await oauthLog.countTokenRequests("authorization_code");
  await controls.approveOAuthApp("guarded", world.oauthApp.clientId);
  await comeBack(page, approvalPage);
  await expect(dialog.organizationsWithoutAccess).toHaveCount(0);
  expect(await offered(dialog, "fore")).toEqual([world.restrictedRepo]);
  await dialog.repositoryOptions.getByRole("option", { name: new RegExp(`^${world.restrictedRepo}`) }).click();
  await expect(dialog.name).toHaveValue("forecasts");
  await dialog.testButton.click();
  await expect(dialog.testResult).toContainText(`Found ${world.restrictedRepo}`);
  await dialog.addButton.click();
  await expect(dialog.root).toHaveCount(0);
  await expect(new RepositoriesPage(page).row("forecasts")).toContainText(`${github.url}/${world.restrictedRepo}`);
  // Without connecting again: no new authorization.
  expect(await oauthLog.countTokenRequests("authorization_code")).toBe(codeGrants);
});

test("GitHub App: Request access for an organization without an installation, and Edit repository permissions; the list follows both when the user comes back", async ({ api, page }) => {
  test.setTimeout(90_000);
  const world = github.accessWorld;
  const controls = new OrgAccessControls(github.url);
  await api.registerOAuthApp({ provider: "github-enterprise", host, kind: "github-app", clientId: world.githubApp.clientId, clientSecret: world.githubApp.clientSecret });
  const user = await api.createUser({ name: "Dana Installer" });
  await signInOverApi(page, user);

  const dialog = await connectFromDialog(page, "Benchtop Workbench");
  const installUrl = `${github.url}/apps/${world.githubApp.slug}/installations/new`;
  await expect(dialog.organizationWithoutAccess("workshop")).toContainText("Benchtop's GitHub App is not installed on the workshop organization");
  await expect(dialog.requestAccess("workshop")).toHaveAttribute("href", installUrl);
  await expect(dialog.editRepositoryPermissions).toHaveAttribute("href", `${github.url}/settings/installations/${world.ownInstallation}`);
  // And for organizations GitHub does not show the app (private memberships), its installation page too.
  await expect(dialog.root.getByRole("link", { name: "Request access", exact: true })).toHaveCount(2);
  await expect(dialog.root.getByRole("link", { name: "Request access", exact: true }).last()).toHaveAttribute("href", installUrl);
  expect(await offered(dialog, "notes")).toEqual([]);
  expect(await offered(dialog, "pipe")).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/organization-access-github-app.png" });

  // Edit repository permissions: on GitHub, dana gives the app all of her repositories, then comes back.
  const settings = await openInNewTab(page, dialog.editRepositoryPermissions);
  await settings.getByRole("radio", { name: "All repositories" }).check();
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");
  await comeBack(page, settings);
  await expect.poll(() => offered(dialog, "notes")).toEqual([world.ownRepo]);

  // Request access: the app's installation page, where dana asks the owners of workshop to install it.
  const install = await openInNewTab(page, dialog.requestAccess("workshop"));
  expect(install.url()).toBe(installUrl);
  await install.getByRole("listitem", { name: "workshop" }).getByRole("button", { name: "Request" }).click();
  await expect(install.getByRole("listitem", { name: "workshop" })).toHaveText("workshop: Installation requested");
  expect((await controls.accessRequests()).installations).toEqual([{ account: "workshop", clientId: world.githubApp.clientId }]);
  await controls.installGitHubApp("workshop", world.githubApp.clientId);
  await comeBack(page, install);
  await expect(dialog.organizationsWithoutAccess).toHaveCount(0);
  expect(await offered(dialog, "pipe")).toEqual([world.uninstalledRepo]);
});
