import type { User } from "../db";
import type { TokenType } from "../hosts";
import { createGitAdapter } from "../hosts/create-adapter";
import type { ProjectRemote } from "../projects";
import { remoteCredentialFor, type CredentialSource } from "../repositories";

/**
 * The Authorization header injected for a repository, in its provider's
 * convention, from the credential remoteCredentialFor chooses (never
 * another user's connection, never an organization's service account).
 */
export async function authorizationFor({ user, remote }: { user: User; remote: ProjectRemote }): Promise<{ authorization: string | null; from: CredentialSource; tokenType?: TokenType; connectionId?: string }> {
  const credential = await remoteCredentialFor({ actor: user, remote });
  if (!credential.token) return { authorization: null, from: null };
  const adapter = createGitAdapter({ provider: remote.provider, location: remote.location, token: credential.token, tokenType: credential.tokenType, email: credential.email });
  return { authorization: adapter.gitAuthHeader(), from: credential.source, tokenType: credential.tokenType, connectionId: credential.connection?.id };
}
