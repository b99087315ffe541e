// The paths a project answered at before a rename or a change of owner: kept 30
// days for the git endpoint, one per path, given up when a project takes the
// path, never shown to someone who may not read the project.
import { describe, expect, it } from "vitest";
import { getProjectWithOwnerByOldPath, insertProject, type User } from "../db";
import { loadProject, loadProjectByPath } from "./access";
import { createProject } from "./create-project";
import { OLD_PATH_DAYS } from "./old-paths";
import { newTestUser } from "./test-support/external-project";
import { updateProject } from "./update-project";

const DAY = 24 * 60 * 60 * 1000;
const rename = (id: string, user: User, name: string) => updateProject({ access: loadProject({ id, user }), input: { name }, actor: user });

describe("old paths", () => {
  it("keeps the old path for 30 days, for those who may read the project", async () => {
    const [owner, stranger] = [await newTestUser("paths"), await newTestUser("stranger")];
    const project = await createProject({ input: { name: "forecast", description: "" }, owner });
    await rename(project.id, owner, "forecast-v2");

    const found = loadProjectByPath({ handle: owner.handle, name: "FORECAST", user: owner });
    expect(found).toMatchObject({ project: { id: project.id, name: "forecast-v2" }, role: "owner" });
    expect(found?.oldPathUntil?.getTime()).toBeGreaterThan(Date.now() + (OLD_PATH_DAYS - 1) * DAY);
    expect(loadProjectByPath({ handle: owner.handle, name: "forecast-v2", user: owner })?.oldPathUntil).toBeNull();
    expect(loadProjectByPath({ handle: owner.handle, name: "forecast", user: stranger })).toBeUndefined();

    const later = new Date(Date.now() + OLD_PATH_DAYS * DAY + 60_000);
    expect(getProjectWithOwnerByOldPath({ handle: owner.handle, name: "forecast", now: later })).toBeUndefined();
  });

  it("keeps nothing for a rename that changes only the case, or for a project whose repository lives at a host", async () => {
    const owner = await newTestUser("paths");
    const project = await createProject({ input: { name: "casing", description: "" }, owner });
    await rename(project.id, owner, "Casing");
    expect(loadProjectByPath({ handle: owner.handle, name: "casing", user: owner })).toMatchObject({ project: { name: "Casing" }, oldPathUntil: null });

    const hosted = insertProject({ ownerId: owner.id, name: "hosted", description: "", defaultBranch: "main", backend: "external" });
    await rename(hosted.id, owner, "hosted-v2");
    expect(loadProjectByPath({ handle: owner.handle, name: "hosted", user: owner })).toBeUndefined();
  });

  it("gives the path up to a project that takes it, and leads every earlier path to the current one", async () => {
    const owner = await newTestUser("paths");
    const first = await createProject({ input: { name: "one", description: "" }, owner });
    await rename(first.id, owner, "two");
    await rename(first.id, owner, "three");
    for (const name of ["one", "two"]) expect(loadProjectByPath({ handle: owner.handle, name, user: owner })?.project.name).toBe("three");

    const second = await createProject({ input: { name: "one", description: "" }, owner });
    expect(loadProjectByPath({ handle: owner.handle, name: "one", user: owner })).toMatchObject({ project: { id: second.id }, oldPathUntil: null });
    await rename(second.id, owner, "uno");
    expect(loadProjectByPath({ handle: owner.handle, name: "one", user: owner })?.project.id).toBe(second.id);
  });
});
