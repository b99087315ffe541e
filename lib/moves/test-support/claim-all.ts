// A second process claiming moves from the same database file, for
// jobs-claim.test.ts: it waits for a common start time, then claims as fast as
// it can until nothing is left, and prints the ids it got.
import { claimNextJob } from "../../db";

const instanceId = process.argv[2] ?? "child";
const startAt = Number(process.argv[3] ?? 0);
while (Date.now() < startAt);
const claimed: string[] = [];
for (let job = claimNextJob({ instanceId, leaseMs: 60_000 }); job; job = claimNextJob({ instanceId, leaseMs: 60_000 })) claimed.push(job.id);
process.stdout.write(JSON.stringify(claimed));
