/** How the Version control page names each backend type. */
export const BACKEND_TYPE_LABELS: Record<string, string> = {
  github: "GitHub (github.com or GitHub Enterprise Server)",
  gitlab: "GitLab (gitlab.com or self-managed)",
  bitbucket: "Bitbucket Cloud",
  "bitbucket-server": "Bitbucket Server / Data Center",
};

/**
 * What each type calls the place repositories are created in, and the token it
 * needs; `username` and `archive` where the type differs from the usual
 * (an account's user name; the host's own archive).
 */
export const BACKEND_HELP: Record<string, { organization: string; url: string; host: string; token: string; username?: string; archive?: string }> = {
  github: {
    organization: "The GitHub organization repositories are created in.",
    url: "https://api.github.com for github.com; https://HOST/api/v3 for GitHub Enterprise Server.",
    host: "github.com, or your Enterprise host (host[:port]).",
    token:
      "A personal access token of an organization owner. Classic: scopes repo and read:org (admin:org also works), plus delete_repo if deleting a project deletes its repository. Fine-grained: the organization as owner, with Administration and Contents read and write on all repositories, and Members read.",
  },
  gitlab: {
    organization: "The group (or subgroup path, such as data/projects) projects are created in.",
    url: "https://gitlab.com/api/v4, or https://HOST/api/v4 for self-managed GitLab.",
    host: "gitlab.com, or your GitLab host (host[:port]).",
    token: "A personal access token of a group Owner with the api scope.",
  },
  bitbucket: {
    organization: "The workspace (its ID, as in bitbucket.org/WORKSPACE) repositories are created in.",
    url: "https://api.bitbucket.org/2.0.",
    host: "bitbucket.org, where members connect their own Bitbucket accounts (an API token with their Atlassian email).",
    username: "The Atlassian account email of a workspace owner (Bitbucket signs an API token in with the email).",
    token:
      "An API token of a workspace owner (Atlassian account settings, Security, Create API token with scopes, app Bitbucket) with the scopes read:user:bitbucket, read:workspace:bitbucket, admin:repository:bitbucket and write:repository:bitbucket, plus delete:repository:bitbucket if deleting a project deletes its repository.",
    archive:
      "Bitbucket Cloud cannot archive repositories: “archive” keeps the repository, withdraws every user's own permission on it (so only the workspace's administrators and groups keep access) and starts its description with “[Archived by Benchtop]”.",
  },
  "bitbucket-server": {
    organization: "The key of the project repositories are created in, such as LABS.",
    url: "https://HOST/rest/api/1.0 (the REST root of Bitbucket Server or Data Center).",
    host: "Your Bitbucket host (host[:port]).",
    token: "An HTTP access token of the account, which needs the Project admin permission on the project (Bitbucket 8.0 or newer to archive repositories).",
  },
};
