// What a person can do when a git host answers 403 to Git LFS: the same words
// for the gateway (a session's git lfs) and for Benchtop's own requests (a copy).
import type { Provider, TokenType } from "./types";

/** Where the credential came from, and so what the user can change: a repository's own token, their connection (a token, or an app's authorization), or none. */
export type LfsCredentialOrigin = { from: "repository" | "connection" | null; tokenType?: TokenType };

const isGitHub = (provider: Provider) => provider === "github" || provider === "github-enterprise";
const isGitLab = (provider: Provider) => provider === "gitlab" || provider === "gitlab-self-managed";

function gitHubForbiddenHelp({ from, tokenType }: LfsCredentialOrigin): string {
  const tokenNeeds = 'a fine-grained token needs this repository selected with the "Contents" permission (read and write to upload), a classic token the repo scope';
  if (from === "repository") return `The token stored for this repository must reach it: ${tokenNeeds}. Update the token on the Repositories page.`;
  if (from === "connection" && tokenType !== "oauth") return `The token of your connection to GitHub must reach this repository: ${tokenNeeds}. Update the connection under Settings → Connections.`;
  if (from === "connection") {
    return "GitHub serves Git LFS only when Benchtop's GitHub app is installed on the repository, even a public one. Install the app on this repository (on GitHub: Settings → Applications → the app → Configure, then add the repository), or ask an owner of the organization to approve it; then try again.";
  }
  return "GitHub asks for an account that may use this repository: connect your GitHub account under Settings → Connections (with Benchtop's GitHub app installed on the repository), or register the repository with a token.";
}

/** What Git LFS needs at this provider for a request it refused with 403 (`writes`: an upload or a lock). */
export function lfsForbiddenHelp({ provider, credential, writes }: { provider: Provider; credential: LfsCredentialOrigin; writes: boolean }): string {
  if (isGitHub(provider)) return `${gitHubForbiddenHelp(credential)}${writes ? " Uploading and locking also need write access to the repository." : ""}`;
  if (isGitLab(provider)) {
    return "Git LFS must be enabled for the project (Settings → General → Visibility, project features, permissions → Git Large File Storage), and the account needs the Reporter role to download and the Developer role to upload or lock; a token needs the read_repository or api scope (write_repository to upload).";
  }
  return writes ? "Check that Git LFS is enabled for the repository and that the account may write to it." : "Check that Git LFS is enabled for the repository and that the account may read it.";
}
