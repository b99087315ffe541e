import type { User } from "../db";
import type { GitProvider } from "../hosts";
import { getOAuthAppCredentials } from "../oauth-apps";
import { isOAuthAppProvider, type OAuthAppProvider } from "../oauth-apps/providers";
import { getActiveBackend, gitProviderOfBackend } from "../vcs";
import { hostConnectionOf } from "./host-access";

/**
 * Where the caller's next project goes, as the New project form shows it: on
 * Benchtop's git server, or in the organization of the external backend in
 * force, with whether the caller has connected their account at its host yet
 * and how they can (an OAuth app the admin registered there, else a token).
 */
export type NewProjectDestination =
  | { kind: "internal" }
  | {
      kind: "external";
      backendName: string;
      organization: string;
      host: string;
      provider: GitProvider;
      /** The caller's account at the host, or null until they connect. */
      login: string | null;
      /** The OAuth app to authorize, when the admin registered one for the host. */
      authorize: OAuthAppProvider | null;
    };

export function newProjectDestination({ user }: { user: Pick<User, "id"> }): NewProjectDestination {
  const { row } = getActiveBackend();
  if (!row) return { kind: "internal" };
  const provider = gitProviderOfBackend(row);
  const host = row.credentialHostname;
  return {
    kind: "external",
    backendName: row.name,
    organization: row.organization,
    host,
    provider,
    login: hostConnectionOf({ user, backend: row })?.login ?? null,
    authorize: isOAuthAppProvider(provider) && getOAuthAppCredentials({ provider, host }) ? provider : null,
  };
}
