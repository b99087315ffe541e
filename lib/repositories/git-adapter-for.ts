import { createGitAdapter } from "../hosts/create-adapter";
import type { GitHostAdapter, GitProvider } from "../hosts";
import type { GitCredential } from "./credential-for";

/** The host adapter for a git repository with the credential credentialFor chose (its token, how it is sent, and the app that issued it). */
export function gitAdapterFor({ provider, location, credential }: { provider: GitProvider; location: string; credential: GitCredential }): GitHostAdapter {
  return createGitAdapter({ provider, location, token: credential.token, tokenType: credential.tokenType, email: credential.email, app: credential.app });
}
