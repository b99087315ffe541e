// External projects on GitLab (the emulator in this process): a collaborator's
// own account becomes a project member (Developer for editors, Reporter for
// viewers), changes with the role and goes on removal; one who has not connected
// waits and becomes a member when they connect; deleting archives or deletes the
// project in the group.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitLabEmulator, type GitLabEmulator } from "../../e2e/hosts/gitlab/gitlab-emulator";
import { seedGitLabGroupWorld, type GitLabGroupWorld } from "../../e2e/hosts/gitlab/org-seed";
import { createTokenConnection } from "../connections";
import type { User } from "../db";
import { loadProject } from "./access";
import { addCollaborator, changeCollaboratorRole, listCollaborators, removeCollaborator } from "./collaborators";
import { deleteProject } from "./delete-project";
import { grantHostAccessOnConnect } from "./grant-on-connect";
import { insertExternalProject, newTestUser, type EmulatedOrganization } from "./test-support/external-project";

const DEVELOPER = 30;
const REPORTER = 20;

let emulator: GitLabEmulator;
let world: GitLabGroupWorld;
let host: string;

const newUser = () => newTestUser("gl");
const connect = (user: User, token: string) => createTokenConnection({ user, provider: "gitlab-self-managed", host, token });
const site = (): EmulatedOrganization => ({ type: "gitlab", apiRoot: emulator.apiRoot, host, organization: world.group, service: { login: world.service.username, token: world.service.token } });

beforeAll(async () => {
  emulator = await startGitLabEmulator();
  world = seedGitLabGroupWorld(emulator);
  host = new URL(emulator.url).host;
  process.env.BENCHTOP_INSECURE_HOSTS = host;
}, 60_000);
afterAll(() => emulator?.stop());

describe("external projects on GitLab", () => {
  it("makes a collaborator's account a member, changes its level with the role, and removes it", async () => {
    const owner = await newUser();
    const ada = await newUser();
    await connect(ada, world.ada.token);
    const { project, fullName } = await insertExternalProject({ site: site(), owner });
    const access = loadProject({ id: project.id, user: owner });

    expect(await addCollaborator({ access, email: ada.email, role: "editor", actor: owner })).toMatchObject({ hostAccess: "granted" });
    expect(emulator.inspect.members(fullName).ada).toBe(DEVELOPER);
    await changeCollaboratorRole({ access, userId: ada.id, role: "viewer", actor: owner });
    expect(emulator.inspect.members(fullName).ada).toBe(REPORTER);
    await removeCollaborator({ access, userId: ada.id, actor: owner });
    expect(emulator.inspect.members(fullName).ada).toBeUndefined();
  });

  it("keeps a collaborator without a GitLab account connected waiting, and adds them when they connect", async () => {
    const owner = await newUser();
    const ben = await newUser();
    const { project, fullName } = await insertExternalProject({ site: site(), owner });
    const access = loadProject({ id: project.id, user: owner });
    expect(await addCollaborator({ access, email: ben.email, role: "editor", actor: owner })).toMatchObject({ hostAccess: "waiting" });
    expect(emulator.inspect.members(fullName).ben).toBeUndefined();

    expect(await grantHostAccessOnConnect({ user: ben, connection: await connect(ben, world.ben.token) })).toEqual({ granted: 1, failed: 0 });
    expect(emulator.inspect.members(fullName).ben).toBe(DEVELOPER);
    expect(listCollaborators({ access })[0]?.hostAccess).toBe("granted");
  });

  it("archives or deletes the project in the group as the backend says", async () => {
    const owner = await newUser();
    const archived = await insertExternalProject({ site: site(), owner, onDelete: "archive" });
    expect((await deleteProject({ access: loadProject({ id: archived.project.id, user: owner }), actor: owner })).hostRepository?.status).toBe("archived");
    expect(emulator.inspect.isArchived(archived.fullName)).toBe(true);
    const deleted = await insertExternalProject({ site: site(), owner, onDelete: "delete" });
    expect((await deleteProject({ access: loadProject({ id: deleted.project.id, user: owner }), actor: owner })).hostRepository?.status).toBe("deleted");
    expect(emulator.inspect.isDeleted(deleted.fullName)).toBe(true);
  });
});
