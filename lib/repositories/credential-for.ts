import { connectionTokenFor } from "../connections/connection-token";
import type { Connection, Repository, User } from "../db";
import type { GitProvider, HostApp, TokenType } from "../hosts";
import type { ProjectRemote } from "../projects";
import { ownTokenOf } from "./credentials";

/** Where a git credential came from: the repository's own token, the actor's connection to its host, or nowhere. */
export type CredentialSource = "repository" | "connection" | null;

/**
 * The credential an actor uses for a git repository, with what a caller needs
 * around it: the token type and email (GitLab sends OAuth tokens differently;
 * a person's Bitbucket Cloud API token signs in with its account's email; see
 * tokenTypeOf), where it came from (for the words of a refusal), the app that
 * issued a connection's token (an organization that keeps it out is named with
 * the page to ask on), and the connection to mark for reconnecting when the
 * host refuses it.
 */
export type GitCredential =
  | { source: "repository"; token: string; tokenType: "personal"; email: null; app: null; connection: null }
  | { source: "connection"; token: string; tokenType: TokenType; email: string | null; app: HostApp | null; connection: Connection }
  | { source: null; token: null; tokenType: undefined; email: null; app: null; connection: null };

const NONE: GitCredential = { source: null, token: null, tokenType: undefined, email: null, app: null, connection: null };

/**
 * The one rule for which credential reaches a git host: the repository's own
 * token when there is one, else the actor's own connection to the repository's
 * host (of the same provider; renewed first when it is about to expire, which
 * throws connection_required when the user must connect again), else none.
 * `ownToken` is the token the caller may use: a stored repository's for its
 * owner only (see ownTokenFor), or the one typed into a form being tested.
 */
export async function credentialFor({ actor, provider, location, ownToken }: { actor: Pick<User, "id">; provider: GitProvider; location: string; ownToken: string | null }): Promise<GitCredential> {
  if (ownToken) return { source: "repository", token: ownToken, tokenType: "personal", email: null, app: null, connection: null };
  const connected = await connectionTokenFor({ user: actor, provider, location });
  return connected ? { source: "connection", ...connected } : NONE;
}

/**
 * The stored token of a repository that this actor may use: only the user who
 * registered it uses it. Anyone else (a member of a project linked to it) acts
 * at the host as themselves, through their own connection.
 */
export function ownTokenFor({ actor, repository }: { actor: Pick<User, "id">; repository: Pick<Repository, "id" | "ownerId" | "sealedCredentials"> }): string | null {
  return repository.ownerId === actor.id ? ownTokenOf(repository) : null;
}

/** credentialFor a stored repository (none for a bucket: its keys are not a git credential). */
export async function repositoryCredentialFor({ actor, repository }: { actor: Pick<User, "id">; repository: Repository }): Promise<GitCredential> {
  if (repository.provider === "s3") return NONE;
  return credentialFor({ actor, provider: repository.provider, location: repository.location, ownToken: ownTokenFor({ actor, repository }) });
}

/**
 * credentialFor a project's host repository: a linked repository's own rule
 * (its token for its owner, else the actor's connection); an organization's
 * repository (external backend) only ever through the actor's own connection:
 * the service account's token never reaches a user's git traffic.
 */
export async function remoteCredentialFor({ actor, remote }: { actor: Pick<User, "id">; remote: ProjectRemote }): Promise<GitCredential> {
  if (remote.kind === "linked") return repositoryCredentialFor({ actor, repository: remote.repository });
  return credentialFor({ actor, provider: remote.provider, location: remote.location, ownToken: null });
}
