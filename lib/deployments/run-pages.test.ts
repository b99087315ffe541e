// The Runs page's pager and the deployment page's run under way, against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { claimNextRun, insertRun, type User } from "../db";
import { newId } from "../db/ids";
import { createProject, loadProject, type ProjectAccess } from "../projects";
import { newTestUser } from "../projects/test-support/external-project";
import { failAbandonedRuns } from "./abandoned-runs";
import { createDeployment } from "./create-deployment";
import { findActiveRunView, listRunPage } from "./run-pages";

let owner: User;
let access: ProjectAccess;

beforeAll(async () => {
  owner = await newTestUser("runs");
  const project = await createProject({ input: { name: "run-pages", description: "" }, owner });
  access = loadProject({ id: project.id, user: owner });
});

describe("runs for the pages", () => {
  it("shows the queued run as under way, then none once it ended", async () => {
    const { deployment, run } = await createDeployment({ access, input: { name: "Under way", ref: "main", track: true, visibility: "private" }, actor: owner });
    expect(findActiveRunView({ deploymentId: deployment.id })).toMatchObject({ id: run.id, status: "queued", deploymentName: "Under way" });
    while (claimNextRun({ instanceId: "test", leaseMs: 1, now: new Date("2000-01-01T00:00:00Z") }));
    failAbandonedRuns({ now: new Date("2100-01-01T00:00:00Z") });
    expect(findActiveRunView({ deploymentId: deployment.id })).toBeNull();
  });

  it("pages through runs newest first and says whether an older page follows", async () => {
    const { deployment } = await createDeployment({ access, input: { name: "Paged", ref: "main", track: true, visibility: "private" }, actor: owner });
    for (let i = 1; i <= 4; i++) {
      insertRun({ id: newId(), projectId: access.project.id, deploymentId: deployment.id, trigger: "schedule", status: "skipped", message: `skip ${i}`, createdAt: new Date(Date.UTC(2030, 0, i)) });
    }
    const first = listRunPage({ access, deploymentId: deployment.id, status: "skipped", page: 1, perPage: 3 });
    expect(first.runs.map((run) => run.message)).toEqual(["skip 4", "skip 3", "skip 2"]);
    expect(first.nextPage).toBe(2);
    const second = listRunPage({ access, deploymentId: deployment.id, status: "skipped", page: 2, perPage: 3 });
    expect(second.runs.map((run) => run.message)).toEqual(["skip 1"]);
    expect(second.nextPage).toBeNull();
  });
});
