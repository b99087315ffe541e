// Plain constants, safe to import in client components (no server modules here).
import type { GitProvider, Provider } from "./types";

/** Each provider's name as every screen and message shows it: the one label table. */
export const providerLabels: Record<Provider, string> = {
  github: "GitHub",
  "github-enterprise": "GitHub Enterprise",
  gitlab: "GitLab",
  "gitlab-self-managed": "GitLab self-managed",
  bitbucket: "Bitbucket Cloud",
  "bitbucket-server": "Bitbucket Server",
  s3: "S3",
};

/** The product behind each git provider, for messages about a host ("Connect again to GitLab at ..."). */
export const productNames: Record<GitProvider, string> = {
  github: "GitHub",
  "github-enterprise": "GitHub",
  gitlab: "GitLab",
  "gitlab-self-managed": "GitLab",
  bitbucket: "Bitbucket",
  "bitbucket-server": "Bitbucket",
};
