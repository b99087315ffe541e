// Remote repositories end to end: register a GitHub Enterprise repository and an
// S3 bucket through the dialogs (against the emulators on fixed ports, which the
// app server is told to reach over plain http), browse them, import files into
// a project, and check the result with the real git command line.
import path from "node:path";
import { expect, signInOverApi, test, unique, type Api, type SeededProject, type SeededUser } from "./fixtures";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "./hosts/github/emulator-process";
import { startS3Server, type S3Server } from "./hosts/s3/start-s3-server";
import { BrowseRepositoryPage, RepositoriesPage } from "./pages/repositories-page";
import { NativeGit } from "./session-fixtures";

// Fixed: the app server's BENCHTOP_INSECURE_HOSTS (playwright.config.ts) names them.
const GITHUB_PORT = 3460;
const S3_PORT = 3461;
const BINARY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const CSV = "id,value\n1,0.5\n2,0.25\n";

let github: Pick<GitHubEmulatorProcess, "url" | "stop">;
let world: GitHubEmulatorProcess["world"];
let s3: S3Server;


test.beforeAll(async () => {
  ({ world, ...github } = await startGitHubEmulatorProcess({ port: GITHUB_PORT }));
  s3 = await startS3Server({
    port: S3_PORT,
    buckets: [{ name: "lab-datasets", objects: { "notes.txt": "Measured on 2024-03-01.\n", "raw/data.csv": CSV, "raw/blob.bin": BINARY } }],
  });
});

test.afterAll(async () => {
  await github?.stop();
  await s3?.stop();
});

async function seedOwner(api: Api): Promise<{ user: SeededUser; token: string; project: SeededProject }> {
  const user = await api.createUser({ name: "Repository Owner" });
  const token = await api.createToken(user);
  const project = await api.createProject(token, { name: unique("imports") });
  return { user, token, project };
}

test("a GitHub Enterprise repository: test, add, browse, import", async ({ page, api }) => {
  const { user, token, project } = await seedOwner(api);
  await signInOverApi(page, user);
  const repositories = new RepositoriesPage(page);
  await repositories.goto();

  const dialog = await repositories.openAddDialog("GitHub Enterprise");
  await expect(dialog.root).toBeVisible();
  await expect(dialog.token).toHaveAttribute("type", "password");

  // Refused without a token: the field says why, what was typed stays, the token field stays empty.
  await dialog.name.fill("acme-models");
  await dialog.location.fill(`${github.url}/acme/models`);
  await dialog.addButton.click();
  await expect(dialog.fieldError(dialog.token)).toHaveText("A personal access token is required for this provider.");
  await expect(dialog.name).toHaveValue("acme-models");
  await expect(dialog.location).toHaveValue(`${github.url}/acme/models`);

  await dialog.token.fill(world.tokens.bad);
  await dialog.testButton.click();
  await expect(dialog.testResult).toContainText("GitHub refused the token");
  await expect(dialog.testResult.locator("p")).toHaveClass(/text-red/);

  await dialog.token.fill(world.tokens.admin);
  await dialog.testButton.click();
  await expect(dialog.testResult).toContainText("Found acme/models (default branch main)");
  await dialog.description.fill("Models of the acme organization");
  await dialog.addButton.click();
  await expect(dialog.root).toBeHidden();

  const row = repositories.row("acme-models");
  await expect(row).toContainText("GitHub Enterprise");
  await expect(row).toContainText("Token stored");
  await expect(row).toContainText("Test passed");
  await expect(row).toContainText("Models of the acme organization");

  // The token is in neither the page (with its RSC payload) nor the API's answer.
  expect(await page.content()).not.toContain(world.tokens.admin);
  expect(await (await page.context().request.get("/repositories")).text()).not.toContain(world.tokens.admin);
  const listed = await api.request.get("/api/v1/repositories", { headers: { authorization: `Bearer ${token}` } });
  expect(listed.status()).toBe(200);
  expect(await listed.text()).toContain("acme-models");
  expect(await listed.text()).not.toContain(world.tokens.admin);

  await row.getByRole("link", { name: "Browse" }).click();
  const browse = new BrowseRepositoryPage(page);
  await expect(browse.branch).toHaveValue("main");
  await expect(browse.files).toContainText("README.md");
  expect(await page.content()).not.toContain(world.tokens.admin);

  // Folder navigation and the breadcrumb back.
  await browse.folder("src").click();
  await expect(browse.files).toContainText("app.py");
  await browse.breadcrumb.getByRole("link", { name: "acme-models" }).click();
  await expect(browse.select("README.md")).toBeVisible();

  await browse.select("README.md").check();
  await browse.select("src").check();
  const commit = await browse.importInto(`${user.handle}/${project.name}`);
  await expect(browse.importResult).toContainText(`Imported 2 files as commit ${commit} into ${project.name}`);
  await expect(browse.importResult.getByRole("link", { name: `Open ${project.name}` })).toHaveAttribute("href", `/projects/${project.id}`);

  const git = new NativeGit(project.cloneUrl, token).clone();
  expect(git.read("README.md").toString("utf8")).toBe("# Seeded\n");
  expect(git.read("src/app.py").toString("utf8")).toBe("print('hello')\n");
  expect(git.run(["rev-parse", "HEAD"]).trim().startsWith(commit)).toBe(true);
  const message = git.run(["log", "-1", "--format=%B"]);
  expect(message).toContain(`${github.url}/acme/models`);
  await page.screenshot({ path: path.join(process.cwd(), "test-results", "screenshots", "repositories-browse.png"), fullPage: true });

  // Create project: a copy with the history, then the new project's page.
  const copyName = unique("models-copy");
  await browse.copyForm.getByLabel("Project name", { exact: true }).fill(copyName);
  await browse.copyForm.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: copyName, level: 1 })).toBeVisible();
  const copy = new NativeGit(project.cloneUrl.replace(/[^/]+\.git$/, `${copyName}.git`), token).clone();
  expect(copy.read("README.md").toString("utf8")).toBe("# Seeded\n");
  expect(copy.run(["branch", "-r"])).toContain("origin/feature");
});

