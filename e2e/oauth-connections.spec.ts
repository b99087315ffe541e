// OAuth connections from end to end: an administrator registers an app for a
// GitHub Enterprise or GitLab self-managed host (the emulators, on fixed ports
// that the app server's BENCHTOP_INSECURE_HOSTS names); a user authorizes it
// from the Add repository dialog, signs in on the emulator's consent page,
// picks a repository from the autocomplete, opens a session and pushes through
// the gateway. The real git command line then checks the host. Also: tokens
// renewed once when they expire, a refused renewal answered with Reconnect from
// the session (the commit waits in the browser), and Disconnect withdrawing the
// authorization at the provider. Provider tokens and client secrets never reach
// the browser.
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { browserStorageDump } from "./browser-storage";
import { signInOverApi } from "./fixtures";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "./hosts/github/emulator-process";
import { startGitLabEmulatorProcess, type GitLabEmulatorProcess } from "./hosts/gitlab/start-emulator-process";
import { backdateConnectionExpiry, EmulatorControls } from "./oauth-fixtures";
import { ConnectionsPage } from "./pages/connections-page";
import { ProviderConsentPage } from "./pages/provider-consent-page";
import { RepositoriesPage } from "./pages/repositories-page";
import { SessionPage } from "./pages/session-page";
import { ADMIN, APP_URL } from "./servers";
import { expect, NativeGit, test } from "./session-fixtures";

// Fixed: the app server's BENCHTOP_INSECURE_HOSTS (playwright.config.ts) names them.
const GITHUB_PORT = 3463;
const GITLAB_PORT = 3464;

let github: GitHubEmulatorProcess;
let gitlab: GitLabEmulatorProcess;

test.beforeAll(async () => {
  [github, gitlab] = await Promise.all([startGitHubEmulatorProcess({ port: GITHUB_PORT }), startGitLabEmulatorProcess({ port: GITLAB_PORT })]);
});

test.afterAll(async () => {
  await Promise.all([github?.stop(), gitlab?.stop()]);
});

const hostOf = (url: string) => new URL(url).host;
const screenshot = (name: string) => path.join(process.cwd(), "test-results", "screenshots", name);

/** GitHub's OAuth App (gho_), GitHub App user (ghu_) and refresh (ghr_) tokens as the emulator issues them. */
const GITHUB_TOKEN = /gh[our]_[A-Za-z0-9]{20,}/;

/**
 * Everything a browser context sends, and every answer Benchtop's origin gives
 * it (pages, RSC payloads, JSON, git through the gateway), as text to search.
 */
function recordTraffic(context: BrowserContext): () => Promise<string> {
  const seen: Promise<string>[] = [];
  context.on("request", (request) => seen.push(Promise.resolve(`${request.method()} ${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ""}`)));
  context.on("response", (response) => {
    // Redirects and evicted bodies have no text; their headers are enough.
    if (response.url().startsWith(APP_URL)) seen.push(response.text().then((body) => `${JSON.stringify(response.headers())}\n${body}`, () => JSON.stringify(response.headers())));
  });
  return async () => (await Promise.all(seen)).join("\n");
}

/** Asserts that none of `secrets` (strings or patterns) is in the page, the browser's storage or the recorded traffic. */
async function expectNothingSecretInBrowser(page: Page, traffic: () => Promise<string>, secrets: (string | RegExp)[]) {
  const places = { page: await page.content(), storage: await browserStorageDump(page), traffic: await traffic() };
  expect(places.storage).toContain("benchtop-repository-"); // the dump did read the session's volume
  expect(places.traffic).toContain("/git-receive-pack"); // and the recording saw the push through the gateway
  for (const [where, text] of Object.entries(places)) {
    for (const secret of secrets) {
      if (typeof secret === "string") expect(text.includes(secret), `${where} holds a secret`).toBe(false);
      else expect(secret.exec(text)?.[0] ?? null, `${where} holds a token`).toBeNull();
    }
  }
}

