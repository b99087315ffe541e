// GitHub's ways of keeping an app out of an organization, in the emulator:
//
// - OAuth App access restrictions ("About OAuth app access restrictions"): an
//   organization with them enabled keeps its private repositories from every
//   OAuth App's tokens until an owner approves that app (members ask on the
//   app's page under Settings, Applications; an owner grants access). Public
//   repositories stay readable. Personal access tokens and GitHub Apps are not
//   affected.
// - GitHub App installations: a GitHub App's user token reaches only what the
//   app's installations cover (an account's repositories, all or selected).
//   An app seeded without any installation reaches every repository its user
//   can, as the emulator always let it, so that older tests keep their world.
//
// The state here is changed by seeding, by the emulator's own pages (a member's
// request, a user editing their installation's repositories) and by the
// test-only controls (an owner's approval or installation).
import type { EmulatorState, SeededRepo, SeededToken } from "./emulator-state";
import type { GitHubOAuth, OAuthApp } from "./oauth-apps";

export type Installation = {
  id: number;
  clientId: string;
  /** The user or organization it is installed on. */
  account: string;
  /** "all" of the account's repositories, or the selected full names. */
  repositories: "all" | string[];
};

export type Refusal = { kind: "oauth-app" | "github-app"; organization: string };

const key = (name: string) => name.toLowerCase();

