// The data the adapter contract expects (lib/hosts/test-support/contract.ts),
// seeded into a GitLab emulator; also a ready-made world for OAuth tests.
import type { GitLabEmulator } from "./gitlab-emulator";
import { access } from "./model";

/** The tokens and projects of seedGitLabContract. */
export type GitLabContractSeed = {
  fullName: string;
  privateFullName: string;
  projectId: number;
  tokens: { admin: string; readOnly: string; bad: string; rateLimited: string; outsider: string; narrow: string; readUserOnly: string; expired: string; revoked: string; developer: string };
  /** The main user (Maintainer of the project through its group), who signs in on the OAuth page. */
  username: string;
  password: string;
  /** A registered OAuth application (scopes api, read_user, read_repository, write_repository; any http(s) redirect URI). */
  oauthApp: { clientId: string; clientSecret: string };
  /** A branch of `fullName` nobody may push to; pushes are refused in GitLab's words. */
  protectedBranch: string;
  /** A second project the main user may push to (their own, private), for listings. */
  secondFullName: string;
};

/**
 * What the adapter contract needs (lib/hosts/test-support/contract.ts), GitLab's
 * way: `{group}/{project}` (private) where alice is Maintainer through the group,
 * rita Reporter on the project, dev Developer with a read-only-scoped token;
 * `{group}/secret-models`, private, which otto (outsider) cannot see; `narrow`
 * (read_api only: it reaches the API but not git), `readUserOnly` (read_user:
 * the API refuses it with insufficient_scope), expired, revoked and rate-limited
 * tokens. For the OAuth flow: alice signs in with "password", an OAuth
 * application is registered, branch `protected` of the project refuses pushes,
 * and alice owns `alice/sandbox`.
 */
export function seedGitLabContract(emulator: GitLabEmulator, { group = "analytics", project = "forecast" }: { group?: string; project?: string } = {}): GitLabContractSeed {
  const password = "password";
  for (const username of ["alice", "rita", "otto", "nora", "dev"]) emulator.seedUser({ username, name: username[0]!.toUpperCase() + username.slice(1), password });
  emulator.seedGroup({ path: group, name: group[0]!.toUpperCase() + group.slice(1) });
  const seeded = emulator.seedProject({ namespace: group, path: project, description: "Seeded for the adapter contract" });
  const hidden = emulator.seedProject({ namespace: group, path: "secret-models" });
  emulator.addMember({ username: "alice", group, accessLevel: access.maintainer });
  emulator.addMember({ username: "rita", project: seeded.fullPath, accessLevel: access.reporter });
  emulator.addMember({ username: "nora", project: seeded.fullPath, accessLevel: access.developer });
  emulator.addMember({ username: "dev", project: seeded.fullPath, accessLevel: access.developer });
  emulator.addMember({ username: "rita", project: hidden.fullPath, accessLevel: access.reporter });
  const tokens = {
    admin: emulator.seedToken({ username: "alice", scopes: ["api"], expiresAt: "2099-12-31" }),
    readOnly: emulator.seedToken({ username: "rita", scopes: ["read_api", "read_repository"] }),
    bad: "glpat-not-a-token-0000",
    rateLimited: emulator.seedToken({ username: "alice", scopes: ["api"], rateLimited: true }),
    outsider: emulator.seedToken({ username: "otto", scopes: ["api"] }),
    narrow: emulator.seedToken({ username: "nora", scopes: ["read_api"] }),
    readUserOnly: emulator.seedToken({ username: "nora", scopes: ["read_user"] }),
    expired: emulator.seedToken({ username: "alice", scopes: ["api"], expiresAt: "2020-01-01" }),
    revoked: emulator.seedToken({ username: "alice", scopes: ["api"], revoked: true }),
    developer: emulator.seedToken({ username: "dev", scopes: ["read_api", "read_repository"] }),
  };
  emulator.protectBranch({ project: seeded.fullPath, branch: "protected" });
  const second = emulator.seedProject({ namespace: "alice", path: "sandbox", description: "A second project of alice's", branches: [] });
  // The scopes Benchtop's admin page tells administrators to tick (and api, which some grant instead).
  const oauthApp = emulator.seedOAuthApplication({ name: "Benchtop", scopes: ["api", "read_user", "read_api", "read_repository", "write_repository"] });
  return { fullName: seeded.fullPath, privateFullName: hidden.fullPath, projectId: seeded.id, tokens, username: "alice", password, oauthApp, protectedBranch: "protected", secondFullName: second.fullPath };
}
