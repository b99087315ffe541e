// Deployments end to end against the running server: deploy a commit of a project on
// Benchtop's git server, push a new one, redeploy and see it served; a redeploy that
// fails (its branch deleted) leaves the old content up, marks the deployment red and
// tells the owner; rollback, stop, start, delete; who may see what (private, signed-in,
// public, and the admin switch); schedules validated and worded; runs listed and
// filtered; and a project on a git host (the organization on the GitHub emulator)
// deployed through the owner's credential.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminToken, api, baseUrl, createProject, createUser, share, signInBrowser, unique, type TestUser } from "../helpers/api";
import { startExternalWorld, type ExternalWorld } from "../helpers/external-project";
import { cloneInto, commitFile, gitOk, tempDir } from "../helpers/git";
import { expectError } from "./helpers";

let owner: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let project: { id: string; name: string; cloneUrl: string };
let work: string;

const storeDir = (deploymentId: string) => path.join(inject("dataDir"), "deployments", `${deploymentId}.git`);

/** Pushes the working clone's branch to the project. */
const push = (branch = "main") => gitOk(["push", "-q", "origin", branch], { cwd: work, auth: { token: owner.token } });

/** Polls a run until it ends, and answers it. */
async function settled(projectId: string, runId: string, token = owner.token) {
  const until = Date.now() + 30_000;
  for (;;) {
    const run = (await api(`/api/v1/projects/${projectId}/runs/${runId}`, { token })).body;
    if (/^(succeeded|failed|skipped)$/.test(run?.status ?? "")) return run;
    if (Date.now() > until) throw new Error(`run ${runId} did not end: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The newest run of a deployment. */
async function latestRun(projectId: string, deploymentId: string) {
  const runs = await api(`/api/v1/projects/${projectId}/runs?deployment=${deploymentId}`, { token: owner.token });
  return runs.body.runs[0];
}

/** GETs a deployed path the way a browser would, with an optional session cookie. */
async function visit(url: string, cookie?: string) {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
}

beforeAll(async () => {
  [owner, viewer, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
  project = await createProject(owner);
  await share(project, owner, viewer, "viewer");
  work = cloneInto(project.cloneUrl, { token: owner.token });
  commitFile(work, "index.html", "<!doctype html><title>Report</title><h1>Version one</h1><script src=app.js></script>\n", "First report");
  commitFile(work, "app.js", "document.title = 'one';\n");
  fs.mkdirSync(path.join(work, "notes"));
  commitFile(work, "notes/summary.md", "# Summary\n\nRevenue grew by $x^2$.\n\n<script>alert(1)</script>\n");
  push();
}, 60_000);

describe("a deployment of a project on Benchtop's git server", () => {
  let deployment: any;
  let firstCommit: string;

  it("deploys the branch's commit and serves its files exactly, as soon as it is made", async () => {
    const created = await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: "Weekly report", ref: "main", track: true, visibility: "private" } });
    expect(created.status, created.text).toBe(201);
    deployment = created.body;
    expect(deployment).toMatchObject({ name: "Weekly report", ref: "main", track: true, visibility: "private" });
    expect(deployment.url).toBe(`${baseUrl()}/deploy/${deployment.slug}/`);
    // The URL answers at once: the deploying page or the content, never a 404.
    expect([200, 503]).toContain((await visit(deployment.url, await signInBrowser(owner))).status);

    const run = await settled(project.id, (await latestRun(project.id, deployment.id)).id);
    expect(run).toMatchObject({ status: "succeeded", trigger: "manual", requestedBy: { id: owner.id } });
    firstCommit = gitOk(["rev-parse", "HEAD"], { cwd: work }).trim();
    expect(run.commit).toBe(firstCommit);
    expect(run.log).toContain(`to commit ${firstCommit}`);

    const cookie = await signInBrowser(owner);
    const page = await visit(deployment.url, cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toBe(gitOk(["show", `${firstCommit}:index.html`], { cwd: work }));
    expect(page.headers.get("content-security-policy")).toContain("sandbox allow-scripts allow-forms allow-popups");
    const script = await visit(`${deployment.url}app.js`, cookie);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(script.text).toBe("document.title = 'one';\n");

    const shown = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}`, { token: owner.token });
    expect(shown.body).toMatchObject({ status: "running", commit: firstCommit, deployedBy: { id: owner.id }, failure: null });
  });

  it("renders Markdown sanitized, at the same path", async () => {
    const page = await visit(`${deployment.url}notes/summary.md`, await signInBrowser(owner));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain("Summary");
    expect(page.text).toContain("katex");
    expect(page.text).not.toContain("<script>alert(1)</script>");
  });

  it("serves a new commit after a redeploy, and keeps the history of deploys", async () => {
    commitFile(work, "index.html", "<!doctype html><title>Report</title><h1>Version two</h1>\n", "Second report");
    push();
    const second = gitOk(["rev-parse", "HEAD"], { cwd: work }).trim();
    const cookie = await signInBrowser(owner);
    // Until the redeploy, the first commit keeps serving.
    expect((await visit(deployment.url, cookie)).text).toContain("Version one");

    const queued = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/redeploy`, { method: "POST", token: owner.token });
    expect(queued.status, queued.text).toBe(202);
    expect(queued.body).toMatchObject({ trigger: "manual", deploymentId: deployment.id });
    expect((await settled(project.id, queued.body.id)).commit).toBe(second);
    expect((await visit(deployment.url, cookie)).text).toContain("Version two");

    const deploys = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/deploys`, { token: owner.token });
    expect(deploys.body.deploys.map((d: any) => [d.commit, d.current])).toEqual([
      [second, true],
      [firstCommit, false],
    ]);
  });

  it("rolls back to an earlier deploy", async () => {
    const deploys = (await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/deploys`, { token: owner.token })).body.deploys;
    const rolled = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/rollback`, { method: "POST", token: owner.token, body: { deployId: deploys[1].id } });
    expect(rolled.status, rolled.text).toBe(202);
    expect((await settled(project.id, rolled.body.id)).commit).toBe(firstCommit);
    expect((await visit(deployment.url, await signInBrowser(owner))).text).toContain("Version one");
    const after = (await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/deploys`, { token: owner.token })).body.deploys;
    expect(after[0]).toMatchObject({ commit: firstCommit, current: true, rollbackOf: deploys[1].id });
  });

  it("is seen by members only while private: signed out is sent to sign in, a stranger gets 404, a viewer the page", async () => {
    const anonymous = await visit(deployment.url);
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toContain(`/login?callbackUrl=${encodeURIComponent(`/deploy/${deployment.slug}/`)}`);
    expect(anonymous.text).not.toContain("Version");
    const outsider = await visit(deployment.url, await signInBrowser(stranger));
    expect(outsider.status).toBe(404);
    expect(outsider.text).not.toContain("Version");
    expect((await visit(deployment.url, await signInBrowser(viewer))).text).toContain("Version one");
    // A viewer sees the deployment but cannot change it.
    expectError(await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/redeploy`, { method: "POST", token: viewer.token }), 403, "forbidden");
  });

  it("serves everyone signed in, then anyone; an administrator can forbid public deployments", async () => {
    await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}`, { method: "PATCH", token: owner.token, body: { visibility: "signed-in" } });
    expect((await visit(deployment.url, await signInBrowser(stranger))).text).toContain("Version one");
    expect((await visit(deployment.url)).status).toBe(307);
    await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}`, { method: "PATCH", token: owner.token, body: { visibility: "public" } });
    expect((await visit(deployment.url)).text).toContain("Version one");

    const admin = await adminToken();
    expect((await api("/api/v1/admin/deployments", { method: "PUT", token: admin, body: { allowPublic: false } })).body).toEqual({ allowPublic: false });
    try {
      expect((await visit(deployment.url)).status).toBe(307);
      const refused = await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: "Open", ref: "main", visibility: "public" } });
      expectError(refused, 403, "forbidden", ["visibility"]);
      expect(refused.body.error.message).toContain("turned public deployments off");
    } finally {
      await api("/api/v1/admin/deployments", { method: "PUT", token: admin, body: { allowPublic: true } });
    }
    await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}`, { method: "PATCH", token: owner.token, body: { visibility: "private" } });
  });

  it("stops serving when stopped, keeps its configuration, and serves again when started", async () => {
    const cookie = await signInBrowser(owner);
    const stopped = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/stop`, { method: "POST", token: owner.token });
    expect(stopped.body).toMatchObject({ status: "stopped", commit: firstCommit });
    const page = await visit(deployment.url, cookie);
    expect(page.status).toBe(503);
    expect(page.text).toContain("stopped");
    expect(page.text).not.toContain("Version one");
    const started = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/start`, { method: "POST", token: owner.token });
    expect(started.body).toMatchObject({ status: "running", commit: firstCommit });
    expect((await visit(deployment.url, cookie)).text).toContain("Version one");
  });

  it("a redeploy that fails (its branch is gone) leaves the previous deploy serving, shows red and tells the owner", async () => {
    gitOk(["checkout", "-q", "-b", "feature"], { cwd: work });
    commitFile(work, "index.html", "<h1>Feature build</h1>\n", "Feature");
    push("feature");
    const created = await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: "Feature preview", ref: "feature", track: true } });
    expect(created.status, created.text).toBe(201);
    const preview = created.body;
    expect((await settled(project.id, (await latestRun(project.id, preview.id)).id)).status).toBe("succeeded");
    const cookie = await signInBrowser(owner);
    expect((await visit(preview.url, cookie)).text).toContain("Feature build");

    gitOk(["push", "-q", "origin", ":feature"], { cwd: work, auth: { token: owner.token } });
    const queued = await api(`/api/v1/projects/${project.id}/deployments/${preview.id}/redeploy`, { method: "POST", token: owner.token });
    const run = await settled(project.id, queued.body.id);
    expect(run.status).toBe("failed");
    expect(run.message).toContain(`no branch, tag or commit named "feature"`);
    expect(run.log).toContain("Failed:");
    expect((await visit(preview.url, cookie)).text).toContain("Feature build");
    const shown = (await api(`/api/v1/projects/${project.id}/deployments/${preview.id}`, { token: owner.token })).body;
    expect(shown).toMatchObject({ status: "running", failure: { runId: run.id } });
    expect(shown.failure.message).toContain("feature");

    const notes = await api("/api/v1/notifications", { token: owner.token });
    expect(notes.body.notifications.some((n: any) => n.kind === "deployment.failed" && n.projectId === project.id && n.message.includes("Feature preview"))).toBe(true);
    const failedRuns = await api(`/api/v1/projects/${project.id}/runs?status=failed`, { token: owner.token });
    expect(failedRuns.body.runs.map((r: any) => r.id)).toContain(run.id);
    expect(failedRuns.body.runs.every((r: any) => r.status === "failed")).toBe(true);
    const audit = await api(`/api/v1/projects/${project.id}/audit?action=deployment.run_failed`, { token: owner.token });
    expect(audit.body.events.length).toBeGreaterThan(0);
    gitOk(["checkout", "-q", "main"], { cwd: work });
  });

  it("refuses a ref that does not exist, a second deployment of the same name, and a second run while one is under way", async () => {
    const missing = await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: "Nope", ref: "no-such-branch" } });
    expectError(missing, 400, "invalid_input", ["ref"]);
    const taken = await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: "weekly REPORT", ref: "main" } });
    expectError(taken, 409, "conflict", ["name"]);
    const bad = await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: "x", ref: "--upload-pack=evil", visibility: "everyone" } });
    expectError(bad, 400, "invalid_input", ["ref", "visibility"]);
  });

  it("deleting it stops its URL and removes its files", async () => {
    const created = await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: "Short lived", ref: "main", visibility: "public" } });
    await settled(project.id, (await latestRun(project.id, created.body.id)).id);
    expect(fs.existsSync(storeDir(created.body.id))).toBe(true);
    expect((await visit(created.body.url)).status).toBe(200);
    expect((await api(`/api/v1/projects/${project.id}/deployments/${created.body.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect((await visit(created.body.url)).status).toBe(404);
    expect(fs.existsSync(storeDir(created.body.id))).toBe(false);
  });
});

