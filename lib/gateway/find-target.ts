import type { Project, Repository, User } from "../db";
import { listReachableLinkedProjects } from "../projects";
import { listRepositories } from "../repositories";
import { gitUrlOfLocation } from "../hosts/git-url";
import { requestMatchesGitUrl } from "./match-repository";
import type { GatewayRequest } from "./parse-gateway-path";

/** What the gateway may reach for a caller, and how. */
export type GatewayTarget = {
  repository: Repository;
  gitUrl: URL;
  /** The linked project the repository backs, when the caller reaches it as a project member (audited there). */
  project: Project | null;
  /** False for a project's viewers: they may clone and pull, never push. */
  mayPush: boolean;
};

/**
 * The git URL a request addresses, among those the caller may use: their own
 * registered repositories, and the repositories linked to projects they belong
 * to. The same URL reached both ways counts once, with the widest rights.
 */
export function findTarget({ request, user }: { request: Pick<GatewayRequest, "hostname" | "port" | "repoPath">; user: User }): GatewayTarget | null {
  const candidates = [
    ...listRepositories({ user }).map((repository) => ({ repository, project: null, mayPush: true })),
    ...listReachableLinkedProjects({ user }).map(({ project, repository, collaboratorRole }) => ({ repository, project, mayPush: collaboratorRole !== "viewer" })),
  ];
  let found = null as GatewayTarget | null;
  for (const candidate of candidates) {
    const text = gitUrlOfLocation(candidate.repository);
    const gitUrl = text && URL.canParse(text) ? new URL(text) : null;
    if (!gitUrl || !requestMatchesGitUrl(request, gitUrl)) continue;
    // The caller's own registration is listed first, so its stored token is the one used (repositoryCredentialFor).
    found = found ? { ...found, project: found.project ?? candidate.project, mayPush: found.mayPush || candidate.mayPush } : { ...candidate, gitUrl };
  }
  return found;
}
