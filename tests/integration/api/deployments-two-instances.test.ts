// Two Benchtop processes on one database and one DATA_DIR, each running its run
// worker, with one schedule due every minute: each due time is run exactly once,
// by one of them, whichever claims it first.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../../setup/app-server.mjs";
import { api } from "../helpers/api";
import { cloneInto, commitFile, gitOk } from "../helpers/git";

const admin = { email: `two-${randomBytes(3).toString("hex")}@example.test`, password: `pw-${randomBytes(6).toString("hex")}` };
let first: Awaited<ReturnType<typeof startAppServer>>;
let second: Awaited<ReturnType<typeof startAppServer>>;
let token: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-two-"));
  const env = { BENCHTOP_ADMIN_EMAIL: admin.email, BENCHTOP_ADMIN_PASSWORD: admin.password };
  // One after the other: starting together is issue 17's (migrations under a lock).
  first = await startAppServer({ dataDir, env });
  second = await startAppServer({ dataDir, env });
  token = (await api("/api/v1/tokens", { method: "POST", base: first.baseUrl, body: { ...admin, name: "t" } })).body.token;
}, 120_000);

afterAll(async () => {
  await first?.stop();
  await second?.stop();
});

describe("two instances with one schedule", () => {
  it("run each due time exactly once", async () => {
    const project = (await api("/api/v1/projects", { method: "POST", base: first.baseUrl, token, body: { name: "shared" } })).body;
    const work = cloneInto(project.cloneUrl, { token });
    commitFile(work, "index.html", "<h1>Shared</h1>\n");
    gitOk(["push", "-q", "origin", "main"], { cwd: work, auth: { token } });
    const deployment = (await api(`/api/v1/projects/${project.id}/deployments`, { method: "POST", base: first.baseUrl, token, body: { name: "Every minute", ref: "main", track: true, visibility: "public" } })).body;
    // Its first deploy done, so that the schedule's first due time cannot find a run under way.
    for (let i = 0; (await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}`, { base: first.baseUrl, token })).body.status !== "running"; i++) {
      if (i > 150) throw new Error("the deployment did not deploy");
      await sleep(200);
    }
    const schedule = await api(`/api/v1/projects/${project.id}/deployments/${deployment.id}/schedules`, { method: "POST", base: second.baseUrl, token, body: { cron: "* * * * *", timezone: "UTC" } });
    expect(schedule.status, schedule.text).toBe(201);

    // Wait for the first due time to pass and both workers to have looked after it (they poll every 5 s);
    // lib/deployments' unit tests check many due times with three processes and an injected clock.
    const firstDue = new Date(schedule.body.nextRuns[0]).getTime();
    await sleep(Math.max(0, firstDue - Date.now()) + 12_000);
    const runs = (await api(`/api/v1/projects/${project.id}/runs?deployment=${deployment.id}`, { base: second.baseUrl, token })).body.runs.filter((run: any) => run.trigger === "schedule");
    const dueTimes = runs.map((run: any) => run.dueAt).sort();
    expect(dueTimes).toEqual([new Date(firstDue).toISOString()]);
    expect(runs.every((run: any) => run.status === "succeeded")).toBe(true);
    // Each ran in one of the two processes, as its log says.
    for (const run of runs) expect(run.log).toMatch(/started on .+\/\d+\/[0-9a-f]{6}\./);
    // Both serve the deployment the runs made.
    for (const server of [first, second]) expect(await (await fetch(deployment.url.replace(/^http:\/\/[^/]+/, server.baseUrl))).text()).toBe("<h1>Shared</h1>\n");
  }, 120_000);
});
