// A world for GitHub's organization access rules (org-access-state.ts), with
// apps of its own so that the contract's apps keep reaching everything:
//
// - `dana` (signs in with "password") belongs to `guarded`, which restricts
//   OAuth Apps and has not approved the world's OAuth App, and to `workshop`,
//   where the world's GitHub App is not installed and she has made her
//   membership public. She may push to the private guarded/forecasts and
//   workshop/pipelines; guarded/handbook is public.
// - The GitHub App is installed on `guarded` (all repositories) and on dana's
//   own account with no repository selected, so her private dana/notes stays
//   out of its reach until she edits the installation's repositories.
import type { GitHubEmulator } from "./github-emulator";
import { slugOf } from "./org-access-state";

export type GitHubAccessWorld = {
  user: { login: string; password: string };
  restrictedOrg: string;
  restrictedRepo: string;
  publicRepo: string;
  uninstalledOrg: string;
  uninstalledRepo: string;
  ownRepo: string;
  oauthApp: { clientId: string; clientSecret: string };
  githubApp: { clientId: string; clientSecret: string; slug: string };
  /** The GitHub App's installation on dana's own account. */
  ownInstallation: number;
  /** dana's tokens as each app would issue them, and a classic personal access token. */
  tokens: { oauthApp: string; githubApp: string; personal: string };
};

export function seedGitHubAccessWorld({ seed }: Pick<GitHubEmulator, "seed">): GitHubAccessWorld {
  const user = { login: "dana", password: "password" };
  seed.addUser({ login: user.login, name: "Dana Scully", password: user.password });
  seed.addOrg({ login: "guarded", members: [user.login] });
  seed.addOrg({ login: "workshop", members: [user.login] });
  seed.publicizeMembership({ org: "workshop", login: user.login });
  seed.addRepo({ owner: "guarded", name: "forecasts", private: true, collaborators: { dana: "push" } });
  seed.addRepo({ owner: "guarded", name: "handbook", description: "Public, readable by any app" });
  seed.addRepo({ owner: "workshop", name: "pipelines", private: true, collaborators: { dana: "push" } });
  seed.addRepo({ owner: "dana", name: "notes", private: true });
  seed.restrictOAuthApps({ org: "guarded" });
  const oauthApp = seed.addOAuthApp({ name: "Benchtop Guarded", kind: "oauth-app" });
  const githubApp = seed.addOAuthApp({ name: "Benchtop Workbench", kind: "github-app", contents: "write" });
  seed.installGitHubApp({ clientId: githubApp.clientId, account: "guarded" });
  const ownInstallation = seed.installGitHubApp({ clientId: githubApp.clientId, account: user.login, repositories: [] });
  return {
    user,
    restrictedOrg: "guarded",
    restrictedRepo: "guarded/forecasts",
    publicRepo: "guarded/handbook",
    uninstalledOrg: "workshop",
    uninstalledRepo: "workshop/pipelines",
    ownRepo: "dana/notes",
    oauthApp,
    githubApp: { ...githubApp, slug: slugOf({ name: "Benchtop Workbench" }) },
    ownInstallation,
    tokens: {
      oauthApp: seed.addToken({ login: user.login, scopes: ["repo", "read:user", "read:org"], issuedTo: oauthApp.clientId }),
      githubApp: seed.addToken({ login: user.login, scopes: null, issuedTo: githubApp.clientId }),
      personal: seed.addToken({ login: user.login, scopes: ["repo", "read:org"] }),
    },
  };
}
