// A second (and third) process handling due schedules on the same database file,
// for schedules-and-runs.test.ts: it waits for a common start time, then for each
// injected clock time starts the due schedules' runs and claims what it can, and
// prints the runs it started and claimed.
import { claimNextRun } from "../../db";
import { startDueSchedules } from "../start-due-schedules";

const instanceId = process.argv[2] ?? "child";
const startAt = Number(process.argv[3] ?? 0);
const times = JSON.parse(process.argv[4] ?? "[]") as string[];
while (Date.now() < startAt);
const started: string[] = [];
const claimed: string[] = [];
for (const time of times) {
  const now = new Date(time);
  started.push(...startDueSchedules({ now }).map((run) => run.id));
  for (let run = claimNextRun({ instanceId, leaseMs: 60_000, now }); run; run = claimNextRun({ instanceId, leaseMs: 60_000, now })) claimed.push(run.id);
}
process.stdout.write(JSON.stringify({ started, claimed }));
