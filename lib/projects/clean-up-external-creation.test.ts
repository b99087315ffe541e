// A creation in an organization cut off by a crash after the repository was made
// at the host: start-up removes the project and deletes that repository at the
// host (the GitHub emulator), and never touches a repository the creation did
// not record as its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulator, type GitHubEmulator } from "../../e2e/hosts/github/github-emulator";
import { seedGitHubOrgWorld, type GitHubOrgWorld } from "../../e2e/hosts/github/org-seed";
import { createTokenConnection } from "../connections/create-connection";
import { insertProject, listRetiredRepositories, projectNameTaken, type User } from "../db";
import { createUser } from "../users/create-user";
import { insertBackend, setAppliedBackend } from "../vcs/active-backend";
import { cleanUpAfterCrash } from "./clean-up-after-crash";
import { createProject } from "./create-project";

let emulator: GitHubEmulator;
let world: GitHubOrgWorld;
let owner: User;
const saved = process.env.BENCHTOP_INSECURE_HOSTS;

beforeAll(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubOrgWorld(emulator);
  process.env.BENCHTOP_INSECURE_HOSTS = new URL(emulator.url).host;
  const host = new URL(emulator.url).host;
  const row = insertBackend({ type: "github", name: "Labs", url: emulator.apiRoot, credentialHostname: host, repository: "{owner}-{name}", organization: world.org, username: world.service.login, authToken: world.service.token, onDelete: "delete" });
  setAppliedBackend({ backendId: row.id });
  owner = await createUser({ input: { email: `crash-ext-${Date.now()}@example.test`, name: "Crash", password: "password1", role: "user" } });
  await createTokenConnection({ user: owner, provider: "github-enterprise", host, token: world.alice.token });
}, 60_000);

afterAll(async () => {
  setAppliedBackend({ backendId: null });
  process.env.BENCHTOP_INSECURE_HOSTS = saved;
  await emulator?.stop();
});

describe("an external creation cut off by a crash", () => {
  it("is removed at start, with the repository it made at the host", async () => {
    let started = false;
    // Never finishes: the state the server is in when killed after the repository was made.
    void createProject({
      input: { name: "cut-off", description: "" },
      owner,
      initialize: () => {
        started = true;
        return new Promise(() => {});
      },
    });
    await expect.poll(() => started, { timeout: 15_000 }).toBe(true);
    const fullName = `labs/${owner.handle}-cut-off`;
    expect(emulator.inspect.isDeleted(fullName)).toBe(false);

    await cleanUpAfterCrash({ startedAt: new Date() });
    expect(projectNameTaken({ ownerId: owner.id, name: "cut-off" })).toBe(false);
    // The host is not waited for at start: its deletion follows in the background.
    await expect.poll(() => emulator.inspect.isDeleted(fullName), { timeout: 15_000 }).toBe(true);
    expect(listRetiredRepositories().filter((r) => r.path === `${owner.handle}-cut-off`)).toEqual([]);
  });

  it("leaves alone a repository of the same name that the creation never recorded as made", async () => {
    emulator.seed.addRepo({ owner: "labs", name: `${owner.handle}-theirs`, private: true });
    const stale = insertProject({ ownerId: owner.id, name: "theirs", description: "", defaultBranch: "main", state: "creating", backend: "external", remoteName: `${owner.handle}-theirs` });
    await cleanUpAfterCrash({ startedAt: new Date() });
    expect(projectNameTaken({ ownerId: owner.id, name: stale.name })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.inspect.isDeleted(`labs/${owner.handle}-theirs`)).toBe(false);
  });
});
