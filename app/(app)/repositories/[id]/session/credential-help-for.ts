import type { CredentialHelp } from "@/app/(app)/projects/[id]/session/credential-help";
import { connectionHostOfLocation } from "@/lib/connections";
import type { Repository } from "@/lib/db";
import { getOAuthAppCredentials, isOAuthAppProvider } from "@/lib/oauth-apps";
import { ownTokenOf } from "@/lib/repositories";

/**
 * What a session on a remote repository offers when the host refuses the
 * credential: the repository's own token is fixed on the Repositories page;
 * otherwise the user's connection is renewed by authorizing the app again
 * (back to the session afterwards), or on the Connections page.
 */
export function credentialHelpFor(repository: Repository, { viewerOwnsRepository }: { viewerOwnsRepository: boolean }): CredentialHelp {
  if (viewerOwnsRepository && ownTokenOf(repository)) return { kind: "link", href: "/repositories", label: "Update the token" };
  if (repository.provider === "s3") return { kind: "link", href: "/repositories", label: "Update the keys" };
  const host = connectionHostOfLocation({ provider: repository.provider, location: repository.location });
  const provider = repository.provider;
  if (host && isOAuthAppProvider(provider) && getOAuthAppCredentials({ provider, host })) {
    return { kind: "authorize", provider, host, label: "Reconnect" };
  }
  return { kind: "link", href: "/settings/connections", label: "Connect your account" };
}
