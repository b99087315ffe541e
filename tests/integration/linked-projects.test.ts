// Projects linked to a registered repository (`"link": true`, backend
// "remote"): created against the GitHub emulator, their clone URL and branches
// are the remote's, and their members reach the remote through the git gateway
// with their own connection (editors push, viewers only read, strangers see
// nothing), while the owner's stored token never serves anyone else. Also the
// host's refusals in words: a protected branch, a renamed repository.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../e2e/hosts/github/emulator-process";
import { adminToken, api, baseUrl, createUser, share, signInBrowser, unique, type TestUser } from "./helpers/api";
import { gatewayUrl, gitAsync, startCountingRelay } from "./helpers/gateway";
import { gitOk, tempDir } from "./helpers/git";

type Member = TestUser & { cookie: string };
let emulator: GitHubEmulatorProcess;
let relay: Awaited<ReturnType<typeof startCountingRelay>>;
let owner: Member;
let editor: Member;
let viewer: Member;
let stranger: Member;
let repositoryId: string;
let project: { id: string; name: string; backend: string; cloneUrl: string; defaultBranch: string; owner: { handle: string } };

const member = async (): Promise<Member> => {
  const user = await createUser();
  return { ...user, cookie: await signInBrowser(user) };
};
const remoteUrl = () => `${relay.url}/acme/models.git`;

beforeAll(async () => {
  emulator = await startGitHubEmulatorProcess();
  relay = await startCountingRelay({ host: "127.0.0.1", port: Number(new URL(emulator.url).port) });
  [owner, editor, viewer, stranger] = await Promise.all([member(), member(), member(), member()]);
  const registered = await api("/api/v1/repositories", {
    method: "POST",
    token: owner.token,
    body: { provider: "github-enterprise", name: unique("models-"), location: `${relay.url}/acme/models`, token: emulator.world.tokens.admin },
  });
  expect(registered.status, registered.text).toBe(201);
  repositoryId = registered.body.id;
  const created = await api("/api/v1/projects", { method: "POST", token: owner.token, body: { name: unique("linked-"), repositoryId, link: true } });
  expect(created.status, created.text).toBe(201);
  project = created.body;
  await share(project, owner, editor, "editor");
  await share(project, owner, viewer, "viewer");
  // The editor acts at GitHub as themselves: octocat's public_repo token, which may push to the public acme/models.
  const connected = await api("/api/v1/me/connections", { method: "POST", token: editor.token, body: { provider: "github-enterprise", host: new URL(relay.url).host, token: emulator.world.tokens.publicOnly } });
  expect(connected.status, connected.text).toBe(201);
}, 120_000);

afterAll(async () => {
  await relay?.stop();
  await emulator?.stop();
});

