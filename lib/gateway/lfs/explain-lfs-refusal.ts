// What a client of the gateway's LFS API is told when the host refuses: the
// host's own short words where it gave any, what they mean for this provider,
// and what to do. git-lfs prints these words as the server's.
import type { Repository } from "../../db";
import type { TokenType } from "../../hosts";
import type { CredentialSource } from "../../repositories";
import { explainRefusal, shortWords, type Refusal } from "../explain-refusal";
import { hostWords } from "./lfs-answers";

const isGitHub = (provider: Repository["provider"]) => provider === "github" || provider === "github-enterprise";
const isGitLab = (provider: Repository["provider"]) => provider === "gitlab" || provider === "gitlab-self-managed";

/** What the client was doing: reading objects or locks, or writing them. */
export type LfsIntent = "download" | "upload" | "read-locks" | "write-locks";

const writes = (intent: LfsIntent) => intent === "upload" || intent === "write-locks";

/** Where the credential came from, and so what the user can change: the repository's token, their connection (a token, or an app's authorization), or none. */
export type CredentialOrigin = { from: CredentialSource; tokenType?: TokenType };

function gitHubForbiddenHelp({ from, tokenType }: CredentialOrigin): string {
  const tokenNeeds = 'a fine-grained token needs this repository selected with the "Contents" permission (read and write to upload), a classic token the repo scope';
  if (from === "repository") return `The token stored for this repository must reach it: ${tokenNeeds}. Update the token on the Repositories page.`;
  if (from === "connection" && tokenType !== "oauth") return `The token of your connection to GitHub must reach this repository: ${tokenNeeds}. Update the connection under Settings → Connections.`;
  if (from === "connection") {
    return "GitHub serves Git LFS only when Benchtop's GitHub app is installed on the repository, even a public one. Install the app on this repository (on GitHub: Settings → Applications → the app → Configure, then add the repository), or ask an owner of the organization to approve it; then try again.";
  }
  return "GitHub asks for an account that may use this repository: connect your GitHub account under Settings → Connections (with Benchtop's GitHub app installed on the repository), or register the repository with a token.";
}

function forbiddenHelp(provider: Repository["provider"], credential: CredentialOrigin, intent: LfsIntent): string {
  if (isGitHub(provider)) return `${gitHubForbiddenHelp(credential)}${writes(intent) ? " Uploading and locking also need write access to the repository." : ""}`;
  if (isGitLab(provider)) {
    return "Git LFS must be enabled for the project (Settings → General → Visibility, project features, permissions → Git Large File Storage), and the account needs the Reporter role to download and the Developer role to upload or lock; a token needs the read_repository or api scope (write_repository to upload).";
  }
  return writes(intent) ? "Check that Git LFS is enabled for the repository and that the account may write to it." : "Check that Git LFS is enabled for the repository and that the account may read it.";
}

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
  credential: CredentialOrigin;
  upstreamText?: string;
}): Refusal {
  const said = shortWords(hostWords(upstreamText));
  const quoted = said ? ` (${host} said: "${said}")` : "";
  const label = isGitHub(provider) ? "GitHub" : isGitLab(provider) ? "GitLab" : host;
  if (status === 403) return { code: "lfs_refused", message: `${label} refused Git LFS for this repository${quoted}. ${forbiddenHelp(provider, credential, intent)}` };
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
