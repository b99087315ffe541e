import { lfsForbiddenHelp, type GitProvider } from "../hosts";
import { productNames } from "../hosts/labels";
import type { LfsRefusalWords } from "../lfs-objects";
import type { GitCredential } from "./credential-for";

/** What a copy's person does when its Git LFS objects could not all be had: copy again once the cause is fixed. */
export const LFS_COPY_RETRY = "copy it again";

/**
 * The words for a host that will not hand a copy its Git LFS files: the host's
 * own short words, what Git LFS needs at this provider for the credential the
 * copy used (GitHub's 403 when Benchtop's app is not installed on the
 * repository, a token without the right scope, GitLab with LFS off).
 */
export function lfsCopyRefusal({ name, provider, credential }: { name: string; provider: GitProvider; credential: Pick<GitCredential, "source" | "tokenType"> }): LfsRefusalWords {
  return ({ host, status, said }) => {
    const quoted = said && !/[<>]/.test(said) ? ` (${host} said: "${said}")` : "";
    const refused = `${productNames[provider]} at ${host} refused to hand out the Git LFS files of ${name}${quoted}.`;
    if (status === 403) return `${refused} ${lfsForbiddenHelp({ provider, credential: { from: credential.source, tokenType: credential.tokenType }, writes: false })}`;
    if (status === 401) return `${refused} The credential was not accepted (wrong, expired or revoked): update the repository's token on the Repositories page or reconnect under Settings → Connections, then ${LFS_COPY_RETRY}.`;
    if (status === 404) return `${refused} Git LFS may be turned off for the repository there: turn it on (or ask its owner to), then ${LFS_COPY_RETRY}.`;
    return `${refused} (HTTP ${status}) Try again later; if it keeps failing, check the repository's Git LFS at ${host}, then ${LFS_COPY_RETRY}.`;
  };
}