describe("a linked project", () => {
  it("is backed by the remote: its clone URL and branches are the remote's, and the internal git server points there", async () => {
    expect(project).toMatchObject({ backend: "remote", cloneUrl: remoteUrl(), defaultBranch: "main" });
    const branches = await api(`/api/v1/projects/${project.id}/branches`, { token: editor.token });
    expect(branches.status, branches.text).toBe(200);
    expect(branches.body.branches.map((b: { name: string }) => b.name)).toEqual(expect.arrayContaining(["main", "feature", "protected"]));
    const remoteMain = gitOk(["ls-remote", `${emulator.url}/acme/models.git`, "refs/heads/main"]).split("\t")[0];
    expect(branches.body.branches.find((b: { name: string }) => b.name === "main").commit).toBe(remoteMain);

    const internal = await fetch(`${baseUrl()}/git/${project.owner.handle}/${project.name}.git/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${owner.token}`).toString("base64")}` },
    });
    expect(internal.status).toBe(404);
    expect(await internal.text()).toContain(`Clone ${remoteUrl()} instead`);
  });

  it("needs a registered repository to link to", async () => {
    const res = await api("/api/v1/projects", { method: "POST", token: owner.token, body: { name: unique("nolink-"), link: true } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.link).toMatch(/repositoryId/);
  });

  it("lets an editor push through the gateway with their own connection, audited on the project", { timeout: 120_000 }, async () => {
    const dir = path.join(tempDir(), "work");
    expect((await gitAsync(["clone", gatewayUrl(baseUrl(), remoteUrl()), dir], { cookie: editor.cookie })).code).toBe(0);
    fs.writeFileSync(path.join(dir, "from-editor.txt"), `linked ${Date.now()}\n`);
    gitOk(["add", "from-editor.txt"], { cwd: dir });
    gitOk(["commit", "-q", "-m", "Editor's change"], { cwd: dir });
    const local = gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, cookie: editor.cookie });
    expect(push.code, push.stderr).toBe(0);

    const check = path.join(tempDir(), "check");
    gitOk(["clone", "-q", `${emulator.url}/acme/models.git`, check], { auth: { token: emulator.world.tokens.admin } });
    expect(gitOk(["rev-parse", "HEAD"], { cwd: check }).trim()).toBe(local);
    expect(fs.readFileSync(path.join(check, "from-editor.txt"), "utf8")).toMatch(/^linked /);

    const audit = await api(`/api/v1/projects/${project.id}/audit?action=git.push`, { token: owner.token });
    expect(audit.body.events[0]).toMatchObject({ action: "git.push", actor: { email: editor.email }, detail: { repositoryId, refs: [expect.objectContaining({ ref: "refs/heads/main", after: local })] } });
    const after = await api(`/api/v1/projects/${project.id}`, { token: owner.token });
    expect(after.body.lastPushAt).not.toBeNull();
  });

  it("lets a viewer clone but refuses the push before contacting the host", { timeout: 120_000 }, async () => {
    const dir = path.join(tempDir(), "work");
    expect((await gitAsync(["clone", gatewayUrl(baseUrl(), remoteUrl()), dir], { cookie: viewer.cookie })).code).toBe(0);
    fs.writeFileSync(path.join(dir, "from-viewer.txt"), "no\n");
    gitOk(["add", "from-viewer.txt"], { cwd: dir });
    gitOk(["commit", "-q", "-m", "Viewer's change"], { cwd: dir });
    const before = relay.connections();
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, cookie: viewer.cookie });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/403/);
    expect(relay.connections()).toBe(before);
    const refusal = await fetch(`${gatewayUrl(baseUrl(), remoteUrl())}/info/refs?service=git-receive-pack`, { headers: { cookie: viewer.cookie } });
    expect(refusal.status).toBe(403);
    expect(await refusal.text()).toMatch(/view this project but not push/);
  });

  it("never lends the owner's stored token to a member without a connection", async () => {
    // A private repository: only a credential could read it, and the viewer has none of their own.
    const secret = await api("/api/v1/repositories", {
      method: "POST",
      token: owner.token,
      body: { provider: "github-enterprise", name: unique("secret-"), location: `${relay.url}/acme/secret`, token: emulator.world.tokens.admin },
    });
    const linked = await api("/api/v1/projects", { method: "POST", token: owner.token, body: { name: unique("secret-"), repositoryId: secret.body.id, link: true } });
    expect(linked.status, linked.text).toBe(201);
    await share(linked.body, owner, viewer, "viewer");
    const url = `${gatewayUrl(baseUrl(), `${relay.url}/acme/secret.git`)}/info/refs?service=git-upload-pack`;
    const asViewer = await fetch(url, { headers: { cookie: viewer.cookie } });
    expect(asViewer.status).toBe(401);
    expect(await asViewer.text()).toMatch(/asks for a credential/);
    const asOwner = await fetch(url, { headers: { cookie: owner.cookie } });
    expect(asOwner.status).toBe(200);
  });

  it("copies into a member's own project with their own connection, and tells a member without one to connect first", { timeout: 120_000 }, async () => {
    const refused = await api(`/api/v1/projects/${project.id}/copy`, { method: "POST", token: viewer.token, body: { name: unique("viewer-copy-") } });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.error.code).toBe("connection_required");
    expect(refused.body.error.message).toContain(new URL(relay.url).host);

    const copied = await api(`/api/v1/projects/${project.id}/copy`, { method: "POST", token: editor.token, body: { name: unique("editor-copy-") } });
    expect(copied.status, copied.text).toBe(201);
    expect(copied.body).toMatchObject({ backend: "internal", role: "owner", owner: { id: editor.id } });
    const refs = (text: string) =>
      text
        .trim()
        .split("\n")
        .filter((line) => /\trefs\/(heads|tags)\//.test(line) && !line.endsWith("^{}"))
        .sort();
    expect(refs(gitOk(["ls-remote", copied.body.cloneUrl], { auth: { token: editor.token } }))).toEqual(refs(gitOk(["ls-remote", `${emulator.url}/acme/models.git`])));
  });

  it("is invisible to strangers", async () => {
    const res = await fetch(`${gatewayUrl(baseUrl(), remoteUrl())}/info/refs?service=git-upload-pack`, { headers: { cookie: stranger.cookie } });
    expect(res.status).toBe(404);
    expect((await api(`/api/v1/projects/${project.id}`, { token: stranger.token })).status).toBe(404);
  });

  it("keeps its repository registered until the project is deleted", async () => {
    const refused = await api(`/api/v1/repositories/${repositoryId}`, { method: "DELETE", token: owner.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(project.name);
  });
});

describe("the host's refusals, in words", () => {
  it("says a protected branch refused the push, with GitHub's own reason", { timeout: 120_000 }, async () => {
    const dir = path.join(tempDir(), "work");
    expect((await gitAsync(["clone", "-b", "protected", gatewayUrl(baseUrl(), remoteUrl()), dir], { cookie: owner.cookie })).code).toBe(0);
    fs.writeFileSync(path.join(dir, "protected.txt"), "no\n");
    gitOk(["add", "protected.txt"], { cwd: dir });
    gitOk(["commit", "-q", "-m", "To a protected branch"], { cwd: dir });
    const push = await gitAsync(["push", "origin", "HEAD:protected"], { cwd: dir, cookie: owner.cookie });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain("GH006: Protected branch update failed for refs/heads/protected.");
    expect(push.stderr).toMatch(/pre-receive hook declined/);
    // The host's report said "ng": the audit trail does not claim the branch moved.
    await new Promise((r) => setTimeout(r, 500));
    const audit = await api(`/api/v1/projects/${project.id}/audit?action=git.push`, { token: owner.token });
    expect(audit.body.events.flatMap((e: { detail: { refs: { ref: string }[] } }) => e.detail.refs.map((r) => r.ref))).not.toContain("refs/heads/protected");
  });

  it("says a renamed or deleted repository is not at its address any more", async () => {
    const renamed = await api("/api/v1/repositories", {
      method: "POST",
      token: owner.token,
      body: { provider: "github-enterprise", name: unique("old-"), location: `${relay.url}/acme/old-models`, token: emulator.world.tokens.admin },
    });
    expect(renamed.status, renamed.text).toBe(201);
    const res = await fetch(`${gatewayUrl(baseUrl(), `${relay.url}/acme/old-models.git`)}/info/refs?service=git-upload-pack`, { headers: { cookie: owner.cookie } });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/deleted or renamed.*Check the location on the Repositories page/);
  });

  it("tells a fine-grained token without Contents: write what it lacks", async () => {
    // reader's fine-grained token may read acme/models (Contents: read) but not write.
    const reader = await member();
    const repo = await api("/api/v1/repositories", {
      method: "POST",
      token: reader.token,
      body: { provider: "github-enterprise", name: unique("ro-"), location: `${relay.url}/acme/models`, token: emulator.world.tokens.readOnly },
    });
    expect(repo.status, repo.text).toBe(201);
    const res = await fetch(`${gatewayUrl(baseUrl(), remoteUrl())}/info/refs?service=git-receive-pack`, { headers: { cookie: reader.cookie } });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/"Contents: Read and write"/);
  });
});

it("is what an admin audit shows for pushes too", async () => {
  const audit = await api(`/api/v1/admin/audit?action=git.push&actor=${encodeURIComponent(editor.email)}`, { token: await adminToken() });
  expect(audit.status).toBe(200);
  expect(JSON.stringify(audit.body)).not.toContain(emulator.world.tokens.publicOnly);
  expect(JSON.stringify(audit.body)).not.toContain(emulator.world.tokens.admin);
});
