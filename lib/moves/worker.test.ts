// The worker loop: woken at once when a move is queued in this process, one
// job at a time, and stopped cleanly (nothing claimed after stop()).
import { describe, expect, it } from "vitest";
import { getJob, insertJob } from "../db";
import { newId } from "../db/ids";
import { startMoveWorker, wakeMoveWorker } from "./worker";

const queueMoveOfMissingProject = () =>
  insertJob({ id: newId(), kind: "project.move", projectId: newId(), payload: { target: { type: "internal" }, projectName: "gone" }, batchId: newId(), requestedById: null });

async function waitFor(check: () => boolean, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the move worker", () => {
  it("runs a job as soon as it is woken, not at its next poll, and claims nothing once stopped", async () => {
    // A poll an hour away: only the wake can start the job in time.
    const worker = startMoveWorker({ instanceId: "worker-test", pollMs: 3_600_000 });
    const first = queueMoveOfMissingProject();
    wakeMoveWorker();
    await waitFor(() => getJob({ id: first.id })?.state === "failed");
    expect(getJob({ id: first.id })).toMatchObject({ claimedBy: "worker-test", attempts: 1, message: "The project was deleted before it was moved." });

    await worker.stop();
    const second = queueMoveOfMissingProject();
    wakeMoveWorker();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(getJob({ id: second.id })?.state).toBe("queued");
  });
});
