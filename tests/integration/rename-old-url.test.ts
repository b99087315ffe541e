import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, baseUrl, createProject, createUser, share, type TestUser } from "./helpers/api";
import { cloneInto, commitFile, git, gitOk, tempDir } from "./helpers/git";

// After a rename or a change of owner, a project on Benchtop's git server keeps
// answering git at its old clone URL for 30 days: git is redirected on its first
// request, says so, and goes on at the new URL. Driven with the real git client.

const bareRepo = (projectId: string) => path.join(inject("dataDir"), "repos", `${projectId}.git`);
const headOf = (projectId: string) => gitOk(["--git-dir", bareRepo(projectId), "rev-parse", "refs/heads/main"]).trim();
const urlOf = (handle: string, name: string) => `${baseUrl()}/git/${handle}/${name}.git`;
const pathOf = (url: string) => new URL(url).pathname;

type Created = Awaited<ReturnType<typeof createProject>>;

async function rename(project: { id: string }, owner: TestUser, name: string) {
  const res = await api(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { name } });
  expect(res.status, res.text).toBe(200);
  return res.body as { cloneUrl: string; name: string };
}

/** git's first request of a clone or fetch, as raw HTTP (no redirect followed). */
const advertise = (url: string, token?: string) => api(`${pathOf(url)}/info/refs?service=git-upload-pack`, { token });

function cloneWithStderr(url: string, token: string) {
  const dir = path.join(tempDir(), "work");
  const result = git(["clone", url, dir], { auth: { token } });
  return { ...result, dir };
}

/** Sets when the project's old paths stop working, straight in the app's database (a clock 30 days on). */
async function expireOldPaths(projectId: string) {
  process.env.DATA_DIR = inject("dataDir");
  const [{ getDb }, { projectOldPaths }, { eq }] = await Promise.all([import("../../lib/db/client"), import("../../lib/db/schema"), import("drizzle-orm")]);
  const changed = getDb().update(projectOldPaths).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(projectOldPaths.projectId, projectId)).run().changes;
  expect(changed).toBeGreaterThan(0);
}

async function oldPathsOf(projectId: string) {
  process.env.DATA_DIR = inject("dataDir");
  const [{ getDb }, { projectOldPaths }, { eq }] = await Promise.all([import("../../lib/db/client"), import("../../lib/db/schema"), import("drizzle-orm")]);
  return getDb().select().from(projectOldPaths).where(eq(projectOldPaths.projectId, projectId)).all();
}

