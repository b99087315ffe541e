// Projects in an organization's GitHub (API.md "Version-control backend (admin)"):
// with an external backend in force, creating a project needs the user's own
// connection to the host (409 connection_required, nothing made anywhere); then
// the repository is created private in the organization, the user given write
// access by their account, and the README commit pushed with their credential.
// Members work in it through the gateway with their own connections. A host that
// answers 503 leaves nothing behind on either side.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { adminToken, api, baseUrl, createUser, signInBrowser, unique, type TestUser } from "../helpers/api";
import { gatewayUrl, gitAsync } from "../helpers/gateway";
import { gitOk, tempDir } from "../helpers/git";

type Member = TestUser & { cookie: string };
type RepoReport = { deleted: boolean; archived: boolean | null; permissions: Record<string, string>; refs: Record<string, string> };

let github: GitHubEmulatorProcess;
let admin: string;
let alice: Member;

const host = () => new URL(github.url).host;
const inspectOrg = async (): Promise<string[]> => (await (await fetch(`${github.url}/_emulator/inspect?owner=labs`)).json()).repos;
const inspectRepo = async (fullName: string): Promise<RepoReport> => (await fetch(`${github.url}/_emulator/inspect?repo=${encodeURIComponent(fullName)}`)).json();
const outage = (requests: number, after = 0) => fetch(`${github.url}/_emulator/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requests, after }) });
const myProjects = async (user: TestUser): Promise<string[]> => (await api("/api/v1/projects?filter=mine", { token: user.token })).body.projects.map((p: { name: string }) => p.name);

beforeAll(async () => {
  github = await startGitHubEmulatorProcess();
  admin = await adminToken();
  const user = await createUser();
  alice = { ...user, cookie: await signInBrowser(user) };
  const world = github.orgWorld;
  const applied = await api("/api/v1/admin/vcs", {
    method: "PUT",
    token: admin,
    body: { type: "github", name: "Labs", url: github.apiRoot, credentialHostname: host(), organization: world.org, username: world.service.login, authToken: world.service.token, onDelete: "delete" },
  });
  expect(applied.status, applied.text).toBe(200);
}, 120_000);

afterAll(async () => {
  await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body: { type: "internal" } });
  await github?.stop();
});

describe("a project with an external backend", () => {
  it("needs the user's connection to the host first, and creates nothing anywhere without it", async () => {
    const before = await inspectOrg();
    const name = unique("unconnected-");
    const res = await api("/api/v1/projects", { method: "POST", token: alice.token, body: { name } });
    expect(res.status, res.text).toBe(409);
    expect(res.body.error.code).toBe("connection_required");
    expect(res.body.error.message).toContain(`Connect your account at ${host()}`);
    expect(await inspectOrg()).toEqual(before);
    expect(await myProjects(alice)).not.toContain(name);
  });

  it("is created in the organization with the README commit pushed by the user, who works in it through the gateway", { timeout: 120_000 }, async () => {
    const connected = await api("/api/v1/me/connections", { method: "POST", token: alice.token, body: { provider: "github-enterprise", host: host(), token: github.orgWorld.alice.token } });
    expect(connected.status, connected.text).toBe(201);

    const created = await api("/api/v1/projects", { method: "POST", token: alice.token, body: { name: unique("analysis-"), description: "Quarterly numbers" } });
    expect(created.status, created.text).toBe(201);
    const project = created.body;
    const repoName = `${alice.handle}-${project.id}`;
    expect(project).toMatchObject({ backend: "external", cloneUrl: `${github.url}/labs/${repoName}.git`, defaultBranch: "main" });

    const atHost = await inspectRepo(`labs/${repoName}`);
    expect(atHost).toMatchObject({ deleted: false, permissions: { alice: "push" } });
    expect(Object.keys(atHost.refs)).toEqual(["refs/heads/main"]);
    const check = path.join(tempDir(), "check");
    gitOk(["clone", "-q", project.cloneUrl, check], { auth: { token: github.orgWorld.service.token } });
    expect(fs.readFileSync(path.join(check, "README.md"), "utf8")).toContain(project.name);
    expect(gitOk(["log", "--format=%an <%ae>"], { cwd: check }).trim()).toBe(`Test User <${alice.email}>`);

    // Not on Benchtop's git server: its URL there points to the host.
    const internal = await fetch(`${baseUrl()}/git/${alice.handle}/${project.name}.git/info/refs?service=git-upload-pack`, { headers: { authorization: `Basic ${Buffer.from(`x:${alice.token}`).toString("base64")}` } });
    expect([internal.status, await internal.text()]).toEqual([404, expect.stringContaining(`Clone ${project.cloneUrl} instead`)]);

    const branches = await api(`/api/v1/projects/${project.id}/branches`, { token: alice.token });
    expect(branches.body.branches).toEqual([{ name: "main", commit: atHost.refs["refs/heads/main"] }]);

    // The session's route: the gateway, with alice's own connection.
    const work = path.join(tempDir(), "work");
    expect((await gitAsync(["clone", gatewayUrl(baseUrl(), project.cloneUrl), work], { cookie: alice.cookie })).code).toBe(0);
    fs.writeFileSync(path.join(work, "notes.md"), "first finding\n");
    gitOk(["add", "notes.md"], { cwd: work });
    gitOk(["commit", "-q", "-m", "First finding"], { cwd: work });
    const pushed = gitOk(["rev-parse", "HEAD"], { cwd: work }).trim();
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: work, cookie: alice.cookie });
    expect(push.code, push.stderr).toBe(0);
    expect((await inspectRepo(`labs/${repoName}`)).refs["refs/heads/main"]).toBe(pushed);

    const audit = await api(`/api/v1/projects/${project.id}/audit`, { token: alice.token });
    const actions = audit.body.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["project.created", "git.push"]));
    expect(audit.body.events.find((e: { action: string }) => e.action === "project.created").detail).toMatchObject({ backend: "external", repository: `labs/${repoName}` });
  });

  it("copies a registered repository into the organization, every branch", { timeout: 120_000 }, async () => {
    const registered = await api("/api/v1/repositories", {
      method: "POST",
      token: alice.token,
      body: { provider: "github-enterprise", name: unique("models-"), location: `${github.url}/acme/models`, token: github.world.tokens.admin },
    });
    expect(registered.status, registered.text).toBe(201);
    const created = await api("/api/v1/projects", { method: "POST", token: alice.token, body: { name: unique("copy-"), repositoryId: registered.body.id } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.backend).toBe("external");
    const heads = (url: string, token: string) =>
      gitOk(["ls-remote", "--heads", url], { auth: { token } })
        .trim()
        .split("\n")
        .sort();
    expect(heads(created.body.cloneUrl, github.orgWorld.service.token)).toEqual(heads(`${github.url}/acme/models.git`, github.world.tokens.admin));
  });

  it("leaves nothing behind on either side when the host answers 503, and says what to do", async () => {
    const before = await inspectOrg();
    const name = unique("outage-");
    await outage(1);
    const res = await api("/api/v1/projects", { method: "POST", token: alice.token, body: { name } });
    expect(res.status, res.text).toBe(502);
    expect(res.body.error.code).toBe("upstream_error");
    expect(res.body.error.message).toMatch(/try again/i);
    expect(await inspectOrg()).toEqual(before);
    expect(await myProjects(alice)).not.toContain(name);
    // The name is free again: the same project is made once the host is back.
    const again = await api("/api/v1/projects", { method: "POST", token: alice.token, body: { name } });
    expect(again.status, again.text).toBe(201);
  });

  it("removes the repository it made when a later step fails", async () => {
    // Named by the project's name here, so that the repository can be looked up after its project is gone.
    const settings = (await api("/api/v1/admin/vcs", { token: admin })).body;
    const { source: _source, hasAuthToken: _hasAuthToken, ...keep } = settings;
    expect((await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body: { ...keep, repository: "{owner}-{name}" } })).status).toBe(200);
    const name = unique("half-");
    // The repository is created (one request); giving alice write access then meets the outage.
    await outage(1, 1);
    const res = await api("/api/v1/projects", { method: "POST", token: alice.token, body: { name } });
    expect(res.status, res.text).toBe(502);
    // Made, then removed again: deleted at the host, and no project in Benchtop.
    expect(await inspectRepo(`labs/${alice.handle}-${name}`)).toMatchObject({ deleted: true });
    expect(await myProjects(alice)).not.toContain(name);
  });
});
