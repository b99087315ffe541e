// Keeping access to an external project's repository at the host after Benchtop
// took it away. The host's permissions are the ones that count for git: a
// collaborator removed in Benchtop must lose them there too, even if they
// disconnected their account first (so that Benchtop no longer knows it from
// their connection), and a collaborator who was never granted access must not
// get write access by connecting as a viewer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createUser, type TestUser } from "../integration/helpers/api";
import { startExternalWorld, type ExternalWorld } from "../integration/helpers/external-project";

let world: ExternalWorld;
let owner: TestUser;

beforeAll(async () => {
  world = await startExternalWorld();
  owner = await createUser();
}, 120_000);

afterAll(() => world?.stop());

describe("access at the host follows Benchtop", () => {
  it("a collaborator who disconnects before being removed still loses their access at the host", async () => {
    const alice = await createUser();
    const connected = await world.connect(alice, world.github.orgWorld.alice.token);
    expect(connected.status, connected.text).toBe(201);
    const project = await world.externalProject(owner);
    await api(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token: owner.token, body: { email: alice.email, role: "editor" } });
    expect((await world.inspect(project.fullName)).permissions?.alice).toBe("push");

    expect((await api(`/api/v1/me/connections/${connected.body.id}`, { method: "DELETE", token: alice.token })).status).toBe(204);
    expect((await api(`/api/v1/projects/${project.id}/collaborators/${alice.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect((await world.inspect(project.fullName)).permissions?.alice).toBeUndefined();
  });

  it("a viewer waiting to connect gets read access, not write, when they connect", async () => {
    const bob = await createUser();
    const project = await world.externalProject(owner);
    await api(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token: owner.token, body: { email: bob.email, role: "viewer" } });
    expect((await world.connect(bob, world.github.orgWorld.bob.token)).status).toBe(201);
    expect((await world.inspect(project.fullName)).permissions?.bob).toBe("pull");
  });
});
