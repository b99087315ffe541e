// Projects in an organization's GitHub Enterprise (the emulator on a fixed port on
// the app's BENCHTOP_INSECURE_HOSTS): with the external backend in force, the New
// project form first asks the user to connect their own account at the host, then
// creates the project there; its session commits and pushes through the gateway
// with the user's credential, checked with the real git command line at the host.
import path from "node:path";
import { ADMIN } from "./servers";
import type { Api } from "./fixtures";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "./hosts/github/emulator-process";
import { ProjectsPage } from "./pages/projects-page";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const GITHUB_PORT = 3467;
let github: GitHubEmulatorProcess;

test.beforeAll(async () => {
  github = await startGitHubEmulatorProcess({ port: GITHUB_PORT });
});

test.afterAll(async () => {
  await github?.stop();
});

/** Back to the internal git server after each test, so that other specs create projects as before. */
test.afterEach(async ({ api }) => {
  await applyBackend(api, { type: "internal" });
});

async function applyBackend(api: Api, body: Record<string, unknown>) {
  const token = await api.createToken(ADMIN);
  const res = await api.request.put("/api/v1/admin/vcs", { headers: { authorization: `Bearer ${token}` }, data: body });
  expect(res.status(), await res.text()).toBe(200);
}

test("a user connects their account first, then creates a project in the organization and pushes to it from a session", async ({ api, openBrowser }) => {
  const world = github.orgWorld;
  await applyBackend(api, { type: "github", name: "Labs on GHE", url: github.apiRoot, credentialHostname: new URL(github.url).host, organization: world.org, username: world.service.login, authToken: world.service.token, onDelete: "archive" });
  const user = await api.createUser({ name: "Alice Analyst" });
  const context = await openBrowser(user);
  const page = context.pages()[0]!;
  const projects = new ProjectsPage(page);
  await projects.goto();

  // No account at the host yet: the form asks for one instead of creating anything.
  await expect(page.getByRole("note")).toContainText(`New projects are kept in labs at ${new URL(github.url).host}`);
  await expect(projects.create).toHaveCount(0);
  await page.screenshot({ path: path.join(process.cwd(), "test-results", "screenshots", "new-project-connect-first.png"), fullPage: true });
  const connect = page.getByRole("form", { name: `Connect to ${new URL(github.url).host}` });
  await connect.getByLabel(/Personal access token/).fill("ghp_not-alices-token");
  await connect.getByRole("button", { name: "Connect" }).click();
  await expect(connect.getByRole("alert")).toContainText(/refused the token|token/i);
  await connect.getByLabel(/Personal access token/).fill(world.alice.token);
  await connect.getByRole("button", { name: "Connect" }).click();

  await expect(projects.create).toBeVisible();
  await expect(page.getByText("you push to it as alice")).toBeVisible();
  await projects.createProject({ name: "quarterly-report", description: "Numbers for Q4" });
  await expect(page).toHaveURL(/\/projects\/[a-z0-9]+$/);
  const projectId = new URL(page.url()).pathname.split("/").pop()!;
  const repository = `${github.url}/labs/${user.handle}-${projectId}.git`;
  await expect(page.getByLabel("Clone URL")).toHaveValue(repository);

  await page.getByRole("link", { name: "Open session" }).click();
  const session = new SessionPage(page);
  await expect(session.item("README.md")).toBeVisible({ timeout: 30_000 });
  await session.openFile("README.md");
  const readme = "# quarterly-report\n\nWritten in a Benchtop session, pushed to the organization as alice.\n";
  await session.replaceText(readme);
  await session.commit("Describe the report");
  await session.push();

  // At the host, with the real git command line: the commit, its bytes and its author.
  const git = new NativeGit(repository, world.service.token).clone();
  expect(git.read("README.md").toString("utf8")).toBe(readme);
  expect(git.run(["log", "-1", "--format=%an <%ae>|%s"]).trim()).toBe(`${user.name} <${user.email}>|Describe the report`);
  expect(git.run(["rev-list", "--count", "HEAD"]).trim()).toBe("2");
  // The service account's token never reached the browser.
  expect(await page.content()).not.toContain(world.service.token);
});
