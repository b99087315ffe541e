import { connectionHostOfLocation } from "../connections";
import type { Repository, User } from "../db";
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
 * What a session on a remote repository offers when the host refuses the
 * credential, following the rule of credentialFor: the repository's own token
 * (used by its owner only) is fixed on the Repositories page;
 * otherwise the user's connection is renewed by authorizing the app again
 * (back to the session afterwards), or on the Connections page.
 */
export function credentialHelpFor({ actor, repository }: { actor: Pick<User, "id">; repository: Repository }): CredentialHelp {
  if (ownTokenFor({ actor, repository })) return { kind: "link", href: "/repositories", label: "Update the token" };
  if (repository.provider === "s3") return { kind: "link", href: "/repositories", label: "Update the keys" };
  const host = connectionHostOfLocation({ provider: repository.provider, location: repository.location });
  const provider = repository.provider;
  if (host && isOAuthAppProvider(provider) && getOAuthAppCredentials({ provider, host })) {
    return { kind: "authorize", provider, host, label: "Reconnect" };
  }
  return { kind: "link", href: "/settings/connections", label: "Connect your account" };
}
