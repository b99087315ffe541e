// For tests of external projects against a host emulator in the test's process:
// a backend row for the emulator's organization, and projects in it as creation
// leaves them (the repository made in the organization, then the row).
import { afterAll, beforeAll } from "vitest";
import { startGitHubEmulator, type GitHubEmulator } from "../../../e2e/hosts/github/github-emulator";
import { seedGitHubOrgWorld, type GitHubOrgWorld } from "../../../e2e/hosts/github/org-seed";
import { insertProject, type Project, type User, type VcsBackendRow } from "../../db";
import { createUser } from "../../users/create-user";
import { organizationHostOfRow } from "../../vcs";
import { insertBackend } from "../../vcs/active-backend";

let counter = 0;

export type EmulatedOrganization = { type: "github" | "gitlab"; apiRoot: string; host: string; organization: string; service: { login: string; token: string } };

export const insertEmulatedBackend = ({ type, apiRoot, host, organization, service }: EmulatedOrganization, onDelete: "delete" | "archive"): VcsBackendRow =>
  insertBackend({ type, name: `Labs on ${type === "github" ? "GitHub" : "GitLab"}`, url: apiRoot, credentialHostname: host, repository: "{owner}-{id}", organization, username: service.login, authToken: service.token, onDelete });

export async function insertExternalProject({ site, owner, onDelete = "archive" }: { site: EmulatedOrganization; owner: User; onDelete?: "delete" | "archive" }): Promise<{ project: Project; fullName: string }> {
  const backend = insertEmulatedBackend(site, onDelete);
  const name = `${owner.handle}-${++counter}`;
  const created = await organizationHostOfRow(backend).createRepository({ name, description: "" });
  const project = insertProject({ ownerId: owner.id, name, description: "", defaultBranch: "main", backend: "external", vcsBackendId: backend.id, remoteName: name, remoteLocation: created.webUrl, state: "ready" });
  return { project, fullName: created.fullName };
}

let users = 0;

/** A new user account for a test, its email tagged so that failures say which test made it. */
export const newTestUser = (tag: string, role: User["role"] = "user") =>
  createUser({ input: { email: `${tag}${++users}-${Date.now()}@example.test`, name: `${tag} ${users}`, password: "password1", role } });

/**
 * The GitHub emulator in the test's process with its organization seeded, its
 * loopback host allowed as an operator would; read the fields inside tests.
 */
export function withGitHubOrganization(): { emulator: GitHubEmulator; world: GitHubOrgWorld; host: string } {
  const scene = {} as { emulator: GitHubEmulator; world: GitHubOrgWorld; host: string };
  beforeAll(async () => {
    scene.emulator = await startGitHubEmulator();
    scene.world = seedGitHubOrgWorld(scene.emulator);
    scene.host = new URL(scene.emulator.url).host;
    process.env.BENCHTOP_INSECURE_HOSTS = scene.host;
  }, 60_000);
  afterAll(() => scene.emulator?.stop());
  return scene;
}