/** The repository's id from its row's "Open session" link. */
async function openSessionFromList(page: Page, name: string): Promise<{ session: SessionPage; repositoryId: string }> {
  const link = new RepositoriesPage(page).row(name).getByRole("link", { name: "Open session" });
  const href = (await link.getAttribute("href")) ?? "";
  const repositoryId = /^\/repositories\/([^/]+)\/session$/.exec(href)?.[1];
  expect(repositoryId, `Open session links to ${href}`).toBeTruthy();
  await link.click();
  const session = new SessionPage(page);
  await expect(page.getByRole("treeitem").first()).toBeVisible({ timeout: 30_000 });
  return { session, repositoryId: repositoryId! };
}

test("GitHub Enterprise: the administrator registers the app; a user authorizes it from Add repository, picks acme/models, pushes from a session; the token never reaches the browser", async ({ api, page, openBrowser }) => {
  test.setTimeout(120_000);
  const host = hostOf(github.url);
  const oauthApp = github.world.oauthApps.oauthApp;

  // The administrator registers the GitHub OAuth App for the emulator's host.
  await signInOverApi(page, ADMIN);
  await page.goto("/admin/oauth-apps");
  const form = page.getByRole("form", { name: "Add or update an app" });
  await form.getByLabel("Provider", { exact: true }).selectOption({ label: "GitHub Enterprise" });
  await form.getByLabel("Host", { exact: true }).fill(host);
  await form.getByLabel("Type", { exact: true }).selectOption({ label: "OAuth App" });
  await form.getByLabel("Client ID", { exact: true }).fill(oauthApp.clientId);
  await form.getByLabel("Client secret", { exact: true }).fill(oauthApp.clientSecret);
  await form.getByRole("button", { name: "Save app" }).click();
  await expect(form.getByRole("status")).toContainText(new RegExp(`(Added|Updated) the github-enterprise app for ${host.replace(/\./g, "\\.")}`));

  const user = await api.createUser({ name: "Octo Connector" });
  const context = await openBrowser(user);
  const traffic = recordTraffic(context);
  const userPage = context.pages()[0]!;
  const repositories = new RepositoriesPage(userPage);
  await repositories.goto();

  // No connection yet: the dialog offers the app above the personal-access-token fallback.
  const dialog = await repositories.openAddDialog("GitHub Enterprise");
  await expect(dialog.location).toBeVisible();
  await userPage.screenshot({ path: screenshot("add-repository-authorize.png") });
  await dialog.authorizeButton("Authorize GitHub app").click();

  // The emulator's consent page: sign in as octocat and authorize Benchtop.
  await userPage.waitForURL(`${github.url}/login/oauth/authorize?**`);
  await ProviderConsentPage.github(userPage).authorize({ login: "octocat", password: github.world.password });

  // Back in the same dialog, now with octocat's repositories to pick from.
  await userPage.waitForURL(/\/repositories\?add=github-enterprise&connected=/);
  const connected = repositories.addDialog("GitHub Enterprise");
  await expect(connected.authorizeButton("Authorize GitHub app")).toHaveCount(0);
  await expect(connected.location).toHaveCount(0);
  await expect(connected.root).toContainText(`of octocat at ${host}`);
  await connected.repository.fill("a");
  await expect(userPage.getByRole("listbox", { name: "Your repositories" })).toBeVisible();
  await userPage.screenshot({ path: screenshot("add-repository-autocomplete.png") });
  await connected.repository.fill("");
  await connected.pickRepository("mod", "acme/models");
  await expect(connected.repository).toHaveValue(`${github.url}/acme/models`);
  await expect(connected.name).toHaveValue("models");
  await connected.addButton.click();
  await expect(connected.root).toHaveCount(0);
  await expect(repositories.row("models")).toContainText(`${github.url}/acme/models`);

  // A session on it: edit, commit, push through the gateway with octocat's OAuth token.
  const { session } = await openSessionFromList(userPage, "models");
  await session.openFile("README.md");
  await session.expectEditorText("# Seeded\n");
  const readme = "# Seeded\n\nPushed with an OAuth connection: Unicode ✓, tabs\tand trailing spaces   \nlast line without newline";
  await session.replaceText(readme);
  await session.commit("Edit README over an OAuth connection");
  await session.push();
  await expect(session.unpushed).toHaveText("0 unpushed");

  // The real git command line, straight to the emulator: the commit with its exact bytes.
  const git = new NativeGit(`${github.url}/acme/models.git`, github.world.tokens.admin).clone();
  expect(git.read("README.md").equals(Buffer.from(readme, "utf8"))).toBe(true);
  expect(git.run(["log", "-1", "--format=%an <%ae>|%s"]).trim()).toBe(`${user.name} <${user.email}>|Edit README over an OAuth connection`);
  git.run(["fsck", "--full", "--strict"]);

  // Neither the app's client secret nor any GitHub token reached the browser.
  await expectNothingSecretInBrowser(userPage, traffic, [oauthApp.clientSecret, GITHUB_TOKEN]);
  for (const path of ["/repositories", "/settings/connections"]) {
    await userPage.goto(path);
    const html = await userPage.content();
    expect(html.includes(oauthApp.clientSecret)).toBe(false);
    expect(GITHUB_TOKEN.exec(html)).toBeNull();
  }
  await expect(new ConnectionsPage(userPage).row("octocat", host)).toContainText("OAuth");
});

