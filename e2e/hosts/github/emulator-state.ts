// What a GitHub emulator knows: accounts, repositories (bare git repositories
// on disk), tokens and redirects, and GitHub's rules for who may see and push.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureBranch, installProtectedBranchHook } from "../shared/protected-branch";
import { createEmptyBareRepo, listAllRefs, seedBareRepo } from "../shared/seed-repo";

export type Permission = "admin" | "maintain" | "push" | "triage" | "pull";

export type Account = {
  id: number;
  login: string;
  type: "User" | "Organization";
  name: string | null;
  /** An organization's owners (role "admin"): they administer every repository it owns. */
  admins: string[];
  /** An organization's other members (role "member"): no repository access of their own, but they may create repositories when `membersCanCreateRepos`. */
  members: string[];
  membersCanCreateRepos: boolean;
  createdAt: string;
  /** What the emulator's sign-in form takes (organizations cannot sign in). */
  password: string | null;
};

export type SeededRepo = {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
  description: string | null;
  defaultBranch: string;
  bare: string;
  /** Relative to the emulator's git root, e.g. "acme/models.git". */
  repoPath: string;
  collaborators: Record<string, Permission>;
  createdAt: string;
  /** Branches whose updates the pre-receive hook refuses (seed.protectBranch). */
  protectedBranches: string[];
  /** Archived: read-only, every push refused. */
  archived: boolean;
};

export type SeededToken = {
  value: string;
  login: string;
  /** Classic tokens' scopes (sent as X-OAuth-Scopes); null for fine-grained tokens, which report none. */
  scopes: string[] | null;
  expiresAt: Date | null;
  rateLimited: boolean;
  /** Fine-grained: the repositories selected (full names); null = all the account can reach. */
  repositories: string[] | null;
  /** Fine-grained: the "Contents" permission. */
  contents: "read" | "write";
  /** The client_id of the OAuth App or GitHub App that issued it through the OAuth flow; null for a personal access token. */
  issuedTo: string | null;
};

export type AddRepoOptions = {
  owner: string;
  name: string;
  private?: boolean;
  description?: string | null;
  files?: Record<string, string | Buffer>;
  branches?: string[];
  collaborators?: Record<string, Permission>;
};

export type AddTokenOptions = {
  login: string;
  token?: string;
  scopes?: string[] | null;
  expiresAt?: string | Date | null;
  rateLimited?: boolean;
  repositories?: string[] | null;
  contents?: "read" | "write";
  issuedTo?: string | null;
};

/**
 * A rule beyond roles and token scopes that hides a repository from a token
 * (an organization's OAuth App access restrictions, a GitHub App's
 * installations: org-access-state.ts); true to hide it.
 */
export type AccessGate = (repo: SeededRepo, token: SeededToken) => boolean;

