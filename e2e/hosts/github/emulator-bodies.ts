// GitHub's answers, shaped from GitHub itself: recorded responses in
// @octokit/fixtures (repository, directory listing) and the examples in
// GitHub's OpenAPI description (branch, authenticated user), filled in with the
// emulator's seeded values. github-emulator.test.ts checks every one against
// the OpenAPI schemas.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Account, Permission, SeededRepo } from "./emulator-state";

const require = createRequire(import.meta.url);
export const readJson = (specifier: string): any => JSON.parse(fs.readFileSync(require.resolve(specifier), "utf8"));

/** The GitHub Enterprise Server description the emulator follows (its API lives under /api/v3). */
export const OPENAPI_DESCRIPTION = "@octokit/openapi/generated/ghes-3.19.json";

type Templates = { repository: any; contentEntry: any; branch: any; user: any };

function loadTemplates(): Templates {
  const fixture = (scenario: string) => readJson(`@octokit/fixtures/scenarios/api.github.com/${scenario}/normalized-fixture.json`) as { method: string; path: string; response: any }[];
  const repository = fixture("get-repository")[0]!.response;
  const contentEntry = fixture("get-content").find((call) => Array.isArray(call.response))!.response[0];
  const examples = readJson(OPENAPI_DESCRIPTION).components.examples;
  const branch = examples["short-branch-with-protection-items"].value[0];
  const user = examples["private-user"].value;
  return { repository, contentEntry, branch, user };
}

/** Where the emulator is: its web origin, API root and host (for clone and ssh URLs). */
export type Site = { url: string; apiRoot: string; host: string };

const fixtureOwner = "octokit-fixture-org";
const fixtureRepo = "hello-world";

/** Re-points a recorded body at the emulator and the seeded repository. */
export function retarget(value: unknown, site: Site, names: { owner: string; name: string }): any {
  if (typeof value === "string") {
    return value
      .replaceAll("https://api.github.com", site.apiRoot)
      .replaceAll("https://avatars.githubusercontent.com", `${site.url}/avatars`)
      .replaceAll("https://raw.githubusercontent.com", `${site.url}/raw`)
      .replaceAll("https://github.com", site.url)
      .replaceAll("git://github.com", `git://${site.host}`)
      .replaceAll("git@github.com:", `git@${site.host}:`)
      .replaceAll(`${fixtureOwner}/${fixtureRepo}`, `${names.owner}/${names.name}`)
      .replaceAll(fixtureOwner, names.owner);
  }
  if (Array.isArray(value)) return value.map((item) => retarget(item, site, names));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retarget(v, site, names)]));
  return value;
}

export const nodeId = (kind: string, id: number) => Buffer.from(`0${kind.length}:${kind}${id}`).toString("base64");

