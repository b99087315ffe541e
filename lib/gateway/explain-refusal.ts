// What the browser's session shows when a git host refuses a request that went
// through the gateway: the host's own short words where it gave any, what
// they mean for this provider, and what to do. The session keeps its work in
// every case, and says so.
import type { Repository } from "../db";
import type { CredentialSource } from "../repositories";
import type { GatewayRefusalCode } from "../workspace/gateway-refusal";
import { organizationRefusal } from "./organization-refusal";

const KEPT = "Your work stays in this session and can be pushed afterwards.";

const isGitHub = (provider: Repository["provider"]) => provider === "github" || provider === "github-enterprise";
const isGitLab = (provider: Repository["provider"]) => provider === "gitlab" || provider === "gitlab-self-managed";

/** A host's plain-text refusal, cut to one short line; nothing that looks like markup. */
export function shortWords(text: string): string {
  const line = text
    .split("\n")
    .map((l) => l.replace(/^(remote:\s*)?(error:\s*)?/i, "").trim())
    .find(Boolean);
  if (!line || /[<>]/.test(line)) return "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function writeAccessHelp(provider: Repository["provider"], from: CredentialSource): string {
  if (isGitHub(provider)) {
    return from === "connection"
      ? 'Ask for write access to the repository, or make sure the GitHub app may write to it (repository permission "Contents: Read and write").'
      : 'The token may read but not write: a fine-grained token needs the "Contents: Read and write" permission on this repository, a classic token the repo scope. Update the token on the Repositories page.';
  }
  if (isGitLab(provider)) return "Pushing needs the Developer role on the project and a token with the write_repository (or api) scope.";
  return "Pushing needs write access to the repository for the account of the token.";
}

export type Refusal = { code: GatewayRefusalCode; message: string };

/**
 * The kind of a refusal the gateway passes back and its message, or null to
 * pass the host's answer on as it is.
 */
export function explainRefusal({
  status,
  host,
  provider,
  pushing,
  from,
  upstreamText = "",
}: {
  status: number;
  host: string;
  provider: Repository["provider"];
  pushing: boolean;
  from: CredentialSource;
  upstreamText?: string;
}): Refusal | null {
  const said = shortWords(upstreamText);
  const quoted = said ? ` (${host} said: "${said}")` : "";
  if (status >= 300 && status < 400) {
    return { code: "moved", message: `${host} says the repository has moved (it was probably renamed or transferred), and the gateway does not follow redirects. Change the repository's location to its new address on the Repositories page. ${KEPT}` };
  }
  if (status === 401) {
    if (from === "repository") return { code: "token_refused", message: `${host} refused the token stored for this repository (wrong, expired or revoked). Update the repository's token on the Repositories page. ${KEPT}` };
    if (from === "connection") return { code: "connection_refused", message: `${host} refused the token of your connection to it (revoked or expired). Reconnect, then try again. ${KEPT}` };
    return { code: "credential_required", message: `${host} asks for a credential. Connect your account at ${host} (Settings → Connections, or authorize the app), or add a token to a repository you registered. ${KEPT}` };
  }
  if (status === 403) {
    if (isGitHub(provider)) {
      const restricted = organizationRefusal({ host, pushing, upstreamText, kept: KEPT });
      if (restricted) return restricted;
    }
    if (pushing) return { code: "push_refused", message: `${host} refused the push${quoted}. ${writeAccessHelp(provider, from)} ${KEPT}` };
    return { code: "read_refused", message: `${host} refused access to the repository${quoted}. Check that the account of the token may read it. ${KEPT}` };
  }
  if (status === 404) {
    return {
      code: "repository_not_found",
      message: `${host} has no repository at this address that the credential can see${quoted}: it may have been deleted or renamed, or the token cannot reach it. Check the location on the Repositories page. ${KEPT}`,
    };
  }
  return null;
}
