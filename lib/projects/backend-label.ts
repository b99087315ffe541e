import type { Project } from "../db";
import { productNames } from "../hosts/labels";
import { remoteOf } from "./project-remote";

/**
 * Where a project's repository lives, as the project list, the project page and
 * the admin console say it: "Benchtop" (its own git server), "GitHub: labs"
 * (an organization of an external backend), "linked: owner/name" (a registered
 * repository); `host` is the git host for the last two; `description` is the
 * admin console's longer form, naming the backend. Never a credential.
 */
export type ProjectBackend = { label: string; description: string; host: string | null };

/** owner/name (or group/.../name) from a repository's web address, without contacting anything. */
function repositoryPathOf(location: string): { host: string; path: string } | null {
  try {
    const url = new URL(location);
    return { host: url.host, path: url.pathname.replace(/^\/+|\/+$/g, "").replace(/\.git$/i, "") };
  } catch {
    return null;
  }
}

export function backendOf(project: Pick<Project, "name" | "backend" | "repositoryId" | "vcsBackendId" | "remoteLocation">): ProjectBackend {
  if (project.backend === "internal") return { label: "Benchtop", description: "Benchtop's git server", host: null };
  let remote;
  try {
    remote = remoteOf(project);
  } catch {
    // A linked repository unregistered since, or an external project without its address: say so rather than fail the page.
    const label = project.backend === "remote" ? "linked: repository no longer registered" : "external: repository unknown";
    return { label, description: label, host: null };
  }
  if (!remote) return { label: "Benchtop", description: "Benchtop's git server", host: null };
  if (remote.kind === "external") {
    const { backend } = remote;
    return { label: `${productNames[remote.provider]}: ${backend.organization}`, description: `${backend.name} (${backend.organization})`, host: backend.credentialHostname };
  }
  const where = repositoryPathOf(remote.location);
  const label = `linked: ${where?.path ?? remote.location}`;
  return { label, description: `linked repository ${where?.path ?? remote.location}`, host: where?.host ?? null };
}
