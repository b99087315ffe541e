// Claiming a job is one atomic UPDATE: two instances (two processes on one
// database file) never get the same job, and a job whose lease ran out is
// claimed again, by one of them only.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { claimNextJob, getJob, insertJob, renewJobLease } from "../db";
import { newId } from "../db/ids";

const run = promisify(execFile);
const tsx = path.resolve(__dirname, "../../node_modules/.bin/tsx");

const queue = (count: number) =>
  Array.from({ length: count }, () => insertJob({ id: newId(), kind: "project.move", projectId: newId(), payload: { target: { type: "internal" }, projectName: "p" }, batchId: "claims", requestedById: null }).id);

describe("claiming jobs", () => {
  it("gives each of 60 jobs to exactly one of two processes claiming at the same moment", async () => {
    const ids = queue(60);
    const startAt = Date.now() + 1500;
    const claimers = ["first", "second"].map((name) => run(tsx, [path.join(__dirname, "test-support/claim-all.ts"), name, String(startAt)], { env: { ...process.env } }));
    const [first, second] = (await Promise.all(claimers)).map(({ stdout }) => JSON.parse(stdout) as string[]);
    const all = [...first!, ...second!];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(getJob({ id })).toMatchObject({ state: "running", attempts: 1 });
  }, 60_000);

  it("claims a running job again only once its lease has run out, and the old holder can no longer renew it", () => {
    const [id] = queue(1);
    const now = new Date();
    expect(claimNextJob({ instanceId: "a", leaseMs: 1000, now })?.id).toBe(id);
    expect(claimNextJob({ instanceId: "b", leaseMs: 1000, now: new Date(now.getTime() + 500) })).toBeUndefined();
    const later = new Date(now.getTime() + 2000);
    expect(claimNextJob({ instanceId: "b", leaseMs: 1000, now: later })).toMatchObject({ id, claimedBy: "b", attempts: 2 });
    expect(claimNextJob({ instanceId: "c", leaseMs: 1000, now: later })).toBeUndefined();
    expect(renewJobLease({ id: id!, instanceId: "a", leaseUntil: new Date(later.getTime() + 60_000) })).toBe(false);
  });
});