test("GitLab self-managed: authorize, pick the project, push; an expired token is renewed once; a refused renewal offers Reconnect and the commit waits for it", async ({ api, openBrowser }) => {
  test.setTimeout(180_000);
  const host = hostOf(gitlab.url);
  const { seed } = gitlab;
  const controls = new EmulatorControls(gitlab.url);
  await api.registerOAuthApp({ provider: "gitlab-self-managed", host, clientId: seed.oauthApp.clientId, clientSecret: seed.oauthApp.clientSecret });

  const user = await api.createUser({ name: "Alice Connector" });
  const context = await openBrowser(user);
  const traffic = recordTraffic(context);
  const page = context.pages()[0]!;
  const repositories = new RepositoriesPage(page);
  await repositories.goto();
  await (await repositories.openAddDialog("GitLab self-managed")).authorizeButton("Authorize GitLab app").click();
  await page.waitForURL(`${gitlab.url}/oauth/authorize?**`);
  await ProviderConsentPage.gitlab(page).authorize({ login: seed.username, password: seed.password });

  await page.waitForURL(/\/repositories\?add=gitlab-self-managed&connected=/);
  const dialog = repositories.addDialog("GitLab self-managed");
  await dialog.pickRepository("fore", seed.fullName);
  await expect(dialog.name).toHaveValue(seed.fullName.split("/").pop()!);
  await dialog.addButton.click();
  await expect(dialog.root).toHaveCount(0);

  const { session, repositoryId } = await openSessionFromList(page, seed.fullName.split("/").pop()!);
  const git = new NativeGit(`${gitlab.url}/${seed.fullName}.git`, seed.tokens.admin).clone();
  /** Edits README.md in the session and commits it; returns the text. */
  const commitReadme = async (text: string, message: string) => {
    await session.openFile("README.md");
    await session.replaceText(text);
    await session.commit(message);
    return text;
  };
  /** The host has the session's last commit, byte for byte (checked with the git command line). */
  const expectAtHost = (text: string, message: string) => {
    git.pull();
    expect(git.read("README.md").equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(git.run(["log", "-1", "--format=%an <%ae>|%s"]).trim()).toBe(`${user.name} <${user.email}>|${message}`);
  };

  const first = await commitReadme("# Seeded\n\nFirst push over GitLab OAuth ✓\n", "First push over OAuth");
  await session.push();
  expectAtHost(first, "First push over OAuth");

  // Two hours later: the access token has expired at GitLab and in Benchtop's eyes; the push renews it once.
  const second = await commitReadme("# Seeded\n\nPushed after the token was renewed\n", "Push after renewal");
  const refreshesBefore = await controls.countTokenRequests("refresh_token");
  expect(await controls.expireAccessTokens(seed.username)).toBeGreaterThan(0);
  expect(backdateConnectionExpiry({ userId: user.id, provider: "gitlab-self-managed" })).toBe(1);
  await session.push();
  expect(await controls.countTokenRequests("refresh_token")).toBe(refreshesBefore + 1);
  expect(await controls.countTokenRequests("refresh_token", { ok: false })).toBe(0);
  expectAtHost(second, "Push after renewal");

  // Later still, the refresh token is revoked too: the push fails, asks to reconnect, and keeps the commit.
  const third = await commitReadme("# Seeded\n\nPushed after reconnecting\n", "Push after reconnecting");
  await expect(session.unpushed).toHaveText("1 unpushed");
  expect(await controls.revokeRefreshTokens(seed.username)).toBeGreaterThan(0);
  await controls.expireAccessTokens(seed.username);
  expect(backdateConnectionExpiry({ userId: user.id, provider: "gitlab-self-managed" })).toBe(1);
  await session.pushButton.click();
  await expect(session.status).toContainText(/connect again/i);
  await expect(session.status).toContainText(host);
  await page.screenshot({ path: screenshot("session-reconnect.png") });
  await expect(session.unpushed).toHaveText("1 unpushed");
  // One refused renewal; the connection is then marked for reconnecting, not retried with every request.
  expect(await controls.countTokenRequests("refresh_token", { ok: false })).toBe(1);
  const codeGrantsBefore = await controls.countTokenRequests("authorization_code");

  // Reconnect: the consent page again, then back to this session with the commit still waiting.
  await session.statusAction("Reconnect").click();
  await page.waitForURL(`${gitlab.url}/oauth/authorize?**`);
  await ProviderConsentPage.gitlab(page).authorize({ login: seed.username, password: seed.password });
  await page.waitForURL(new RegExp(`/repositories/${repositoryId}/session(\\?|$)`));
  await expect(page.getByRole("treeitem").first()).toBeVisible({ timeout: 30_000 });
  expect(await controls.countTokenRequests("authorization_code")).toBe(codeGrantsBefore + 1);
  await expect(session.unpushed).toHaveText("1 unpushed");
  await session.openFile("README.md");
  await session.expectEditorText(third);
  await session.push();
  await expect(session.unpushed).toHaveText("0 unpushed");
  expectAtHost(third, "Push after reconnecting");
  git.run(["fsck", "--full", "--strict"]);

  await expectNothingSecretInBrowser(page, traffic, [seed.oauthApp.clientSecret]);
});

/** One registered app per emulator, as Settings, Connections shows it. */
const settingsCases = [
  {
    label: "GitHub Enterprise",
    button: "Authorize GitHub app",
    emulator: () => ({ url: github.url, provider: "github-enterprise", app: github.world.oauthApps.oauthApp, login: "octocat", password: github.world.password, consent: ProviderConsentPage.github, authorizePath: "/login/oauth/authorize" }),
  },
  {
    label: "GitLab self-managed",
    button: "Authorize GitLab app",
    emulator: () => ({ url: gitlab.url, provider: "gitlab-self-managed", app: gitlab.seed.oauthApp, login: gitlab.seed.username, password: gitlab.seed.password, consent: ProviderConsentPage.gitlab, authorizePath: "/oauth/authorize" }),
  },
] as const;

for (const { label, button, emulator } of settingsCases) {
  test(`Settings, Connections: ${label} authorized there and disconnected; the authorization is withdrawn at the provider`, async ({ api, page }) => {
    const { url, provider, app, login, password, consent, authorizePath } = emulator();
    const host = hostOf(url);
    const controls = new EmulatorControls(url);
    await api.registerOAuthApp({ provider, host, clientId: app.clientId, clientSecret: app.clientSecret });
    const user = await api.createUser();
    await signInOverApi(page, user);

    const connections = new ConnectionsPage(page);
    await connections.goto();
    await connections.app(label, host).getByRole("button", { name: button, exact: true }).click();
    await page.waitForURL(`${url}${authorizePath}?**`);
    await consent(page).authorize({ login, password });
    await page.waitForURL(/\/settings\/connections\?connected=/);
    await expect(connections.outcome).toHaveText(`Connected to ${host} as ${login}.`);
    await expect(connections.row(login, host)).toContainText("OAuth");
    await expect(connections.app(label, host).getByRole("button", { name: "Reconnect", exact: true })).toBeVisible();

    const revocationsBefore = (await controls.oauthLog()).revocations.length;
    await connections.disconnect(login, host);
    await expect(connections.row(login, host)).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
    await expect(connections.app(label, host).getByRole("button", { name: button, exact: true })).toBeVisible();

    // Exactly one revocation, by Benchtop's app, which the provider accepted: the token no longer works.
    const revocations = (await controls.oauthLog()).revocations.slice(revocationsBefore);
    expect(revocations).toEqual([expect.objectContaining({ clientId: app.clientId, ok: true })]);
  });
}