/** A GitHub App's slug: its name in lower case, words joined by "-" (as GitHub makes it). */
export const slugOf = (app: Pick<OAuthApp, "name">) => app.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export function createOrgAccess({ state, oauth }: { state: EmulatorState; oauth: GitHubOAuth }) {
  /** Organizations with OAuth App access restrictions: the apps approved and the ones members asked for. */
  const restricted = new Map<string, { approved: Set<string>; requested: Set<string> }>();
  const installations = new Map<number, Installation>();
  /** Memberships their members made public ("{org} {login}"): GET /users/{username}/orgs lists only these (GitHub's default is private). */
  const publicMemberships = new Set<string>();
  /** Installations members asked an owner for: "{clientId} {account}". */
  const installRequests = new Set<string>();
  let nextInstallation = 70_001;
  /** GitHub Apps' numeric ids, given in the order first asked for. */
  const appIds = new Map<string, number>();

  const installationsOf = (clientId: string) => [...installations.values()].filter((i) => i.clientId === clientId);
  const covers = (installation: Installation, repo: SeededRepo) =>
    key(installation.account) === key(repo.owner) && (installation.repositories === "all" || installation.repositories.some((name) => key(name) === key(repo.fullName)));

  /** Why a token's app may not see a repository, or null. Only private repositories are kept out. */
  function refusalFor(repo: SeededRepo, token: SeededToken): Refusal | null {
    if (!repo.private || !token.issuedTo) return null;
    const app = oauth.findApp(token.issuedTo);
    if (!app) return null;
    if (app.kind === "oauth-app") {
      const restriction = restricted.get(key(repo.owner));
      return restriction && !restriction.approved.has(app.clientId) ? { kind: "oauth-app", organization: repo.owner } : null;
    }
    const mine = installationsOf(app.clientId);
    return mine.length > 0 && !mine.some((i) => covers(i, repo)) ? { kind: "github-app", organization: repo.owner } : null;
  }

  state.addAccessGate((repo, token) => refusalFor(repo, token) !== null);

  function mustBeOrg(org: string) {
    const account = state.findAccount(org);
    if (account?.type !== "Organization") throw new Error(`no organization ${org}`);
    return account;
  }

  function mustBeApp(clientId: string, kind: OAuthApp["kind"]): OAuthApp {
    const app = oauth.findApp(clientId);
    if (!app || app.kind !== kind) throw new Error(`no ${kind} ${clientId}`);
    return app;
  }

  const seed = {
    /** Makes a member's membership of an organization public (Organization, People, Make public). */
    publicizeMembership({ org, login }: { org: string; login: string }): void {
      const account = mustBeOrg(org);
      if (!state.orgRole(account, login)) throw new Error(`${login} is not a member of ${org}`);
      publicMemberships.add(`${key(account.login)} ${key(login)}`);
    },
    /** Turns on the organization's OAuth App access restrictions (no app approved yet). */
    restrictOAuthApps({ org }: { org: string }): void {
      restricted.set(key(mustBeOrg(org).login), { approved: new Set(), requested: new Set() });
    },
    /** An owner grants an OAuth App access to the organization (Settings, OAuth app policy, Grant access). */
    approveOAuthApp({ org, clientId }: { org: string; clientId: string }): void {
      mustBeApp(clientId, "oauth-app");
      const restriction = restricted.get(key(mustBeOrg(org).login));
      if (!restriction) throw new Error(`${org} does not restrict OAuth Apps`);
      restriction.approved.add(clientId);
      restriction.requested.delete(clientId);
    },
    /** Installs a GitHub App on an account (for all of its repositories, or the named ones); returns the installation's id. */
    installGitHubApp({ clientId, account, repositories = "all" }: { clientId: string; account: string; repositories?: "all" | string[] }): number {
      mustBeApp(clientId, "github-app");
      const owner = state.findAccount(account);
      if (!owner) throw new Error(`no account ${account}`);
      const existing = installationsOf(clientId).find((i) => key(i.account) === key(owner.login));
      if (existing) {
        existing.repositories = repositories;
        return existing.id;
      }
      const installation: Installation = { id: nextInstallation++, clientId, account: owner.login, repositories };
      installations.set(installation.id, installation);
      installRequests.delete(`${clientId} ${key(owner.login)}`);
      return installation.id;
    },
  };

  return {
    seed,
    refusalFor,
    appIdOf(clientId: string): number {
      if (!appIds.has(clientId)) appIds.set(clientId, 900 + appIds.size + 1);
      return appIds.get(clientId)!;
    },
    /** Organizations restricting OAuth Apps, with whether `clientId` is approved and whether a member asked for it. */
    restrictions: (clientId: string) => [...restricted.entries()].map(([org, r]) => ({ org: state.findAccount(org)!.login, approved: r.approved.has(clientId), requested: r.requested.has(clientId) })),
    /** A member's Request access on the OAuth App's page: the owners are told; nothing changes until they approve. */
    requestOAuthApproval({ org, clientId }: { org: string; clientId: string }): boolean {
      const restriction = restricted.get(key(org));
      if (!restriction || restriction.approved.has(clientId)) return false;
      restriction.requested.add(clientId);
      return true;
    },
    /** A member's request to install a GitHub App on an organization they may not install it on. */
    requestInstallation({ clientId, account }: { clientId: string; account: string }): void {
      installRequests.add(`${clientId} ${key(account)}`);
    },
    isPublicMember: (org: string, login: string) => publicMemberships.has(`${key(org)} ${key(login)}`),
    installRequested: (clientId: string, account: string) => installRequests.has(`${clientId} ${key(account)}`),
    /** Whether the GitHub App has any installation (one seeded without any reaches everything). */
    hasInstallations: (clientId: string) => installationsOf(clientId).length > 0,
    isInstalledOn: (clientId: string, account: string) => installationsOf(clientId).some((i) => key(i.account) === key(account)),
    /** The installations a user can reach: on their own account, and on organizations they belong to. */
    installationsFor(clientId: string, login: string): Installation[] {
      return installationsOf(clientId).filter((i) => {
        if (key(i.account) === key(login)) return true;
        const org = state.findAccount(i.account);
        return org?.type === "Organization" && state.orgRole(org, login) !== null;
      });
    },
    findInstallation: (id: number) => installations.get(id),
    /** What the test controls read back: requests waiting for an owner. */
    pendingRequests: () => ({
      oauthApps: [...restricted.entries()].flatMap(([org, r]) => [...r.requested].map((clientId) => ({ org: state.findAccount(org)!.login, clientId }))),
      installations: [...installRequests].map((entry) => {
        const [clientId, account] = entry.split(" ");
        return { clientId: clientId!, account: state.findAccount(account!)?.login ?? account! };
      }),
    }),
  };
}

export type OrgAccess = ReturnType<typeof createOrgAccess>;
export type OrgAccessSeed = OrgAccess["seed"];
