// For tests of external projects against a host emulator in the test's process:
// a backend row for the emulator's organization, and projects in it as creation
// leaves them (the repository made in the organization, then the row).
import { insertProject, type Project, type User, type VcsBackendRow } from "../../db";
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
