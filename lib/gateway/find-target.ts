import type { Project, User } from "../db";
import { listReachableHostedProjects, registeredRemote, type ProjectRemote } from "../projects";
import { listRepositories } from "../repositories";
import { gitUrlOfLocation } from "../hosts/git-url";
import { requestMatchesGitUrl } from "./match-repository";
import type { GatewayRequest } from "./parse-gateway-path";

/** What the gateway may reach for a caller, and how. */
export type GatewayTarget = {
  /** The repository at its host: a registered one (the caller's, or a linked project's), or an organization's (external backend). */
  remote: ProjectRemote;
  gitUrl: URL;
  /** The project the repository backs, when the caller reaches it as a project member (audited there). */
  project: Project | null;
  /** False for a project's viewers: they may clone and pull, never push. */
  mayPush: boolean;
};

/**
 * The git URL a request addresses, among those the caller may use: their own
 * registered repositories, the repositories linked to projects they belong to,
 * and their projects' repositories in the organization of an external backend.
 * The same URL reached several ways counts once, with the widest rights.
 */
export function findTarget({ request, user }: { request: Pick<GatewayRequest, "hostname" | "port" | "repoPath">; user: User }): GatewayTarget | null {
  const candidates = [
    ...listRepositories({ user }).flatMap((repository) => {
      const remote = registeredRemote(repository);
      return remote ? [{ remote, project: null, mayPush: true }] : [];
    }),
    ...listReachableHostedProjects({ user }).map(({ project, remote, collaboratorRole }) => ({ remote, project, mayPush: collaboratorRole !== "viewer" })),
  ];
  let found = null as GatewayTarget | null;
  for (const candidate of candidates) {
    const text = gitUrlOfLocation(candidate.remote);
    const gitUrl = text && URL.canParse(text) ? new URL(text) : null;
    if (!gitUrl || !requestMatchesGitUrl(request, gitUrl)) continue;
    // The caller's own registration is listed first, so its stored token is the one used (remoteCredentialFor).
    found = found ? { ...found, project: found.project ?? candidate.project, mayPush: found.mayPush || candidate.mayPush } : { ...candidate, gitUrl };
  }
  return found;
}