describe("schedules", () => {
  let deployment: any;

  beforeAll(async () => {
    deployment = (await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", token: owner.token, body: { name: unique("Scheduled "), ref: "main", track: true } })).body;
    await settled(project.id, (await latestRun(project.id, deployment.id)).id);
  });

  it("are refused with what is wrong: a bad expression, an unknown zone", async () => {
    const bad = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/schedules`, { method: "POST", token: owner.token, body: { cron: "61 * * * *", timezone: "Mars/Olympus" } });
    expectError(bad, 400, "invalid_input", ["cron", "timezone"]);
    expect(bad.body.error.fields.cron).toContain("61");
    expect(bad.body.error.fields.timezone).toContain("Mars/Olympus");
  });

  it("are worded, show their next five runs, and can be disabled, edited and deleted", async () => {
    const created = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/schedules`, { method: "POST", token: owner.token, body: { cron: "0 6 * * 1-5", timezone: "Europe/Berlin" } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ cron: "0 6 * * 1-5", timezone: "Europe/Berlin", enabled: true, description: "At 06:00, Monday through Friday, Europe/Berlin" });
    expect(created.body.nextRuns).toHaveLength(5);
    for (const at of created.body.nextRuns) {
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(at));
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 06:00$/);
    }
    const listed = await api(`/api/v1/projects/${project.id}/schedules`, { token: owner.token });
    expect(listed.body.schedules.map((s: any) => s.id)).toContain(created.body.id);

    const disabled = await api(`/api/v1/projects/${project.id}/schedules/${created.body.id}`, { method: "PATCH", token: owner.token, body: { enabled: false } });
    expect(disabled.body).toMatchObject({ enabled: false, nextRuns: [] });
    const edited = await api(`/api/v1/projects/${project.id}/schedules/${created.body.id}`, { method: "PATCH", token: owner.token, body: { cron: "30 18 * * *", timezone: "UTC", enabled: true } });
    expect(edited.body.description).toBe("At 18:30, UTC");
    expect(edited.body.nextRuns.every((at: string) => at.endsWith("T18:30:00.000Z"))).toBe(true);
    expectError(await api(`/api/v1/projects/${project.id}/schedules/${created.body.id}`, { method: "PATCH", token: viewer.token, body: { enabled: false } }), 403, "forbidden");
    expect((await api(`/api/v1/projects/${project.id}/schedules/${created.body.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect((await api(`/api/v1/projects/${project.id}/schedules`, { token: owner.token })).body.schedules.map((s: any) => s.id)).not.toContain(created.body.id);
  });
});

describe("a project on a git host", () => {
  let world: ExternalWorld;
  let external: { id: string; fullName: string; remoteName: string };
  let hostClone: string;

  beforeAll(async () => {
    world = await startExternalWorld();
    external = await world.externalProject(owner);
    hostClone = path.join(tempDir(), "host");
    gitOk(["init", "-q", "-b", "main", hostClone]);
    fs.writeFileSync(path.join(hostClone, "index.html"), "<h1>From the host</h1>\n");
    gitOk(["add", "--all"], { cwd: hostClone });
    gitOk(["commit", "-q", "-m", "At the host"], { cwd: hostClone });
    gitOk(["push", "-q", `${world.github.url}/${external.fullName}.git`, "main"], { cwd: hostClone, auth: { token: world.github.orgWorld.service.token } });
    expect((await world.connect(owner, world.github.orgWorld.alice.token)).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await world?.stop();
  });

  it("is deployed from the host's commit, fetched with the owner's credential", async () => {
    const created = await api(`/api/v1/projects/${external.id}/deployments`, { method: "POST", token: owner.token, body: { name: "From the host", ref: "main", visibility: "public" } });
    expect(created.status, created.text).toBe(201);
    const run = await settled(external.id, (await latestRun(external.id, created.body.id)).id);
    expect(run.status, run.message).toBe("succeeded");
    expect(run.commit).toBe(gitOk(["rev-parse", "HEAD"], { cwd: hostClone }).trim());
    expect((await visit(created.body.url)).text).toBe("<h1>From the host</h1>\n");
  });
});