const rank: Record<Permission, number> = { pull: 1, triage: 2, push: 3, maintain: 4, admin: 5 };
const key = (name: string) => name.toLowerCase();
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/** The emulator's world, one per emulator instance (nothing at module level). */
export function createEmulatorState({ gitRoot }: { gitRoot: string }) {
  let nextId = 1;
  const accounts = new Map<string, Account>();
  const repos = new Map<string, SeededRepo>();
  const tokens = new Map<string, SeededToken>();
  const redirects = new Map<string, string>();
  const deleted = new Set<string>();
  const gates: AccessGate[] = [];

  function addAccount(login: string, type: Account["type"], name: string | null, password: string | null, org: { admins?: string[]; members?: string[]; membersCanCreateRepos?: boolean } = {}): Account {
    const account: Account = { id: nextId++, login, type, name, admins: org.admins ?? [], members: org.members ?? [], membersCanCreateRepos: org.membersCanCreateRepos ?? true, createdAt: now(), password };
    accounts.set(key(login), account);
    return account;
  }

  /** Registers a repository whose bare repository exists at `repoPath`. */
  function registerRepo(owner: Account, name: string, repoPath: string, bare: string, options: { private?: boolean; description?: string | null; collaborators?: Record<string, Permission> }): SeededRepo {
    const repo: SeededRepo = {
      id: nextId++,
      owner: owner.login,
      name,
      fullName: `${owner.login}/${name}`,
      private: options.private ?? false,
      description: options.description ?? null,
      defaultBranch: "main",
      bare: path.resolve(bare),
      repoPath,
      collaborators: options.collaborators ?? {},
      createdAt: now(),
      protectedBranches: [],
      archived: false,
    };
    repos.set(key(repo.fullName), repo);
    deleted.delete(key(repo.fullName));
    return repo;
  }

  const seed = {
    /** A user; `password` (default "password") is only for the emulator's OAuth sign-in form. */
    addUser({ login, name = null, password = "password" }: { login: string; name?: string | null; password?: string }): Account {
      return addAccount(login, "User", name, password);
    },
    /**
     * An organization; its `admins` (owners) administer every repository it owns,
     * its `members` have role "member"; members may create repositories unless
     * `membersCanCreateRepos` is false (GitHub's default is true).
     */
    addOrg({ login, admins = [], members = [], membersCanCreateRepos = true }: { login: string; admins?: string[]; members?: string[]; membersCanCreateRepos?: boolean }): Account {
      return addAccount(login, "Organization", null, null, { admins, members, membersCanCreateRepos });
    },
    /** Makes a user an organization's admin or member (replacing any other role). */
    setOrgRole({ org, login, role }: { org: string; login: string; role: "admin" | "member" | null }): void {
      const account = accounts.get(key(org));
      if (account?.type !== "Organization") throw new Error(`seed the organization ${org} first`);
      account.admins = account.admins.filter((name) => key(name) !== key(login));
      account.members = account.members.filter((name) => key(name) !== key(login));
      if (role) (role === "admin" ? account.admins : account.members).push(login);
    },
    /** A repository with real git content (default: the contract's README.md and src/app.py on main, and a "feature" branch). */
    addRepo(options: AddRepoOptions): SeededRepo {
      const owner = accounts.get(key(options.owner));
      if (!owner) throw new Error(`seed the account ${options.owner} first`);
      const repoPath = `${owner.login}/${options.name}.git`;
      const bare = seedBareRepo({ root: gitRoot, repoPath, files: options.files, branches: options.branches });
      return registerRepo(owner, options.name, repoPath, bare, options);
    },
    /** A token; classic unless `scopes` is null (fine-grained). Returns its value. */
    addToken(options: AddTokenOptions): string {
      if (!accounts.get(key(options.login))) throw new Error(`seed the account ${options.login} first`);
      const fineGrained = options.scopes === null;
      const value = options.token ?? (fineGrained ? `github_pat_${crypto.randomBytes(30).toString("hex")}` : `ghp_${crypto.randomBytes(18).toString("hex")}`);
      tokens.set(value, {
        value,
        login: options.login,
        scopes: options.scopes === undefined ? ["repo", "read:user"] : options.scopes,
        expiresAt: options.expiresAt ? new Date(options.expiresAt) : null,
        rateLimited: options.rateLimited ?? false,
        repositories: options.repositories ?? null,
        contents: options.contents ?? "write",
        issuedTo: options.issuedTo ?? null,
      });
      return value;
    },
    /**
     * Protects a branch (created at the default branch when missing): every push
     * to it is refused by a pre-receive hook with GitHub's GH006 words.
     */
    protectBranch({ repo: fullName, branch }: { repo: string; branch: string }): void {
      const repo = repos.get(key(fullName));
      if (!repo) throw new Error(`seed the repository ${fullName} first`);
      ensureBranch({ bare: repo.bare, branch });
      if (!repo.protectedBranches.includes(branch)) repo.protectedBranches.push(branch);
      installProtectedBranchHook({
        bare: repo.bare,
        branches: repo.protectedBranches,
        refusal: (ref) => [`error: GH006: Protected branch update failed for ${ref}.`, "error: Changes must be made through a pull request."],
      });
    },
    /** A renamed repository: the old name answers 301 to the new one, as GitHub does. */
    addRedirect({ from, to }: { from: string; to: string }): void {
      redirects.set(key(from), to);
    },
  };

  /** A token that GitHub would accept now, or undefined. */
  function findToken(value: string): SeededToken | undefined {
    const token = tokens.get(value);
    if (!token || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) return undefined;
    return token;
  }

  /** "admin" or "member" in an organization, or null. */
  function orgRole(org: Account, login: string): "admin" | "member" | null {
    if (org.admins.some((name) => key(name) === key(login))) return "admin";
    return org.members.some((name) => key(name) === key(login)) ? "member" : null;
  }

  /** A repository created through the API: empty, or with one README commit when `autoInit`. */
  function createRepo({ owner, name, private: isPrivate, description, autoInit }: { owner: Account; name: string; private: boolean; description: string | null; autoInit: boolean }): SeededRepo {
    const repoPath = `${owner.login}/${name}.git`;
    const bare = autoInit ? seedBareRepo({ root: gitRoot, repoPath, files: { "README.md": `# ${name}\n` }, branches: [] }) : createEmptyBareRepo({ root: gitRoot, repoPath });
    return registerRepo(owner, name, repoPath, bare, { private: isPrivate, description });
  }

  /** Deletes a repository and its bare repository on disk. */
  function deleteRepo(repo: SeededRepo): void {
    repos.delete(key(repo.fullName));
    deleted.add(key(repo.fullName));
    fs.rmSync(repo.bare, { recursive: true, force: true });
  }

  /** What a test reads back: an organization's repositories, collaborators, archived or deleted, refs. */
  const inspect = {
    /** Full names of the repositories an account owns, in the order created. */
    listOwnedRepos: (owner: string) => [...repos.values()].filter((repo) => key(repo.owner) === key(owner)).map((repo) => repo.fullName),
    /** The direct collaborators and their permissions (organization admins are not listed here). */
    collaborators: (fullName: string) => ({ ...mustFind(fullName).collaborators }),
    isArchived: (fullName: string) => mustFind(fullName).archived,
    isDeleted: (fullName: string) => deleted.has(key(fullName)) && !repos.has(key(fullName)),
    isPrivate: (fullName: string) => mustFind(fullName).private,
    /** Every ref and its object, read with `git for-each-ref` on the bare repository. */
    refs: (fullName: string) => listAllRefs({ bare: mustFind(fullName).bare }),
  };

  function mustFind(fullName: string): SeededRepo {
    const repo = repos.get(key(fullName));
    if (!repo) throw new Error(`no repository ${fullName}${deleted.has(key(fullName)) ? " (deleted)" : ""}`);
    return repo;
  }

  /** The account's own role on the repository (owner, org admin, collaborator), ignoring the token. */
  function roleOf(repo: SeededRepo, login: string): Permission | null {
    if (key(repo.owner) === key(login)) return "admin";
    const owner = accounts.get(key(repo.owner));
    if (owner?.admins.some((admin) => key(admin) === key(login))) return "admin";
    const entry = Object.entries(repo.collaborators).find(([name]) => key(name) === key(login));
    return entry ? entry[1] : null;
  }

  /**
   * What a request may do with a repository: null when GitHub would answer 404
   * (private and out of reach, a token that does not cover it, or an access
   * gate that hides it from the token's app), else the
   * caller's permission (the role shown in `permissions`) and whether the token may write.
   */
  function accessTo(repo: SeededRepo, token: SeededToken | null): { permission: Permission | null; canWrite: boolean } | null {
    if (!token) return repo.private ? null : { permission: null, canWrite: false };
    if (gates.some((hides) => hides(repo, token))) return null;
    const role = roleOf(repo, token.login);
    const covered =
      token.scopes === null
        ? token.repositories === null || token.repositories.some((name) => key(name) === key(repo.fullName))
        : !repo.private || token.scopes.includes("repo");
    if (repo.private && (!role || !covered)) return null;
    const permission = role ?? "pull";
    const scopeWrites = token.scopes === null ? token.contents === "write" : token.scopes.includes("repo") || (!repo.private && token.scopes.includes("public_repo"));
    return { permission, canWrite: covered && scopeWrites && rank[permission] >= rank.push };
  }

  /** The account a sign-in form names (login or {login}@example.test) when the password is right. */
  function signIn({ login, password }: { login: string; password: string }): Account | null {
    const name = login.trim().toLowerCase().replace(/@example\.test$/, "");
    const account = accounts.get(name);
    return account && account.type === "User" && account.password !== null && account.password === password ? account : null;
  }

  return {
    seed,
    inspect,
    orgRole,
    createRepo,
    deleteRepo,
    findToken,
    accessTo,
    /** Adds a rule that hides repositories from some tokens (see AccessGate). */
    addAccessGate: (gate: AccessGate) => void gates.push(gate),
    roleOf,
    signIn,
    /** Every repository, in the order seeded. */
    listRepos: () => [...repos.values()],
    /** Every token, expired ones included (the OAuth endpoints revoke and expire them). */
    listTokens: () => [...tokens.values()],
    removeToken: (value: string) => tokens.delete(value),
    findRepo: (fullName: string) => repos.get(key(fullName)),
    findRepoById: (id: number) => [...repos.values()].find((repo) => repo.id === id),
    findAccount: (login: string) => accounts.get(key(login)),
    /** Every user and organization, in the order seeded. */
    listAccounts: () => [...accounts.values()],
    findRedirect: (fullName: string) => redirects.get(key(fullName)),
  };
}

export type EmulatorState = ReturnType<typeof createEmulatorState>;
export type EmulatorSeed = EmulatorState["seed"];
