// An administrator moves a project with three branches, a tag and 50 commits
// from Benchtop's git server to an organization on the GitHub emulator and
// back (API.md "Version-control backend (admin)", POST /api/v1/admin/vcs/migrate).
// Every ref is compared with `git ls-remote` on both sides; while the move
// waits for the host (its API is down) or waits its turn, pushes through the
// git server and the git gateway are refused as "being moved", and fetching
// still works.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { adminToken, api, baseUrl, createProject, createUser, share, signInBrowser, type TestUser } from "../helpers/api";
import { gitAsync } from "../helpers/gateway";
import { cloneInto, commitFile, git, gitOk } from "../helpers/git";

const MIGRATE = "/api/v1/admin/vcs/migrate";
let github: GitHubEmulatorProcess;
let admin: string;
let owner: TestUser;
let editor: TestUser;

/** Every branch and tag a repository holds, as `git ls-remote` lists them. */
function lsRemote(url: string, token: string): Record<string, string> {
  const lines = gitOk(["ls-remote", "--heads", "--tags", url], { auth: { token } }).trim().split("\n");
  return Object.fromEntries(lines.filter((line) => !line.endsWith("^{}")).map((line) => line.split("\t").reverse() as [string, string]));
}

/** Polls a batch of moves until `done(batch)`, or fails with the last answer. */
async function waitForBatch(jobId: string, done: (batch: any) => boolean, timeoutMs = 90_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  let batch: any;
  while (Date.now() < until) {
    batch = (await api(`${MIGRATE}/${jobId}`, { token: admin })).body;
    if (done(batch)) return batch;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the move did not get there in time: ${JSON.stringify(batch)}`);
}

const outage = (method: "POST" | "DELETE") => fetch(`${github.url}/_emulator/outage`, { method, headers: { "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });

beforeAll(async () => {
  github = await startGitHubEmulatorProcess();
  admin = await adminToken();
  [owner, editor] = await Promise.all([createUser(), createUser()]);
}, 120_000);

afterAll(async () => {
  await outage("DELETE").catch(() => {});
  await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body: { type: "internal" } });
  await github?.stop();
});

describe("moving projects between backends", () => {
  it("moves every branch, tag and commit to the organization and back, refusing pushes while it moves", async () => {
    const project = await createProject(owner);
    // Made now, on Benchtop's git server: once the backend is applied, new projects go to the organization.
    const other = await createProject(owner);
    await share(project, owner, editor, "editor");
    const work = cloneInto(project.cloneUrl, { token: owner.token });
    for (let i = 0; i < 30; i++) commitFile(work, `main/${i}.txt`, `${i}\n`);
    gitOk(["tag", "-a", "v1.0", "-m", "First release"], { cwd: work });
    for (const branch of ["feature/a", "feature/b"]) {
      gitOk(["checkout", "-q", "-b", branch, "main~5"], { cwd: work });
      for (let i = 0; i < 10; i++) commitFile(work, `${branch}/${i}.txt`, `${branch} ${i}\n`);
    }
    gitOk(["push", "-q", "origin", "--all"], { cwd: work, auth: { token: owner.token } });
    gitOk(["push", "-q", "origin", "--tags"], { cwd: work, auth: { token: owner.token } });
    expect(Number(gitOk(["rev-list", "--count", "--all"], { cwd: work }).trim())).toBe(51); // 50 commits and the project's first
    const before = lsRemote(project.cloneUrl, owner.token);
    expect(Object.keys(before).sort()).toEqual(["refs/heads/feature/a", "refs/heads/feature/b", "refs/heads/main", "refs/tags/v1.0"]);

    // The git commands above block this process; let it see the keep-alive connections the server closed meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Nothing to move while Benchtop's git server is the only backend.
    const nowhere = await api(MIGRATE, { method: "POST", token: admin, body: { projectIds: [project.id], target: "external" } });
    expect(nowhere.status).toBe(409);
    expect(nowhere.body.error.message).toMatch(/No external backend is in force/);

    const { orgWorld } = github;
    const host = new URL(github.url).host;
    const applied = await api("/api/v1/admin/vcs", {
      method: "PUT",
      token: admin,
      body: { type: "github", name: "Labs", url: github.apiRoot, credentialHostname: host, organization: orgWorld.org, username: orgWorld.service.login, authToken: orgWorld.service.token, onDelete: "archive" },
    });
    expect(applied.status, applied.text).toBe(200);
    // The owner works at the host as alice; the editor has not connected yet.
    const connected = await api("/api/v1/me/connections", { method: "POST", token: owner.token, body: { provider: "github-enterprise", host, token: orgWorld.alice.token } });
    expect(connected.status, connected.text).toBe(201);

    expect((await api(MIGRATE, { method: "POST", token: owner.token, body: { projectIds: [project.id] } })).status).toBe(403);
    const already = await api(MIGRATE, { method: "POST", token: admin, body: { projectIds: [project.id], target: "internal" } });
    expect(already.status).toBe(409);
    expect(already.body.error.message).toBe(`${project.name} is already on Benchtop's git server.`);

    // The host's API is down: the move waits for it, and the project is read-only meanwhile.
    expect((await outage("POST")).status).toBe(200);
    const queued = await api(MIGRATE, { method: "POST", token: admin, body: { projectIds: [project.id] } });
    expect(queued.status, queued.text).toBe(202);
    const { jobId } = queued.body;
    await waitForBatch(jobId, (batch) => batch.moves[0].step === "waiting");
    commitFile(work, "late.txt", "written during the move\n");
    const refused = git(["push", "origin", "feature/b"], { cwd: work, auth: { token: owner.token } });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`${project.name} is being moved to another git host by an administrator; pushes are paused for a moment.`);
    expect(git(["fetch", "-q", "origin"], { cwd: work, auth: { token: owner.token } }).status).toBe(0);
    const twice = await api(MIGRATE, { method: "POST", token: admin, body: { projectIds: [project.id] } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already being moved/);
    expect((await outage("DELETE")).status).toBeLessThan(300);

    const moved = await waitForBatch(jobId, (batch) => batch.state !== "running");
    expect(moved).toMatchObject({ state: "done", target: { type: "external", name: "Labs (labs)" }, counts: { done: 1, failed: 0 } });
    expect(moved.moves[0].message).toMatch(/^Moved 3 branches and 1 tag to labs\/\S+ \(Labs \(labs\)\)\. Access at the host: 1 given, 1 waiting until they connect their account\.$/);
    const external = (await api(`/api/v1/projects/${project.id}`, { token: owner.token })).body;
    expect(external.backend).toBe("external");
    expect(external.cloneUrl).toMatch(new RegExp(`^${github.url}/labs/`));
    expect(lsRemote(external.cloneUrl, orgWorld.alice.token)).toEqual(before);
    const fullName = new URL(external.cloneUrl).pathname.replace(/^\//, "").replace(/\.git$/, "");
    const atHost = await (await fetch(`${github.url}/_emulator/inspect?repo=${encodeURIComponent(fullName)}`)).json();
    expect(atHost.permissions).toMatchObject({ alice: "push" });
    const audit = await api(`/api/v1/projects/${project.id}/audit?action=project.moved`, { token: owner.token });
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0].detail).toMatchObject({ from: { backend: "internal" }, to: { backend: "external" }, refs: before });

    // The commit the move held back goes to the new place with the owner's own account.
    gitOk(["push", "-q", external.cloneUrl, "feature/b"], { cwd: work, auth: { token: orgWorld.alice.token } });
    const withLate = lsRemote(external.cloneUrl, orgWorld.alice.token);
    expect(withLate["refs/heads/feature/b"]).toBe(gitOk(["rev-parse", "feature/b"], { cwd: work }).trim());

    // And back to Benchtop's git server, queued behind another project's move that waits for the host:
    // a queued move holds its project too, so the session's push through the git gateway is refused.
    expect((await outage("POST")).status).toBe(200);
    const ahead = await api(MIGRATE, { method: "POST", token: admin, body: { projectIds: [other.id] } });
    expect(ahead.status, ahead.text).toBe(202);
    await waitForBatch(ahead.body.jobId, (batch) => batch.moves[0].step === "waiting");
    const back = await api(MIGRATE, { method: "POST", token: admin, body: { projectIds: [project.id], target: "internal" } });
    expect(back.status, back.text).toBe(202);
    expect((await api(`${MIGRATE}/${back.body.jobId}`, { token: admin })).body.moves[0]).toMatchObject({ state: "queued", stepLabel: "Waiting to start" });
    const cookie = await signInBrowser(owner);
    commitFile(work, "session.txt", "kept in the session\n");
    const viaGateway = await gitAsync(["push", `${baseUrl()}/proxy/${host}${new URL(external.cloneUrl).pathname}`, "HEAD:refs/heads/from-session"], { cwd: work, cookie });
    expect(viaGateway.code).not.toBe(0);
    expect(viaGateway.stderr).toContain(`${project.name} is being moved to another git host by an administrator; pushes are paused for a moment.`);
    expect((await outage("DELETE")).status).toBeLessThan(300);
    expect(await waitForBatch(ahead.body.jobId, (batch) => batch.state !== "running")).toMatchObject({ state: "done" });
    const returned = await waitForBatch(back.body.jobId, (batch) => batch.state !== "running");
    expect(returned).toMatchObject({ state: "done", target: { type: "internal" } });
    const internal = (await api(`/api/v1/projects/${project.id}`, { token: owner.token })).body;
    expect(internal.backend).toBe("internal");
    expect(internal.cloneUrl).toBe(project.cloneUrl);
    expect(lsRemote(internal.cloneUrl, owner.token)).toEqual(withLate);
    expect(lsRemote(external.cloneUrl, orgWorld.alice.token)).toEqual(withLate);
    const clone = cloneInto(internal.cloneUrl, { token: editor.token }, ["--mirror"]);
    expect(Number(gitOk(["rev-list", "--count", "--all"], { cwd: clone }).trim())).toBe(52);
    const list = await api(MIGRATE, { token: admin });
    // The service account's token went to git in an HTTP header only: never into an answer or the server's log.
    expect(list.text).not.toContain(orgWorld.service.token);
    const serverLog = fs.readFileSync(path.join(process.cwd(), "test-results", "integration-server.log"), "utf8");
    expect(serverLog).not.toContain(orgWorld.service.token);
    expect(serverLog).not.toContain(Buffer.from(`x-access-token:${orgWorld.service.token}`).toString("base64"));
    expect(list.body.batches.map((batch: { id: string }) => batch.id).slice(0, 3)).toEqual([back.body.jobId, ahead.body.jobId, jobId]);
  });
});
