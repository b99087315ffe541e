// Handing a project to a collaborator: they become the owner and the old owner
// an editor, audited; refused for someone who is not a collaborator, for a name
// the new owner already uses, and for anyone but the owner or an admin. On an
// external project the host follows first (the GitHub emulator in this process),
// and when it cannot be reached nothing changes.
import { describe, expect, it } from "vitest";
import { createTokenConnection } from "../connections";
import { getCollaborator, listAuditEvents, type User } from "../db";
import { loadProject } from "./access";
import { addCollaborator } from "./collaborators";
import { createProject } from "./create-project";
import { insertExternalProject, newTestUser, withGitHubOrganization } from "./test-support/external-project";
import { transferProject } from "./transfer-project";

const scene = withGitHubOrganization();
const newUser = () => newTestUser("transfer");
const as = (id: string, user: User) => loadProject({ id, user });

describe("handing a project over", () => {
  it("makes a collaborator the owner and the old owner an editor, audited", async () => {
    const [owner, next] = [await newUser(), await newUser()];
    const project = await createProject({ input: { name: "handed", description: "" }, owner });
    await addCollaborator({ access: as(project.id, owner), email: next.email, role: "viewer", actor: owner });
    const transferred = await transferProject({ access: as(project.id, owner), userId: next.id, actor: owner });
    expect(transferred.ownerId).toBe(next.id);
    expect(as(project.id, next).role).toBe("owner");
    expect(as(project.id, owner).role).toBe("editor");
    expect(getCollaborator({ projectId: project.id, userId: next.id })).toBeUndefined();
    const [event] = listAuditEvents({ action: "project.transferred", projectId: project.id, limit: 5, offset: 0 });
    expect(event?.detail).toEqual({ from: { id: owner.id, email: owner.email }, to: { id: next.id, email: next.email } });
  });

  it("refuses someone who is not a collaborator, a name the new owner already has, and a caller who is not the owner", async () => {
    const [owner, next, stranger] = [await newUser(), await newUser(), await newUser()];
    const project = await createProject({ input: { name: "report", description: "" }, owner });
    await expect(transferProject({ access: as(project.id, owner), userId: stranger.id, actor: owner })).rejects.toMatchObject({ code: "invalid_input", fields: { userId: expect.any(String) } });
    await createProject({ input: { name: "Report", description: "" }, owner: next });
    await addCollaborator({ access: as(project.id, owner), email: next.email, role: "editor", actor: owner });
    await expect(transferProject({ access: as(project.id, owner), userId: next.id, actor: owner })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already has a project named "report"/) });
    await expect(transferProject({ access: as(project.id, next), userId: next.id, actor: next })).rejects.toMatchObject({ code: "forbidden" });
    expect(as(project.id, owner).role).toBe("owner");
  });

  it("on an external project, gives the new owner write access at the host first, and keeps the old owner's as an editor's", async () => {
    const { emulator, world, host } = scene;
    const [owner, next] = [await newUser(), await newUser()];
    await createTokenConnection({ user: owner, provider: "github-enterprise", host, token: world.alice.token });
    await createTokenConnection({ user: next, provider: "github-enterprise", host, token: world.bob.token });
    const { project, fullName } = await insertExternalProject({ site: { type: "github", apiRoot: emulator.apiRoot, host, organization: world.org, service: world.service }, owner });
    await addCollaborator({ access: as(project.id, owner), email: next.email, role: "viewer", actor: owner });
    expect(emulator.inspect.collaborators(fullName)).toMatchObject({ bob: "pull" });

    emulator.outage.start(1);
    await expect(transferProject({ access: as(project.id, owner), userId: next.id, actor: owner })).rejects.toMatchObject({ apiCode: "upstream_error", message: expect.stringMatching(/Nothing was changed in Benchtop/) });
    expect(as(project.id, owner).role).toBe("owner");

    await transferProject({ access: as(project.id, owner), userId: next.id, actor: owner });
    expect(emulator.inspect.collaborators(fullName)).toMatchObject({ alice: "push", bob: "push" });
    expect(getCollaborator({ projectId: project.id, userId: owner.id })).toMatchObject({ role: "editor", hostAccount: { login: "alice" } });
  });
});
