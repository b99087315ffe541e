// The rules of schedules and runs against a real database and real repositories,
// with an injected clock: a due time starts exactly one run, even from three
// processes at once; a run due while another of its deployment is under way is
// skipped and says why; times missed while no server ran are run once; a stopped
// deployment's schedule skips; a run whose server stopped is failed with that reason.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimNextRun, getDb, getRun, listNotificationsOf, listRunsOfProject, updateDeployment, type Deployment, type User } from "../db";
import { schedules } from "../db/schema";
import { createProject, loadProject } from "../projects";
import { newTestUser } from "../projects/test-support/external-project";
import { failAbandonedRuns } from "./abandoned-runs";
import { createDeployment } from "./create-deployment";
import { createSchedule } from "./manage-schedules";
import { startDueSchedules } from "./start-due-schedules";

const exec = promisify(execFile);
const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");
const at = (iso: string) => new Date(iso);

let owner: User;
let projectId: string;

/** Ends every queued or running run (as failed): each test starts with no run under way. */
function endEveryRun() {
  while (claimNextRun({ instanceId: "setup", leaseMs: 1, now: at("2000-01-01T00:00:00Z") }));
  failAbandonedRuns({ now: at("2100-01-01T00:00:00Z") });
}

async function newDeployment(name: string): Promise<Deployment> {
  const access = loadProject({ id: projectId, user: owner });
  const { deployment, run } = await createDeployment({ access, input: { name, ref: "main", track: true, visibility: "private" }, actor: owner });
  // Its first run is not under test here.
  endEveryRun();
  expect(getRun({ id: run.id })?.status).toBe("failed");
  return deployment;
}

function scheduleOf(deployment: Deployment, cron: string, timezone: string, now: Date) {
  return createSchedule({ access: loadProject({ id: projectId, user: owner }), deployment, input: { cron, timezone, enabled: true }, actor: owner, now });
}

const runsOf = (deploymentId: string) => listRunsOfProject({ projectId, deploymentId, limit: 1000, offset: 0 }).filter((run) => run.trigger === "schedule");

beforeAll(async () => {
  owner = await newTestUser("deploy");
  projectId = (await createProject({ input: { name: "reports", description: "" }, owner })).id;
});

// Each test's schedules alone are due at its clock times.
beforeEach(() => {
  getDb().update(schedules).set({ enabled: false }).run();
  endEveryRun();
});

