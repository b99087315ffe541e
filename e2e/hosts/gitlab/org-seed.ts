// A group for the external repository backend: a service account that owns it,
// users who are not members (they get project memberships one by one), and
// their tokens. Shared by gitlab-group.test.ts and the backend's own tests.
import type { GitLabEmulator } from "./gitlab-emulator";
import { access } from "./model";

type Account = { id: number; username: string; token: string };

export type GitLabGroupWorld = {
  /** Full path of the group the backend keeps repositories in ("labs"), and its id. */
  group: string;
  groupId: number;
  /** Owner (access level 50) of the group. */
  service: Account;
  /** Users with no membership of the group (named apart from the contract seed's users, so that both fit in one emulator). */
  ada: Account;
  ben: Account;
  /** A Developer of the group: not an administrator, and may not create projects (creation level: maintainer). */
  developer: Account;
  /** A subgroup ("labs/nested") the service account owns through its parent. */
  subgroup: string;
};

/** Seeds group `labs` (owner `svc-benchtop`, developer `dan`), subgroup labs/nested, users ada and ben, and "api" tokens for each. */
export function seedGitLabGroupWorld(emulator: GitLabEmulator): GitLabGroupWorld {
  const account = (username: string): Account => {
    const user = emulator.seedUser({ username, name: username[0]!.toUpperCase() + username.slice(1) });
    return { id: user.id, username, token: emulator.seedToken({ username, scopes: ["api"] }) };
  };
  const service = account("svc-benchtop");
  const [ada, ben, developer] = [account("ada"), account("ben"), account("dan")];
  const group = emulator.seedGroup({ path: "labs", name: "Labs" });
  emulator.seedGroup({ path: "labs/nested", name: "Nested" });
  emulator.addMember({ username: service.username, group: "labs", accessLevel: access.owner });
  emulator.addMember({ username: developer.username, group: "labs", accessLevel: access.developer });
  return { group: "labs", groupId: group.id, service, ada, ben, developer, subgroup: "labs/nested" };
}