describe("the old clone URL after a rename or a change of owner", () => {
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    owner = await createUser({ name: "Renaming Owner" });
    stranger = await createUser({ name: "Stranger" });
  });

  describe("after a rename", () => {
    let project: Created;
    let newUrl: string;
    let oldClone: string;

    beforeAll(async () => {
      project = await createProject(owner, { description: "Churn model" });
      newUrl = (await rename(project, owner, `${project.name}-v2`)).cloneUrl;
      expect(newUrl).toBe(urlOf(owner.handle, `${project.name}-v2`));
    });

    it("redirects git's first request to the same request at the new path", async () => {
      const res = await advertise(project.cloneUrl, owner.token);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`${pathOf(newUrl)}/info/refs?service=git-upload-pack`);
      // Without credentials the old path is challenged like any other, before anything is looked up.
      expect((await advertise(project.cloneUrl)).status).toBe(401);
    });

    it("clones through the old URL: git names the new URL and the files are there", () => {
      const clone = cloneWithStderr(project.cloneUrl, owner.token);
      expect(clone.status, clone.stderr).toBe(0);
      expect(clone.stderr).toContain(`warning: redirecting to ${newUrl}/`);
      expect(fs.readFileSync(path.join(clone.dir, "README.md"), "utf8")).toBe(`# ${project.name}\n\nChurn model\n`);
      // git keeps the URL it was given; the warning is what tells the person to update it.
      expect(gitOk(["remote", "get-url", "origin"], { cwd: clone.dir }).trim()).toBe(project.cloneUrl);
      oldClone = clone.dir;
    });

    it("pushes through the old URL into the repository at the new path", async () => {
      const sha = commitFile(oldClone, "src/train.py", "print('train')\n");
      const push = git(["push", "origin", "main"], { cwd: oldClone, auth: { token: owner.token } });
      expect(push.status, push.stderr).toBe(0);
      expect(push.stderr).toContain(`redirecting to ${newUrl}/`);
      expect(headOf(project.id)).toBe(sha);
      expect(gitOk(["ls-remote", newUrl, "refs/heads/main"], { auth: { token: owner.token } })).toContain(sha);
      // The push is the project's, in its audit trail.
      let pushed = false;
      for (let i = 0; i < 50 && !pushed; i++) {
        const audit = await api(`/api/v1/projects/${project.id}/audit?action=git.push`, { token: owner.token });
        pushed = audit.body.events.some((e: any) => e.detail.refs.some((r: any) => r.after === sha));
        if (!pushed) await new Promise((r) => setTimeout(r, 100));
      }
      expect(pushed).toBe(true);
    });

    it("fetches through the old URL what was pushed to the new one", () => {
      const elsewhere = cloneInto(newUrl, { token: owner.token });
      const sha = commitFile(elsewhere, "notes.md", "from the new URL\n");
      gitOk(["push", "origin", "main"], { cwd: elsewhere, auth: { token: owner.token } });
      const fetch = git(["fetch", "origin"], { cwd: oldClone, auth: { token: owner.token } });
      expect(fetch.status, fetch.stderr).toBe(0);
      expect(fetch.stderr).toContain(`redirecting to ${newUrl}/`);
      expect(gitOk(["rev-parse", "origin/main"], { cwd: oldClone }).trim()).toBe(sha);
    });

    it("works with credentials from a credential helper, and git shows the new URL from the server", () => {
      // git asks the helper only after a 401, and follows no redirect after that: it goes on at the old
      // path, which serves the project and puts the new URL beside the pack and the push report.
      const store = path.join(tempDir(), "credentials");
      const origin = new URL(baseUrl());
      fs.writeFileSync(store, `${origin.protocol}//git:${owner.token}@${origin.host}\n`);
      const helper = ["-c", `credential.helper=store --file=${store}`];
      const told = `remote: ${project.name}-v2 has moved: its clone URL is now ${newUrl}`;
      const dir = path.join(tempDir(), "helper");
      const clone = git([...helper, "clone", project.cloneUrl, dir]);
      expect(clone.status, clone.stderr).toBe(0);
      expect(clone.stderr).toContain(told);
      expect(clone.stderr).toContain(`remote:   git remote set-url origin ${newUrl}`);
      expect(fs.readFileSync(path.join(dir, "src/train.py"), "utf8")).toBe("print('train')\n");
      const sha = commitFile(dir, "helper.txt", "stored credentials\n");
      const push = git([...helper, "push", "origin", "main"], { cwd: dir });
      expect(push.status, push.stderr).toBe(0);
      expect(push.stderr).toContain(told);
      expect(headOf(project.id)).toBe(sha);
      const fetch = git([...helper, "fetch", "origin"], { cwd: dir });
      expect(fetch.status, fetch.stderr).toBe(0);
    });

    it("serves git's later requests on the old path as the project, for clients that do not follow redirects", async () => {
      // Protocol v2's ls-refs, posted straight to the old path.
      const body = Buffer.from("0014command=ls-refs\n0000");
      const headers = { "content-type": "application/x-git-upload-pack-request", "git-protocol": "version=2" };
      const res = await api(`${pathOf(project.cloneUrl)}/git-upload-pack`, { method: "POST", token: owner.token, rawBody: body, headers });
      expect(res.status, res.text).toBe(200);
      expect(res.text).toContain(`${headOf(project.id)} refs/heads/main`);
      const refused = await api(`${pathOf(project.cloneUrl)}/git-upload-pack`, { method: "POST", token: stranger.token, rawBody: body, headers });
      expect(refused.status).toBe(404);
    });

    it("answers a stranger on the old path of a private project exactly as on a path that never existed", async () => {
      const unknownUrl = urlOf(owner.handle, `never-${project.name}`);
      const [old, unknown] = await Promise.all([advertise(project.cloneUrl, stranger.token), advertise(unknownUrl, stranger.token)]);
      expect(old.status).toBe(404);
      expect(old.headers.get("location")).toBeNull();
      expect(old.text).toBe(unknown.text);
      expect(old.text).not.toContain(`${project.name}-v2`);
      const clone = git(["clone", project.cloneUrl, path.join(tempDir(), "s")], { auth: { token: stranger.token } });
      expect(clone.status).not.toBe(0);
      expect(clone.stderr).not.toContain("redirecting");
      expect(clone.stderr).not.toContain(`${project.name}-v2`);
      expect(clone.stderr).toContain("not found");
    });
  });

  it("a rename twice: both old URLs reach the current one", async () => {
    const project = await createProject(owner);
    const middle = await rename(project, owner, `${project.name}-b`);
    const current = await rename(project, owner, `${project.name}-c`);
    for (const url of [project.cloneUrl, middle.cloneUrl]) {
      const res = await advertise(url, owner.token);
      expect(res.headers.get("location")).toBe(`${pathOf(current.cloneUrl)}/info/refs?service=git-upload-pack`);
      const clone = cloneWithStderr(url, owner.token);
      expect(clone.status, clone.stderr).toBe(0);
      expect(clone.stderr).toContain(`redirecting to ${current.cloneUrl}/`);
      expect(fs.existsSync(path.join(clone.dir, "README.md"))).toBe(true);
    }
    // Renaming back takes the first path again: no redirect there any more, and the middle one leads to it.
    const back = await rename(project, owner, project.name);
    expect((await advertise(project.cloneUrl, owner.token)).status).toBe(200);
    expect((await advertise(middle.cloneUrl, owner.token)).headers.get("location")).toBe(`${pathOf(back.cloneUrl)}/info/refs?service=git-upload-pack`);
  });

  it("after a change of owner, the old owner's URL works too", async () => {
    const next = await createUser({ name: "Next Owner" });
    const project = await createProject(owner, { description: "Handed over" });
    await share(project, owner, next, "editor");
    const handed = await api(`/api/v1/projects/${project.id}/transfer`, { method: "POST", token: owner.token, body: { userId: next.id } });
    expect(handed.status, handed.text).toBe(200);
    expect(handed.body.cloneUrl).toBe(urlOf(next.handle, project.name));
    for (const member of [next, owner]) {
      const clone = cloneWithStderr(project.cloneUrl, member.token);
      expect(clone.status, clone.stderr).toBe(0);
      expect(clone.stderr).toContain(`redirecting to ${handed.body.cloneUrl}/`);
      expect(fs.readFileSync(path.join(clone.dir, "README.md"), "utf8")).toBe(`# ${project.name}\n\nHanded over\n`);
    }
    expect((await advertise(project.cloneUrl, stranger.token)).status).toBe(404);
  });

  it("after 30 days the old URL is unknown", async () => {
    const project = await createProject(owner);
    await rename(project, owner, `${project.name}-later`);
    expect((await advertise(project.cloneUrl, owner.token)).status).toBe(302);
    await expireOldPaths(project.id);
    const res = await advertise(project.cloneUrl, owner.token);
    expect(res.status).toBe(404);
    expect(res.headers.get("location")).toBeNull();
    const clone = git(["clone", project.cloneUrl, path.join(tempDir(), "late")], { auth: { token: owner.token } });
    expect(clone.status).not.toBe(0);
    expect(clone.stderr).toContain("not found");
  });

  it("a new project with the old name takes the path back", async () => {
    const first = await createProject(owner, { description: "The first one" });
    const moved = await rename(first, owner, `${first.name}-archive`);
    const second = await createProject(owner, { name: first.name, description: "The second one" });
    expect(second.cloneUrl).toBe(first.cloneUrl);
    const clone = cloneWithStderr(first.cloneUrl, owner.token);
    expect(clone.status, clone.stderr).toBe(0);
    expect(clone.stderr).not.toContain("redirecting");
    expect(fs.readFileSync(path.join(clone.dir, "README.md"), "utf8")).toBe(`# ${first.name}\n\nThe second one\n`);
    // The first project's old entry is gone for good: when the second moves away, the path leads to the second.
    expect(await oldPathsOf(first.id)).toEqual([]);
    const secondMoved = await rename(second, owner, `${first.name}-new`);
    expect((await advertise(first.cloneUrl, owner.token)).headers.get("location")).toBe(`${pathOf(secondMoved.cloneUrl)}/info/refs?service=git-upload-pack`);
    expect(moved.cloneUrl).not.toBe(secondMoved.cloneUrl);
  });

  it("deleting the project removes its old paths", async () => {
    const project = await createProject(owner);
    await rename(project, owner, `${project.name}-gone`);
    expect(await oldPathsOf(project.id)).toHaveLength(1);
    expect((await api(`/api/v1/projects/${project.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect(await oldPathsOf(project.id)).toEqual([]);
    expect((await advertise(project.cloneUrl, owner.token)).status).toBe(404);
  });
});
