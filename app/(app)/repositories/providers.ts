import type { GitProvider, Provider } from "@/lib/hosts/types";

/** The order of the provider choice under "Add repository". */
export const providerOrder: Provider[] = ["bitbucket-server", "github", "github-enterprise", "gitlab", "gitlab-self-managed", "bitbucket", "s3"];


/** Each provider's own words for the token field, and where that provider makes such a token (null where the address is the user's own host). */
export const tokenHints: Record<GitProvider, { text: string; href: string | null; linkText: string }> = {
  github: {
    text: 'Optional for a public repository. A fine-grained token with "Contents: Read and write" on this repository, or a classic token with the repo scope.',
    href: "https://github.com/settings/personal-access-tokens",
    linkText: "Create a token on GitHub",
  },
  "github-enterprise": {
    text: 'Required. A fine-grained token with "Contents: Read and write", or a classic token with the repo scope, made under Settings, Developer settings on your GitHub Enterprise server.',
    href: null,
    linkText: "",
  },
  gitlab: {
    text: "Optional for a public project. A personal, group or project access token with read_repository and write_repository (or api).",
    href: "https://gitlab.com/-/user_settings/personal_access_tokens",
    linkText: "Create a token on GitLab",
  },
  "gitlab-self-managed": {
    text: "Optional for a public project. A personal, group or project access token with read_repository and write_repository (or api), made under Preferences, Access tokens on your GitLab server.",
    href: null,
    linkText: "",
  },
  bitbucket: {
    text: "Optional for a public repository. A repository or workspace access token with Repositories: Read and Write.",
    href: "https://support.atlassian.com/bitbucket-cloud/docs/create-a-repository-access-token/",
    linkText: "How to create a Bitbucket access token",
  },
  "bitbucket-server": {
    text: "Required. An HTTP access token with repository write permission, made under Manage account, HTTP access tokens on your Bitbucket server.",
    href: "https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html",
    linkText: "How to create an HTTP access token",
  },
};

export const locationHint = "The repository's address as your browser shows it, or the URL its Clone button gives you.";

/** The form fields each kind of source has; the secret ones are never sent back to the browser. */
export const gitFields = ["name", "location", "token", "description"] as const;
export const bucketFields = ["name", "bucket", "accessKeyId", "secretAccessKey", "sessionToken", "region", "endpoint", "description"] as const;
export const secretFields = ["token", "secretAccessKey", "sessionToken"];