describe("scheduled runs", () => {
  it("start once per due time, not before it, and the schedule moves on", async () => {
    const deployment = await newDeployment("Daily");
    const schedule = scheduleOf(deployment, "0 6 * * *", "Europe/Berlin", at("2026-03-27T12:00:00Z"));
    expect(schedule.nextRunAt).toEqual(at("2026-03-28T05:00:00Z"));
    expect(startDueSchedules({ now: at("2026-03-28T04:59:59Z") })).toEqual([]);
    const [run] = startDueSchedules({ now: at("2026-03-28T05:00:02Z") });
    expect(run).toMatchObject({ trigger: "schedule", status: "queued", scheduleId: schedule.id, dueAt: at("2026-03-28T05:00:00Z") });
    expect(startDueSchedules({ now: at("2026-03-28T05:00:30Z") })).toEqual([]);
    expect(runsOf(deployment.id)).toHaveLength(1);
    // The next day is after the spring-forward change: 06:00 in Berlin is 04:00Z.
    const claimed = claimNextRun({ instanceId: "a", leaseMs: 60_000, now: at("2026-03-28T05:00:31Z") });
    expect(claimed?.id).toBe(run!.id);
  });

  it("are skipped, saying why, while another run of the deployment is under way", async () => {
    const deployment = await newDeployment("Hourly");
    scheduleOf(deployment, "0 * * * *", "UTC", at("2026-06-01T09:30:00Z"));
    const [first] = startDueSchedules({ now: at("2026-06-01T10:00:00Z") });
    claimNextRun({ instanceId: "a", leaseMs: 4 * 60 * 60_000, now: at("2026-06-01T10:00:01Z") });
    const [second] = startDueSchedules({ now: at("2026-06-01T11:00:00Z") });
    expect(second).toMatchObject({ status: "skipped", dueAt: at("2026-06-01T11:00:00Z") });
    expect(second!.message).toBe("Skipped: the run started at 10:00:01 UTC was still running.");
    expect(getRun({ id: first!.id })?.status).toBe("running");
  });

  it("run once for all the times missed while no server ran, then keep to the schedule", async () => {
    const deployment = await newDeployment("Missed");
    scheduleOf(deployment, "30 2 * * *", "UTC", at("2026-07-01T00:00:00Z"));
    const started = startDueSchedules({ now: at("2026-07-04T09:00:00Z") });
    expect(started).toHaveLength(1);
    expect(started[0]!.dueAt).toEqual(at("2026-07-01T02:30:00Z"));
    expect(started[0]!.log).toContain("3 later times were missed while no server was running; they run once, now.");
    expect(startDueSchedules({ now: at("2026-07-04T09:00:05Z") })).toEqual([]);
    claimNextRun({ instanceId: "a", leaseMs: 1000, now: at("2026-07-04T09:00:06Z") });
    failAbandonedRuns({ now: at("2026-07-05T00:00:00Z") });
    expect(startDueSchedules({ now: at("2026-07-05T02:30:00Z") })).toMatchObject([{ status: "queued", dueAt: at("2026-07-05T02:30:00Z") }]);
  });

  it("of a stopped deployment are skipped", async () => {
    const deployment = await newDeployment("Stopped");
    scheduleOf(deployment, "*/15 * * * *", "UTC", at("2026-08-01T00:00:00Z"));
    updateDeployment({ id: deployment.id, changes: { stopped: true } });
    expect(startDueSchedules({ now: at("2026-08-01T00:15:00Z") })).toMatchObject([{ status: "skipped", message: expect.stringContaining("the deployment is stopped") }]);
  });

  it("start exactly once per due time when three processes handle the same schedules at the same moment", async () => {
    const deployments = await Promise.all(["P1", "P2", "P3", "P4"].map((name) => newDeployment(name)));
    for (const deployment of deployments) scheduleOf(deployment, "* * * * *", "UTC", at("2026-09-01T00:00:00Z"));
    // Every clock time a little after each minute, so each time is due once; runs are claimed in between.
    const times = Array.from({ length: 12 }, (_, minute) => new Date(Date.UTC(2026, 8, 1, 0, minute + 1, 0, 500)).toISOString());
    const startAt = Date.now() + 2000;
    const outputs = await Promise.all(["one", "two", "three"].map((name) => exec(tsx, [path.join(__dirname, "test-support/tick-schedules.ts"), name, String(startAt), JSON.stringify(times)], { env: { ...process.env } })));
    const results = outputs.map(({ stdout }) => JSON.parse(stdout) as { started: string[]; claimed: string[] });
    const started = results.flatMap((result) => result.started);
    const claimed = results.flatMap((result) => result.claimed);
    expect(new Set(started).size).toBe(started.length);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const deployment of deployments) {
      const runs = runsOf(deployment.id);
      const dueTimes = runs.map((run) => run.dueAt!.toISOString()).sort();
      expect(dueTimes).toEqual([...new Set(dueTimes)]);
      expect(runs.length).toBe(12);
      for (const run of runs) expect(started).toContain(run.id);
    }
  }, 60_000);
});

describe("runs whose server stopped", () => {
  it("are failed with that reason once their lease runs out, the deployment shows red and the owner is told", async () => {
    const deployment = await newDeployment("Interrupted");
    scheduleOf(deployment, "0 0 * * *", "UTC", at("2026-10-01T12:00:00Z"));
    const [run] = startDueSchedules({ now: at("2026-10-02T00:00:00Z") });
    claimNextRun({ instanceId: "gone", leaseMs: 60_000, now: at("2026-10-02T00:00:01Z") });
    expect(failAbandonedRuns({ now: at("2026-10-02T00:00:30Z") })).toBe(0);
    expect(failAbandonedRuns({ now: at("2026-10-02T00:01:02Z") })).toBe(1);
    const failed = getRun({ id: run!.id })!;
    expect(failed).toMatchObject({ status: "failed", message: expect.stringContaining("Interrupted: the Benchtop server running this deploy stopped") });
    expect(failAbandonedRuns({ now: at("2026-10-02T00:05:00Z") })).toBe(0);
    const notes = listNotificationsOf({ userId: owner.id, unread: true, limit: 50, offset: 0 });
    expect(notes.some((note) => note.kind === "deployment.failed" && note.message.includes("Interrupted"))).toBe(true);
  });
});
