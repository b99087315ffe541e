// The GitLab emulator's state: users, nested groups, projects, access tokens.

/** GitLab's access levels (AccessLevel in @gitbeaker/core). */
export const access = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 } as const;

export type EmulatorUser = {
  id: number;
  username: string;
  name: string;
  createdAt: string;
  /** What the emulator's OAuth sign-in form takes. */
  password: string;
};

export type EmulatorGroup = {
  id: number;
  path: string;
  /** "analytics/ml": groups nest. */
  fullPath: string;
  name: string;
  parentId: number | null;
  /** user id -> access level. */
  members: Map<number, number>;
  visibility: "public" | "internal" | "private";
  /** Who may create projects in it: GitLab's project_creation_level ("maintainer" by default). */
  projectCreationLevel: "noone" | "owner" | "maintainer" | "developer";
};

export type EmulatorNamespace = { kind: "group"; group: EmulatorGroup } | { kind: "user"; user: EmulatorUser };

export type EmulatorProject = {
  id: number;
  path: string;
  name: string;
  description: string | null;
  visibility: "public" | "internal" | "private";
  namespace: EmulatorNamespace;
  fullPath: string;
  /** The bare repository on disk. */
  bare: string;
  /** Direct members: user id -> access level. */
  members: Map<number, number>;
  creatorId: number;
  createdAt: string;
  /** Branches nobody may push to (protectBranch); a pre-receive hook enforces it. */
  protectedBranches: string[];
  /** Archived: read-only, every push refused. */
  archived: boolean;
};

export type EmulatorToken = {
  id: number;
  value: string;
  name: string;
  userId: number;
  scopes: string[];
  /** A date ("2030-01-31"), as GitLab keeps it, or null for no expiry. */
  expiresAt: string | null;
  revoked: boolean;
  /** Every request with this token is answered as GitLab answers when the limit is hit. */
  rateLimited: boolean;
  createdAt: string;
  /** Set for tokens issued through OAuth: the application's uid and the moment the token expires (7200 s after issue). */
  oauth?: { applicationUid: string; expiresAtMs: number };
};

export const namespaceFullPath = (ns: EmulatorNamespace) => (ns.kind === "group" ? ns.group.fullPath : ns.user.username);
