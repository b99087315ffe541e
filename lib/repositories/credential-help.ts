import { connectionHostOfLocation } from "../connections";
import type { User } from "../db";
import type { ProjectRemote } from "../projects";
import { getOAuthAppCredentials } from "../oauth-apps";
import { isOAuthAppProvider, type OAuthAppProvider } from "../oauth-apps/providers";
import { ownTokenFor } from "./credential-for";

/**
 * What a session offers when the host refuses its credential (HTTP 401 through
 * the gateway): authorizing the app again, which comes back to this session, or
 * a page where the credential is fixed.
 */
export type CredentialHelp = { kind: "authorize"; provider: OAuthAppProvider; host: string; label: string } | { kind: "link"; href: string; label: string };

/**
 * What a session on a host repository offers when the host refuses the
 * credential, following the rule of remoteCredentialFor: a registered
 * repository's own token (used by its owner only) is fixed on the Repositories
 * page; otherwise the user's connection is renewed by authorizing the app again
 * (back to the session afterwards), or on the Connections page.
 */
export function credentialHelpFor({ actor, remote }: { actor: Pick<User, "id">; remote: ProjectRemote }): CredentialHelp {
  if (remote.repository && ownTokenFor({ actor, repository: remote.repository })) return { kind: "link", href: "/repositories", label: "Update the token" };
  const { provider, location } = remote;
  const host = connectionHostOfLocation({ provider, location });
  if (host && isOAuthAppProvider(provider) && getOAuthAppCredentials({ provider, host })) {
    return { kind: "authorize", provider, host, label: "Reconnect" };
  }
  return { kind: "link", href: "/settings/connections", label: "Connect your account" };
}
