// What a client of the gateway's LFS API is told when the host refuses: the
// host's own short words where it gave any, what they mean for this provider,
// and what to do. git-lfs prints these words as the server's.
import type { Repository } from "../../db";
import { lfsForbiddenHelp, type LfsCredentialOrigin } from "../../hosts";
import { explainRefusal, shortWords, type Refusal } from "../explain-refusal";
import { hostWords } from "./lfs-answers";

const isGitHub = (provider: Repository["provider"]) => provider === "github" || provider === "github-enterprise";
const isGitLab = (provider: Repository["provider"]) => provider === "gitlab" || provider === "gitlab-self-managed";

/** What the client was doing: reading objects or locks, or writing them. */
export type LfsIntent = "download" | "upload" | "read-locks" | "write-locks";

const writes = (intent: LfsIntent) => intent === "upload" || intent === "write-locks";

/**
 * The kind and words of a host's refusal of an LFS API request, or of its
 * answer. Credentials (401), redirects and missing repositories are worded as
 * for git; the rest says what Git LFS needs at this provider.
 */
export function explainLfsRefusal({
  status,
  host,
  provider,
  intent,
  credential,
  upstreamText = "",
}: {
  status: number;
  host: string;
  provider: Repository["provider"];
  intent: LfsIntent;
  credential: LfsCredentialOrigin;
  upstreamText?: string;
}): Refusal {
  const said = shortWords(hostWords(upstreamText));
  const quoted = said ? ` (${host} said: "${said}")` : "";
  const label = isGitHub(provider) ? "GitHub" : isGitLab(provider) ? "GitLab" : host;
  if (status === 403) return { code: "lfs_refused", message: `${label} refused Git LFS for this repository${quoted}. ${lfsForbiddenHelp({ provider, credential, writes: writes(intent) })}` };
  if (status === 404 && (intent === "read-locks" || intent === "write-locks")) {
    // git-lfs goes on with a push when the locks API answers 404: a host without file locking.
    return { code: "host_refused", message: `${host} does not offer Git LFS file locking for this repository${quoted}.` };
  }
  if (status === 404) {
    return {
      code: "repository_not_found",
      message: `${host} has no repository at this address that the credential can see, or Git LFS is not enabled for it${quoted}. Check the location on the Repositories page, and that Git LFS is turned on for the repository at ${label}.`,
    };
  }
  if (status === 413) return { code: "too_large", message: `${host} refused the files as too large${quoted}. Its limit for one Git LFS object is set by the host: keep the file smaller, or outside the repository.` };
  if (status === 422) return { code: "host_refused", message: `${host} refused the Git LFS request${quoted}. Check the files' sizes against the host's limit for one object, and try again.` };
  if (status === 429) return { code: "host_refused", message: `${host} is limiting how often it may be asked${quoted}. Wait a few minutes, then try again.` };
  const asForGit = explainRefusal({ status, host, provider, pushing: writes(intent), from: credential.from, upstreamText: said });
  if (asForGit) return asForGit;
  return { code: "host_refused", message: `${host} refused the Git LFS request (HTTP ${status})${quoted}. Try again; if it keeps failing, check the repository at ${host}.` };
}
