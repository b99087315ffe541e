// A member's access at a Bitbucket Cloud backend, against the Bitbucket Cloud
// emulator: Bitbucket Cloud grants by account UUID, so the member's connection
// stores the UUID GET /2.0/user gives, and the grant goes to that account.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BitbucketCloudEmulator, startBitbucketCloudEmulator } from "../../e2e/hosts/bitbucket/bitbucket-cloud-emulator";
import { type BitbucketCloudWorkspaceWorld, seedCloudWorkspaceWorld } from "../../e2e/hosts/bitbucket/org-seed";
import { createTokenConnection } from "../connections/create-connection";
import { findConnection, getDb, insertProject, type Project, type User } from "../db";
import { connections } from "../db/schema";
import { createUser } from "../users/create-user";
import { insertBackend } from "../vcs/active-backend";
import { organizationHostOfRow } from "../vcs/connect-organization-host";
import { grantHostAccess, revokeHostAccess } from "./host-access";

let emulator: BitbucketCloudEmulator;
let world: BitbucketCloudWorkspaceWorld;
let project: Project;
const saved = { api: process.env.BENCHTOP_BITBUCKET_API_URL, insecure: process.env.BENCHTOP_INSECURE_HOSTS };

let counter = 0;
const newUser = (): Promise<User> => createUser({ input: { email: `bbc${++counter}-${Date.now()}@example.test`, name: "Member", password: "password1", role: "user" } });

beforeAll(async () => {
  emulator = await startBitbucketCloudEmulator();
  world = seedCloudWorkspaceWorld(emulator);
  // Connections to bitbucket.org reach the emulator's API; the loopback host is on the operator's allowlist.
  Object.assign(process.env, { BENCHTOP_BITBUCKET_API_URL: emulator.apiRoot, BENCHTOP_INSECURE_HOSTS: new URL(emulator.url).host });
  const row = insertBackend({
    type: "bitbucket",
    name: "Labs on Bitbucket",
    url: emulator.apiRoot,
    credentialHostname: "bitbucket.org",
    repository: "{owner}-{id}",
    organization: world.workspace,
    username: world.service.email,
    authToken: world.service.token,
    onDelete: "archive",
  });
  const owner = await newUser();
  const created = await organizationHostOfRow(row).createRepository({ name: "owner-k3v9", description: "" });
  project = insertProject({ ownerId: owner.id, name: "models", description: "", defaultBranch: "main", backend: "external", vcsBackendId: row.id, remoteName: "owner-k3v9", remoteLocation: created.webUrl, state: "ready" });
}, 60_000);

afterAll(async () => {
  for (const [key, value] of [["BENCHTOP_BITBUCKET_API_URL", saved.api], ["BENCHTOP_INSECURE_HOSTS", saved.insecure]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await emulator?.stop();
});

describe("access at a Bitbucket Cloud backend", () => {
  it("stores the account's UUID on the member's connection and grants, changes and revokes by it", async () => {
    const alice = await newUser();
    expect(await grantHostAccess({ project, user: alice, access: "write" })).toBe("waiting");

    // A person's API token, with the Atlassian email it signs in with.
    const connection = await createTokenConnection({ user: alice, provider: "bitbucket", host: "bitbucket.org", token: world.alice.token, email: world.alice.email });
    expect(connection).toMatchObject({ login: "alice", accountId: world.alice.uuid, email: world.alice.email });
    expect(findConnection({ userId: alice.id, provider: "bitbucket", host: "bitbucket.org" })?.accountId).toBe(world.alice.uuid);

    expect(await grantHostAccess({ project, user: alice, access: "write" })).toBe("granted");
    expect(emulator.inspect.repoPermissions("labs/owner-k3v9")).toEqual({ alice: "write" });
    await grantHostAccess({ project, user: alice, access: "read" });
    expect(emulator.inspect.repoPermissions("labs/owner-k3v9")).toEqual({ alice: "read" });
    await revokeHostAccess({ project, user: alice });
    expect(emulator.inspect.repoPermissions("labs/owner-k3v9")).toEqual({});
  });

  it("asks a member whose connection predates account ids to connect again, and grants nothing", async () => {
    const bob = await newUser();
    const connection = await createTokenConnection({ user: bob, provider: "bitbucket", host: "bitbucket.org", token: world.bob.token, email: world.bob.email });
    getDb().update(connections).set({ accountId: null }).where(eq(connections.id, connection.id)).run();
    expect(findConnection({ userId: bob.id, provider: "bitbucket", host: "bitbucket.org" })).toMatchObject({ id: connection.id, accountId: null });
    await expect(grantHostAccess({ project, user: bob, access: "read" })).rejects.toThrow(/bob's connection to Bitbucket does not have one .* connect their Bitbucket account again/);
    expect(emulator.inspect.repoPermissions("labs/owner-k3v9")).toEqual({});
  });
});
