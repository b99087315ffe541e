// An organization for the external repository backend: a service account that
// owns it, a member, an outsider, and their tokens. Shared by github-org.test.ts
// and the backend's own tests.
import type { GitHubEmulator } from "./github-emulator";

export type GitHubOrgWorld = {
  org: string;
  /** The organization's administrator account (role "admin") that the backend acts as. */
  service: { login: string; token: string };
  /** Members (role "member") who connect their own accounts in Benchtop. */
  alice: { login: string; token: string };
  bob: { login: string; token: string };
  /** Not in the organization. */
  outsider: { login: string; token: string };
  /** The service account's token without "repo": it may not create repositories. */
  narrowService: string;
  /** An organization where members may not create repositories; alice is a member there. */
  lockedOrg: string;
};

/** Seeds organization `labs` (owner `svc-benchtop`; members alice and bob), `locked-labs` and their tokens. */
export function seedGitHubOrgWorld({ seed }: Pick<GitHubEmulator, "seed">): GitHubOrgWorld {
  for (const login of ["svc-benchtop", "alice", "bob", "mallory"]) seed.addUser({ login });
  seed.addOrg({ login: "labs", admins: ["svc-benchtop"], members: ["alice", "bob"] });
  seed.addOrg({ login: "locked-labs", admins: ["svc-benchtop"], members: ["alice"], membersCanCreateRepos: false });
  const user = (login: string) => ({ login, token: seed.addToken({ login, scopes: ["repo", "read:user"] }) });
  return {
    org: "labs",
    service: { login: "svc-benchtop", token: seed.addToken({ login: "svc-benchtop", scopes: ["repo", "read:org", "delete_repo"] }) },
    alice: user("alice"),
    bob: user("bob"),
    outsider: user("mallory"),
    narrowService: seed.addToken({ login: "svc-benchtop", scopes: ["read:org"] }),
    lockedOrg: "locked-labs",
  };
}
