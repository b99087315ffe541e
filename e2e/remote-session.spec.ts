// Sessions on registered git repositories: a GitHub Enterprise repository
// (the emulator on a fixed port, which the app server is told to reach over
// plain http) opened at /repositories/{id}/session, edited, committed and
// pushed through the same-origin git gateway (/proxy/{host}/{path}), then
// checked with the real git command line talking to the emulator directly.
// The browser never holds the provider token: not in the page, not in its
// storage, not in a request it sends.
import path from "node:path";
import { browserStorageDump } from "./browser-storage";
import { signInOverApi, type Api } from "./fixtures";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "./hosts/github/emulator-process";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

// Fixed: the app server's BENCHTOP_INSECURE_HOSTS (playwright.config.ts) names it.
const GITHUB_PORT = 3462;

let github: GitHubEmulatorProcess;

test.beforeAll(async () => {
  github = await startGitHubEmulatorProcess({ port: GITHUB_PORT });
});

test.afterAll(async () => {
  await github?.stop();
});

/** A user who registered acme/models (GitHub Enterprise emulator) with the provider's admin token. */
async function userWithModels(api: Api, name: string) {
  const user = await api.createUser({ name });
  const benchtopToken = await api.createToken(user);
  const providerToken = github.world.tokens.admin;
  const created = await api.request.post("/api/v1/repositories", {
    headers: { authorization: `Bearer ${benchtopToken}` },
    data: { provider: "github-enterprise", name: "acme-models", location: `${github.url}/acme/models`, token: providerToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: repositoryId } = (await created.json()) as { id: string };
  return { user, providerToken, repositoryId };
}

test("a GitHub Enterprise repository: open a session, edit, commit, push through the gateway", async ({ api, openBrowser }) => {
  const { user, providerToken, repositoryId } = await userWithModels(api, "Remote Session Owner");

  const context = await openBrowser(user);
  const page = context.pages()[0]!;
  const requests: { url: string; authorization?: string }[] = [];
  context.on("request", (request) => requests.push({ url: request.url(), authorization: request.headers().authorization }));

  // The way in: the list row and the repository's page both offer the session.
  await page.goto("/repositories");
  await expect(page.getByRole("listitem", { name: "acme-models" }).getByRole("link", { name: "Open session" })).toHaveAttribute("href", `/repositories/${repositoryId}/session`);
  await page.goto(`/repositories/${repositoryId}`);
  await page.getByRole("link", { name: "Open session" }).click();
  await expect(page).toHaveURL(new RegExp(`/repositories/${repositoryId}/session$`));

  const session = new SessionPage(page);
  await expect(page.getByRole("treeitem").first()).toBeVisible({ timeout: 30_000 });
  await expect(session.item("README.md")).toBeVisible();
  await expect(session.item("src")).toBeVisible();
  await session.openFile("README.md");
  await session.expectEditorText("# Seeded\n");

  const readme = "# Seeded\n\nEdited in a Benchtop session: Unicode ✓, tabs\tand trailing spaces   \nlast line without newline";
  await session.replaceText(readme);
  await expect(session.changeRow("README.md")).toBeVisible();
  await session.commit("Edit README through the gateway");
  await session.push();

  // The real git command line, straight to the emulator with the token: the commit and its exact bytes.
  const git = new NativeGit(`${github.url}/acme/models.git`, providerToken).clone();
  expect(git.read("README.md").equals(Buffer.from(readme, "utf8"))).toBe(true);
  expect(git.read("src/app.py").toString("utf8")).toBe("print('hello')\n");
  expect(git.run(["log", "-1", "--format=%an <%ae>|%s"]).trim()).toBe(`${user.name} <${user.email}>|Edit README through the gateway`);
  git.run(["fsck", "--full", "--strict"]);

  // The provider token is nowhere the browser can see: page, storage, requests.
  expect(await page.content()).not.toContain(providerToken);
  const storage = await browserStorageDump(page);
  expect(storage).toContain("benchtop-repository-"); // the dump did read the session's volume
  expect(storage).not.toContain(providerToken);
  expect(storage).not.toContain(Buffer.from(`x-access-token:${providerToken}`).toString("base64"));
  const emulatorOrigin = new URL(github.url).origin;
  // The worker's git traffic went to the gateway, in the form isomorphic-git's corsProxy builds.
  expect(requests.some((r) => r.url.includes(`/proxy/${new URL(github.url).host}/acme/models.git/git-receive-pack`))).toBe(true);
  expect(requests.filter((r) => r.url.startsWith(emulatorOrigin)).map((r) => r.url)).toEqual([]);
  expect(requests.filter((r) => r.authorization?.includes(providerToken) || r.url.includes(providerToken))).toEqual([]);
  await page.screenshot({ path: path.join(process.cwd(), "test-results", "screenshots", "remote-session.png"), fullPage: true });
});

test("an S3 bucket has no session: the page says why and links to browsing", async ({ api, page }) => {
  const user = await api.createUser({ name: "Bucket Owner" });
  const benchtopToken = await api.createToken(user);
  const created = await api.request.post("/api/v1/repositories", {
    headers: { authorization: `Bearer ${benchtopToken}` },
    // Nothing answers as S3 there; registering keeps the failed test, which is all this needs.
    data: { provider: "s3", name: "lab-bucket", bucket: "lab-bucket", endpoint: github.url, region: "us-east-1", accessKeyId: "AKIAEXAMPLEEXAMPLE00", secretAccessKey: "secret" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: repositoryId } = (await created.json()) as { id: string };

  await signInOverApi(page, user);
  await page.goto("/repositories");
  await expect(page.getByRole("listitem", { name: "lab-bucket" }).getByRole("link", { name: "Open session" })).toHaveCount(0);
  await page.goto(`/repositories/${repositoryId}/session`);
  await expect(page.getByRole("heading", { name: "No session for a bucket" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "buckets have no git history" })).toContainText("lab-bucket is an S3 bucket");
  await expect(page.getByRole("link", { name: "Browse lab-bucket" })).toHaveAttribute("href", `/repositories/${repositoryId}`);
});

test("someone else's repository session is not found", async ({ api, page }) => {
  const { repositoryId } = await userWithModels(api, "Owner");
  const other = await api.createUser({ name: "Other" });
  await signInOverApi(page, other);
  const response = await page.goto(`/repositories/${repositoryId}/session`);
  expect(response?.status()).toBe(404);
});

test("a project linked to the repository: created from the repository's page, its session pushes to the remote, its clone URL is the remote's", async ({ api, openBrowser }) => {
  const { user, providerToken, repositoryId } = await userWithModels(api, "Linked Project Owner");

  const context = await openBrowser(user);
  const page = context.pages()[0]!;
  await page.goto(`/repositories/${repositoryId}`);
  const form = page.getByRole("form", { name: "Create project" });
  await form.getByLabel("Project name").fill("models-linked");
  await form.getByRole("radio", { name: /^Link/ }).check();
  await form.getByRole("button", { name: "Create project" }).click();

  // The project's page: the remote's URL to clone, and the session.
  await expect(page.getByRole("heading", { name: "models-linked" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Clone URL" })).toHaveValue(`${github.url}/acme/models.git`);
  await page.getByRole("link", { name: "Open session" }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+\/session$/);
  const session = new SessionPage(page);
  await expect(page.getByRole("treeitem").first()).toBeVisible({ timeout: 30_000 });
  const text = `linked project ${Date.now()}\n`;
  await session.newFile("notes/linked.txt", text);
  await session.commit("Add a note from a linked project");
  await session.push();
  await expect(session.unpushed).toHaveText("0 unpushed");

  const git = new NativeGit(`${github.url}/acme/models.git`, providerToken).clone();
  expect(git.read("notes/linked.txt").toString("utf8")).toBe(text);
  expect(git.run(["log", "-1", "--format=%an <%ae>|%s"]).trim()).toBe(`${user.name} <${user.email}>|Add a note from a linked project`);
  expect(await page.content()).not.toContain(providerToken);
  expect(await browserStorageDump(page)).not.toContain(providerToken);
});
