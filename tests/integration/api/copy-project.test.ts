// POST /api/v1/projects/{id}/copy: a member (a viewer too) makes a project of
// their own from one they can read, with its whole history, checked with the
// real git command line; strangers see nothing; the copy and its failures are
// audited, and a failure leaves no project behind.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createProject, createUser, share, unique, type TestUser } from "../helpers/api";
import { cloneInto, commitFile, gitOk } from "../helpers/git";
import { bareRepo, call, expectError } from "./helpers";

type Project = Awaited<ReturnType<typeof createProject>>;

/** Every branch and tag with the object it names, and every commit reachable from them. */
const historyOf = (projectId: string) => ({
  refs: gitOk(["--git-dir", bareRepo(projectId), "for-each-ref", "--format=%(objectname) %(objecttype) %(refname)"]),
  commits: gitOk(["--git-dir", bareRepo(projectId), "log", "--all", "--format=%H %P %an <%ae> %s"]),
  head: gitOk(["--git-dir", bareRepo(projectId), "symbolic-ref", "HEAD"]).trim(),
});

const projectNames = async (user: TestUser) => ((await call("/api/v1/projects?perPage=100", { token: user.token })).body.projects as { name: string }[]).map((p) => p.name);

describe("copying a project", () => {
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let source: Project;

  beforeAll(async () => {
    [owner, viewer, stranger] = await Promise.all([createUser({ name: "Owner" }), createUser({ name: "Viewer" }), createUser({ name: "Stranger" })]);
    source = await createProject(owner, { description: "Forecasts of the week" });
    await share(source, owner, viewer, "viewer");
    // History worth copying: two branches, a lightweight and an annotated tag.
    const work = cloneInto(source.cloneUrl, { token: owner.token });
    commitFile(work, "model.py", "def predict(x):\n    return x\n", "Add the model");
    gitOk(["tag", "v1"], { cwd: work });
    gitOk(["checkout", "-q", "-b", "experiment"], { cwd: work });
    commitFile(work, "notes/idea.md", "try a bigger window\n", "An idea");
    gitOk(["tag", "-a", "exp-1", "-m", "First experiment"], { cwd: work });
    gitOk(["push", "-q", "origin", "main", "experiment", "--tags"], { cwd: work, auth: { token: owner.token } });
  }, 60_000);

  it("gives a viewer a project of their own with exactly the source's history", async () => {
    const before = historyOf(source.id);
    const name = unique("mine-");
    const res = await call(`/api/v1/projects/${source.id}/copy`, { method: "POST", token: viewer.token, body: { name } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ name, description: "Forecasts of the week", role: "owner", backend: "internal", defaultBranch: "main", defaultEditor: "notebook", owner: { id: viewer.id, handle: viewer.handle } });
    const copy = res.body as Project & { id: string };

    expect(historyOf(copy.id)).toEqual(before);
    // The real git client sees the same history through the copy's clone URL.
    const clone = cloneInto(copy.cloneUrl, { token: viewer.token });
    const commits = (text: string) => text.trim().split("\n").sort();
    expect(commits(gitOk(["log", "--all", "--format=%H %s"], { cwd: clone }))).toEqual(commits(gitOk(["--git-dir", bareRepo(source.id), "log", "--all", "--format=%H %s"])));
    expect(commits(gitOk(["ls-remote", "--heads", "--tags", "origin"], { cwd: clone, auth: { token: viewer.token } })).filter((line) => !line.endsWith("^{}"))).toEqual(commits(gitOk(["--git-dir", bareRepo(source.id), "for-each-ref", "--format=%(objectname)\t%(refname)"])));
    gitOk(["fsck", "--strict"], { cwd: clone });

    // The copy is the viewer's to change; the source stays as it was.
    commitFile(clone, "model.py", "def predict(x):\n    return 2 * x\n", "The viewer's own change");
    gitOk(["push", "-q", "origin", "main"], { cwd: clone, auth: { token: viewer.token } });
    expect(historyOf(source.id)).toEqual(before);
    expect((await call(`/api/v1/projects/${copy.id}`, { token: owner.token })).status).toBe(404);
  });

  it("records project.copied on the source and where the copy came from on the copy", async () => {
    const name = unique("audited-");
    const res = await call(`/api/v1/projects/${source.id}/copy`, { method: "POST", token: viewer.token, body: { name, description: "my take" } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.description).toBe("my take");

    const copied = (await call(`/api/v1/projects/${source.id}/audit?action=project.copied`, { token: owner.token })).body.events;
    expect(copied[0]).toMatchObject({ action: "project.copied", actor: { id: viewer.id, email: viewer.email }, detail: { projectId: res.body.id, name, owner: viewer.handle } });
    const created = (await call(`/api/v1/projects/${res.body.id}/audit?action=project.created`, { token: viewer.token })).body.events;
    expect(created).toHaveLength(1);
    expect(created[0].detail).toMatchObject({ name, backend: "internal", copiedFrom: { projectId: source.id, name: source.name } });
  });

  it("answers 404 to someone who cannot read the project, and 401 without a sign-in; nothing is made", async () => {
    const name = unique("stolen-");
    expectError(await call(`/api/v1/projects/${source.id}/copy`, { method: "POST", token: stranger.token, body: { name } }), 404, "not_found");
    expectError(await call(`/api/v1/projects/nosuchproject/copy`, { method: "POST", token: stranger.token, body: { name } }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${source.id}/copy`, { method: "POST", body: { name } }), 401, "unauthorized");
    expect(await projectNames(stranger)).not.toContain(name);
    const failed = (await call(`/api/v1/projects/${source.id}/audit?action=operation.failed`, { token: owner.token })).body.events;
    expect(failed.filter((e: { actor: { id: string } }) => e.actor?.id === stranger.id)).toEqual([]);
  });

  it("refuses a bad or taken name under the field, without a failed-operation event", async () => {
    expectError(await call(`/api/v1/projects/${source.id}/copy`, { method: "POST", token: viewer.token, body: { name: "no spaces allowed" } }), 400, "invalid_input", ["name"]);
    const taken = (await createProject(viewer)).name;
    expectError(await call(`/api/v1/projects/${source.id}/copy`, { method: "POST", token: viewer.token, body: { name: taken } }), 409, "conflict", ["name"]);
    const failed = (await call(`/api/v1/projects/${source.id}/audit?action=operation.failed`, { token: owner.token })).body.events;
    expect(failed).toEqual([]);
  });

  it("records a copy that failed as operation.failed on the source and leaves no project", async () => {
    // The source's repository is out of reach for a moment: git cannot read it.
    const repo = bareRepo(source.id);
    fs.renameSync(repo, `${repo}.away`);
    const name = unique("broken-");
    try {
      const res = await call(`/api/v1/projects/${source.id}/copy`, { method: "POST", token: viewer.token, body: { name } });
      expectError(res, 502, "upstream_error");
      expect(res.body.error.message).toContain(`Copying ${source.name}`);
    } finally {
      fs.renameSync(`${repo}.away`, repo);
    }
    expect(await projectNames(viewer)).not.toContain(name);
    const failed = (await call(`/api/v1/projects/${source.id}/audit?action=operation.failed`, { token: owner.token })).body.events;
    expect(failed[0]).toMatchObject({ actor: { id: viewer.id }, detail: { operation: "copy" } });
    expect(failed[0].detail.message).toContain(`Copying ${source.name}`);
  });
});
