import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { adminToken, api, baseUrl, createProject, createUser, share, signInBrowser, type TestUser } from "./helpers/api";
import { cloneInto, commitFile, git, gitOk, tempDir } from "./helpers/git";

function rawGet(rawPath: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const bareRepo = (projectId: string) => path.join(inject("dataDir"), "repos", `${projectId}.git`);
const remoteHead = (projectId: string, ref = "refs/heads/main") => gitOk(["--git-dir", bareRepo(projectId), "rev-parse", ref]).trim();

async function waitForPushEvent(projectId: string, token: string, after: string) {
  for (let i = 0; i < 50; i++) {
    const res = await api(`/api/v1/projects/${projectId}/audit?action=git.push`, { token });
    const event = res.body.events.find((e: any) => e.detail.refs.some((r: any) => r.after === after));
    if (event) return event;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no git.push event for ${after}`);
}

describe("internal git server with the git command line", () => {
  let owner: TestUser;
  let project: Awaited<ReturnType<typeof createProject>>;

  beforeAll(async () => {
    owner = await createUser({ name: "Owner" });
    project = await createProject(owner, { description: "Forecasts for the north region" });
  });

  it("hands out a clone URL on the public origin and clones the first commit", () => {
    expect(project.cloneUrl).toBe(`${baseUrl()}/git/${owner.handle}/${project.name}.git`);
    const dir = cloneInto(project.cloneUrl, { token: owner.token });
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe(`# ${project.name}\n\nForecasts for the north region\n`);
    expect(gitOk(["rev-list", "--count", "HEAD"], { cwd: dir }).trim()).toBe("1");
    expect(gitOk(["branch", "--show-current"], { cwd: dir }).trim()).toBe("main");
  });

  it("accepts a push, keeps the repository sound and records the push", async () => {
    const dir = cloneInto(project.cloneUrl, { token: owner.token });
    const before = remoteHead(project.id);
    const sha = commitFile(dir, "src/model.py", "print('hello')\n");
    gitOk(["push", "origin", "main"], { cwd: dir, auth: { token: owner.token } });

    expect(remoteHead(project.id)).toBe(sha);
    gitOk(["--git-dir", bareRepo(project.id), "fsck", "--full", "--strict"]);

    const again = cloneInto(project.cloneUrl, { token: owner.token });
    expect(fs.readFileSync(path.join(again, "src/model.py"), "utf8")).toBe("print('hello')\n");
    gitOk(["fsck", "--full"], { cwd: again });

    const event = await waitForPushEvent(project.id, owner.token, sha);
    expect(event.actor.email).toBe(owner.email);
    expect(event.detail.refs).toEqual([{ ref: "refs/heads/main", change: "updated", before, after: sha, commits: 1 }]);
    const view = await api(`/api/v1/projects/${project.id}`, { token: owner.token });
    expect(view.body.lastPushAt).not.toBeNull();
  });

  it("records new and deleted branches in the push event", async () => {
    const dir = cloneInto(project.cloneUrl, { token: owner.token });
    gitOk(["checkout", "-q", "-b", "feature/x"], { cwd: dir });
    const sha = commitFile(dir, "x.txt", "x\n");
    gitOk(["push", "origin", "feature/x"], { cwd: dir, auth: { token: owner.token } });
    const created = await waitForPushEvent(project.id, owner.token, sha);
    expect(created.detail.refs).toEqual([{ ref: "refs/heads/feature/x", change: "created", before: null, after: sha, commits: 1 }]);
    gitOk(["push", "origin", "--delete", "feature/x"], { cwd: dir, auth: { token: owner.token } });
    expect(git(["--git-dir", bareRepo(project.id), "rev-parse", "--verify", "-q", "refs/heads/feature/x"]).status).not.toBe(0);
    await expect
      .poll(async () => (await api(`/api/v1/projects/${project.id}/audit?action=git.push`, { token: owner.token })).body.events[0].detail.refs)
      .toEqual([{ ref: "refs/heads/feature/x", change: "deleted", before: sha, after: null }]);
  });

  it("lets a viewer clone but refuses their push, leaving the branch where it was", async () => {
    const viewer = await createUser();
    await share(project, owner, viewer, "viewer");
    const dir = cloneInto(project.cloneUrl, { token: viewer.token });
    const before = remoteHead(project.id);
    commitFile(dir, "viewer.txt", "should not land\n");
    const push = git(["push", "origin", "main"], { cwd: dir, auth: { token: viewer.token } });
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/403/);
    expect(remoteHead(project.id)).toBe(before);
  });

  it("lets an editor push", async () => {
    const editor = await createUser();
    await share(project, owner, editor, "editor");
    const dir = cloneInto(project.cloneUrl, { token: editor.token });
    const sha = commitFile(dir, "editor.txt", "from the editor\n");
    gitOk(["push", "origin", "main"], { cwd: dir, auth: { token: editor.token } });
    expect(remoteHead(project.id)).toBe(sha);
    const event = await waitForPushEvent(project.id, owner.token, sha);
    expect(event.actor.email).toBe(editor.email);
  });

  it("answers a stranger as if the repository did not exist", async () => {
    const stranger = await createUser();
    const clone = git(["clone", project.cloneUrl, path.join(tempDir(), "s")], { auth: { token: stranger.token } });
    expect(clone.status).not.toBe(0);
    expect(clone.stderr).toMatch(/not found|404/i);
    const res = await fetch(`${project.cloneUrl}/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${stranger.token}`).toString("base64")}` },
    });
    expect(res.status).toBe(404);
  });

  it("challenges a request without credentials so that git asks for them", async () => {
    const res = await fetch(`${project.cloneUrl}/info/refs?service=git-upload-pack`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic /);
    const clone = git(["clone", project.cloneUrl, path.join(tempDir(), "anon")]);
    expect(clone.status).not.toBe(0);
    expect(clone.stderr).toMatch(/could not read Username|Authentication failed|terminal prompts disabled/);
  });

  it("refuses a revoked token at once", async () => {
    const user = await createUser();
    await share(project, owner, user, "editor");
    const listed = await api("/api/v1/tokens", { token: user.token });
    const id = listed.body.tokens[0].id;
    cloneInto(project.cloneUrl, { token: user.token });
    expect((await api(`/api/v1/tokens/${id}`, { method: "DELETE", token: user.token })).status).toBe(204);
    const clone = git(["clone", project.cloneUrl, path.join(tempDir(), "revoked")], { auth: { token: user.token } });
    expect(clone.status).not.toBe(0);
    // git got a 401 for the revoked token and, not allowed to prompt, gave up.
    expect(clone.stderr).toMatch(/could not read Username|Authentication failed/);
    const res = await fetch(`${project.cloneUrl}/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${user.token}`).toString("base64")}` },
    });
    expect(res.status).toBe(401);
  });

  it("serves a browser session by its cookie", async () => {
    const cookie = await signInBrowser(owner);
    const dir = cloneInto(project.cloneUrl, { cookie });
    expect(fs.existsSync(path.join(dir, "README.md"))).toBe(true);
    const sha = commitFile(dir, "from-browser.txt", "cookie push\n");
    gitOk(["push", "origin", "main"], { cwd: dir, auth: { cookie } });
    expect(remoteHead(project.id)).toBe(sha);
  });

  it("refuses a disabled user everywhere, including an already open browser session", async () => {
    const user = await createUser();
    await share(project, owner, user, "editor");
    const cookie = await signInBrowser(user);
    cloneInto(project.cloneUrl, { cookie });
    cloneInto(project.cloneUrl, { token: user.token });
    expect((await api("/api/v1/me", { cookie })).status).toBe(200);

    const disabled = await api(`/api/v1/users/${user.id}`, { method: "PATCH", token: await adminToken(), body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);

    expect(git(["clone", project.cloneUrl, path.join(tempDir(), "d1")], { auth: { token: user.token } }).status).not.toBe(0);
    expect(git(["clone", project.cloneUrl, path.join(tempDir(), "d2")], { auth: { cookie } }).status).not.toBe(0);
    expect((await api("/api/v1/me", { cookie })).status).toBe(401);
    expect((await api("/api/v1/me", { token: user.token })).status).toBe(401);
    const page = await fetch(`${baseUrl()}/projects`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login/);
    const signIn = await api("/api/v1/tokens", { method: "POST", body: { email: user.email, password: user.password, name: "again" } });
    expect(signIn.status).toBe(403);
  });

  it("refuses dumb-protocol paths, traversal and wrong content types without serving files", async () => {
    const auth = { authorization: `Basic ${Buffer.from(`x:${owner.token}`).toString("base64")}` };
    const base = `${baseUrl()}/git/${owner.handle}/${project.name}.git`;
    for (const suffix of ["/HEAD", "/config", "/objects/info/packs", "/info/refs", "/info/refs?service=git-upload-archive"]) {
      const res = await fetch(base + suffix, { headers: auth });
      expect(res.status, suffix).toBe(404);
      expect(await res.text()).not.toMatch(/\[core\]/);
    }
    // Sent byte for byte (fetch would normalise the dots away).
    for (const raw of [`/git/${owner.handle}/${project.name}.git/../../../etc/passwd`, `/git/${owner.handle}/..%2f..%2f${project.id}.git/info/refs?service=git-upload-pack`, `/git/${owner.handle}/${project.name}.git/info/refs/../../config`]) {
      const res = await rawGet(raw, auth);
      expect(res.status, raw).not.toBe(200);
      expect(res.body).not.toMatch(/root:|\[core\]|# pack-refs/);
    }
    const wrongType = await fetch(`${base}/git-upload-pack`, { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: "0000" });
    expect(wrongType.status).toBe(404);
  });

  it("rejects a push of a malformed object (receive.fsckObjects)", async () => {
    const dir = cloneInto(project.cloneUrl, { token: owner.token });
    const tree = gitOk(["rev-parse", "HEAD^{tree}"], { cwd: dir }).trim();
    const parent = gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();
    const bad = `tree ${tree}\nparent ${parent}\nauthor No Email 1700000000 +0000\ncommitter No Email 1700000000 +0000\n\nbroken\n`;
    const sha = gitOk(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], { cwd: dir, input: bad }).trim();
    const before = remoteHead(project.id);
    const push = git(["push", "origin", `${sha}:refs/heads/main`], { cwd: dir, auth: { token: owner.token } });
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/fsck|unpacker error|index-pack/i);
    expect(remoteHead(project.id)).toBe(before);
  });

  // What the old URL does after a rename is in rename-old-url.test.ts.
  it("follows a rename: the new URL works", async () => {
    const own = await createProject(owner);
    const renamed = await api(`/api/v1/projects/${own.id}`, { method: "PATCH", token: owner.token, body: { name: `${own.name}-renamed` } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.cloneUrl).toBe(`${baseUrl()}/git/${owner.handle}/${own.name}-renamed.git`);
    cloneInto(renamed.body.cloneUrl, { token: owner.token });
  });
});
