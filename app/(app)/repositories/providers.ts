import type { Provider } from "@/lib/hosts/types";

/** The order of the provider choice under "Add repository". */
export const providerOrder: Provider[] = ["bitbucket-server", "github", "github-enterprise", "gitlab", "gitlab-self-managed", "bitbucket", "s3"];

/** Providers whose repositories cannot be read without a token. */
export const tokenRequired = (provider: Provider) => provider === "bitbucket-server" || provider === "github-enterprise";

export const tokenHint = "Optional for public GitHub and GitLab repositories; required for Bitbucket Server and GitHub Enterprise, and for any private repository.";

export const locationHint = "The repository's address as your browser shows it, or the URL its Clone button gives you.";

/** The form fields each kind of source has; the secret ones are never sent back to the browser. */
export const gitFields = ["name", "location", "token", "description"] as const;
export const bucketFields = ["name", "bucket", "accessKeyId", "secretAccessKey", "sessionToken", "region", "endpoint", "description"] as const;
export const secretFields = ["token", "secretAccessKey", "sessionToken"];