/** Builds bodies for one emulator; the templates are read once per emulator. */
export function createBodies(site: Site) {
  const templates = loadTemplates();

  function simpleUser(account: Account): any {
    const body = retarget(templates.repository.owner, site, { owner: account.login, name: "" });
    return { ...body, id: account.id, node_id: nodeId(account.type, account.id), avatar_url: `${site.url}/avatars/u/${account.id}?v=4`, type: account.type };
  }

  function permissionsFor(permission: Permission): Record<Permission, boolean> {
    const order: Permission[] = ["pull", "triage", "push", "maintain", "admin"];
    const at = order.indexOf(permission);
    return Object.fromEntries(order.map((name, i) => [name, i <= at])) as Record<Permission, boolean>;
  }

  return {
    simpleUser,
    permissionsFor,

    /** GET /repos/{owner}/{repo}: the recorded full repository; `permissions` only for an authenticated caller. */
    repository(repo: SeededRepo, owner: Account, permission: Permission | null): any {
      const body = retarget(templates.repository, site, { owner: repo.owner, name: repo.name });
      Object.assign(body, {
        id: repo.id,
        node_id: nodeId("Repository", repo.id),
        name: repo.name,
        full_name: repo.fullName,
        private: repo.private,
        visibility: repo.private ? "private" : "public",
        description: repo.description,
        default_branch: repo.defaultBranch,
        owner: simpleUser(owner),
        created_at: repo.createdAt,
        updated_at: repo.createdAt,
        pushed_at: repo.createdAt,
        topics: [],
        stargazers_count: 0,
        watchers_count: 0,
        watchers: 0,
        forks_count: 0,
        forks: 0,
        open_issues_count: 0,
        open_issues: 0,
        network_count: 0,
        subscribers_count: 0,
        // Added to GitHub's answer after the fixture was recorded (the schema check caught it).
        has_discussions: false,
        archived: repo.archived,
      });
      if (owner.type === "Organization") body.organization = simpleUser(owner);
      else delete body.organization;
      if (permission) body.permissions = permissionsFor(permission);
      else delete body.permissions;
      if (!permission || permission !== "admin") delete body.temp_clone_token;
      return body;
    },

    /** One item of GET /repos/{owner}/{repo}/branches. */
    branch(repo: SeededRepo, branch: { name: string; commit: string }): any {
      return {
        name: branch.name,
        commit: { sha: branch.commit, url: `${site.apiRoot}/repos/${repo.fullName}/commits/${branch.commit}` },
        protected: repo.protectedBranches.includes(branch.name),
        ...(templates.branch.protection_url ? { protection_url: `${site.apiRoot}/repos/${repo.fullName}/branches/${encodeURIComponent(branch.name)}/protection` } : {}),
      };
    },

    /** One entry of a directory listing (the recorded get-content item), or the base of a file answer. */
    contentEntry(repo: SeededRepo, ref: string, entry: { name: string; path: string; sha: string; size: number; type: "file" | "dir" | "submodule" }): any {
      const body = retarget(templates.contentEntry, site, { owner: repo.owner, name: repo.name });
      const self = `${site.apiRoot}/repos/${repo.fullName}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
      const git = `${site.apiRoot}/repos/${repo.fullName}/git/${entry.type === "dir" ? "trees" : "blobs"}/${entry.sha}`;
      const html = `${site.url}/${repo.fullName}/${entry.type === "dir" ? "tree" : "blob"}/${ref}/${entry.path}`;
      return {
        ...body,
        name: entry.name,
        path: entry.path,
        sha: entry.sha,
        size: entry.size,
        type: entry.type,
        url: self,
        html_url: html,
        git_url: git,
        download_url: entry.type === "file" ? `${site.url}/raw/${repo.fullName}/${ref}/${entry.path}` : null,
        _links: { self, git, html },
      };
    },

    /** A file's content answer: base64 in lines of 60 as GitHub sends it; over 1 MB, empty with encoding "none". */
    contentFile(entryBody: any, bytes: Buffer): any {
      if (bytes.length > 1024 * 1024) return { ...entryBody, content: "", encoding: "none" };
      const base64 = bytes.toString("base64").replace(/.{60}/g, "$&\n");
      return { ...entryBody, content: bytes.length ? `${base64}\n` : "", encoding: "base64" };
    },

    /** GET /user: the documented private-user example, as the seeded account. */
    user(account: Account): any {
      const base = retarget(templates.user, site, { owner: account.login, name: "" });
      const urls = Object.fromEntries(Object.entries(base).filter(([k, v]) => k.endsWith("_url") && typeof v === "string").map(([k, v]) => [k, (v as string).replaceAll("/octocat", `/${account.login}`)]));
      return {
        ...base,
        ...urls,
        ...simpleUser(account),
        name: account.name,
        company: null,
        blog: "",
        location: null,
        email: null,
        hireable: null,
        bio: null,
        twitter_username: null,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: account.createdAt,
        updated_at: account.createdAt,
      };
    },

    /** GitHub's error body: {"message","documentation_url","status"}. */
    error(status: number, message: string, documentation = "https://docs.github.com/enterprise-server@3.19/rest"): any {
      return { message, documentation_url: documentation, status: String(status) };
    },
  };
}

export type Bodies = ReturnType<typeof createBodies>;