test("an S3 bucket: test, add, browse, import", async ({ page, api }) => {
  const { user, token, project } = await seedOwner(api);
  await signInOverApi(page, user);
  const repositories = new RepositoriesPage(page);
  await repositories.goto();

  const dialog = await repositories.openAddDialog("S3");
  await expect(dialog.secretAccessKey).toHaveAttribute("type", "password");
  await expect(dialog.sessionToken).toHaveAttribute("type", "password");
  await dialog.name.fill("lab-datasets");
  await dialog.bucket.fill("lab-datasets");
  await dialog.region.fill("us-east-1");
  await dialog.endpoint.fill(s3.endpoint);
  // s3rver refuses unknown key IDs (it does not check secrets).
  await dialog.accessKeyId.fill("AKIAWRONGWRONGWRONG0");
  await dialog.secretAccessKey.fill("wrong-secret");
  await dialog.testButton.click();
  await expect(dialog.testResult).toContainText("The access key ID or secret access key is wrong");

  await dialog.accessKeyId.fill(s3.accessKeyId);
  await dialog.secretAccessKey.fill(s3.secretAccessKey);
  await dialog.testButton.click();
  await expect(dialog.testResult).toContainText("lab-datasets");
  await expect(dialog.testResult.locator("p")).toHaveClass(/text-green/);
  await dialog.addButton.click();
  await expect(dialog.root).toBeHidden();

  const row = repositories.row("lab-datasets");
  await expect(row).toContainText("S3");
  await expect(row).toContainText("Keys stored");
  await expect(row).toContainText("Test passed");

  await row.getByRole("link", { name: "Browse" }).click();
  const browse = new BrowseRepositoryPage(page);
  await expect(browse.branch).toHaveCount(0);
  await expect(browse.files).toContainText("notes.txt");
  await browse.folder("raw").click();
  await expect(browse.files).toContainText("data.csv");
  await browse.select("data.csv").check();
  await browse.select("blob.bin").check();
  await browse.breadcrumb.getByRole("link", { name: "lab-datasets" }).click();
  await browse.select("notes.txt").check();
  const commit = await browse.importInto(`${user.handle}/${project.name}`);
  await expect(browse.importResult).toContainText(`Imported 3 files as commit ${commit} into ${project.name}`);

  const git = new NativeGit(project.cloneUrl, token).clone();
  expect(git.read("raw/data.csv").toString("utf8")).toBe(CSV);
  expect(git.read("raw/blob.bin").equals(BINARY)).toBe(true);
  expect(git.read("notes.txt").toString("utf8")).toBe("Measured on 2024-03-01.\n");
  expect(git.run(["log", "-1", "--format=%B"])).toContain("s3://lab-datasets");
});

test("the list: two repositories, edit, clear credentials, remove", async ({ page, api }) => {
  const { user, token } = await seedOwner(api);
  const headers = { authorization: `Bearer ${token}` };
  for (const data of [
    { provider: "github-enterprise", name: "acme-models", location: `${github.url}/acme/models`, token: world.tokens.admin, description: "Models of the acme organization" },
    { provider: "s3", name: "lab-datasets", bucket: "lab-datasets", endpoint: s3.endpoint, region: "us-east-1", accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  ]) {
    const created = await api.request.post("/api/v1/repositories", { headers, data });
    expect(created.status(), await created.text()).toBe(201);
  }
  await signInOverApi(page, user);
  const repositories = new RepositoriesPage(page);
  await repositories.goto();
  await expect(repositories.list.getByRole("listitem")).toHaveCount(2);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(process.cwd(), "test-results", "screenshots", "repositories-list.png"), fullPage: true });

  await repositories.openAddDialog("GitHub");
  await page.screenshot({ path: path.join(process.cwd(), "test-results", "screenshots", "repositories-add-dialog.png"), fullPage: true });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Edit with the token left empty keeps the stored one.
  const edit = await repositories.openEditDialog("acme-models");
  await expect(edit.token).toHaveValue("");
  await edit.description.fill("Renamed description");
  await edit.saveButton.click();
  await expect(edit.root).toBeHidden();
  const row = repositories.row("acme-models");
  await expect(row).toContainText("Renamed description");
  await expect(row).toContainText("Token stored");
  await expect(row).toContainText("Test passed");
  await row.getByRole("button", { name: "Test again" }).click();
  await expect(row.getByRole("status")).toContainText("Found acme/models");

  await row.getByRole("button", { name: "Clear credentials" }).click();
  await repositories.confirmDialog("Clear the credentials of acme-models?").getByRole("button", { name: "Clear credentials" }).click();
  await expect(row).toContainText("No token");

  await repositories.row("lab-datasets").getByRole("button", { name: "Remove" }).click();
  await repositories.confirmDialog("Remove lab-datasets?").getByRole("button", { name: "Remove" }).click();
  await expect(repositories.list.getByRole("listitem")).toHaveCount(1);
});
