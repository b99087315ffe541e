// Every kind of answer the GitHub emulator gives is checked against GitHub's own
// OpenAPI descriptions (Enterprise Server 3.19, which it imitates, and
// api.github.com): an emulator written only to fit the adapter would prove nothing.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigFile, type GitHubContractWorld, seedGitHubContractWorld } from "./contract-seed";
import { type GitHubEmulator, startGitHubEmulator } from "./github-emulator";
import { loadOpenApiValidator, type OpenApiValidator } from "./openapi-validator";

let emulator: GitHubEmulator;
let world: GitHubContractWorld;
let descriptions: OpenApiValidator[];

beforeAll(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubContractWorld(emulator);
  descriptions = [loadOpenApiValidator("ghes-3.19"), loadOpenApiValidator("api.github.com")];
}, 60_000);
afterAll(async () => emulator?.stop());

async function api(route: string, token?: string | null, accept = "application/vnd.github+json") {
  const res = await fetch(`${emulator.apiRoot}${route}`, { headers: { accept, ...(token ? { authorization: `token ${token}` } : {}) }, redirect: "manual" });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}

/** Asserts `data` fits the operation's documented answer (and, when named, a component schema) in every description. */
function expectDocumented(data: unknown, operation: [path: string, method: string, status: number], schema?: string) {
  for (const d of descriptions) {
    expect(d.checkResponse(...operation, data), `${d.name}: ${operation.join(" ")}`).toBeNull();
    if (schema) expect(d.checkSchema(schema, data), `${d.name}: ${schema}`).toBeNull();
  }
}

describe("GitHub emulator REST answers match GitHub's OpenAPI description", () => {
  it("the validator is not a rubber stamp", () => {
    for (const d of descriptions) {
      expect(d.checkSchema("short-branch", { name: "main", commit: { sha: "x" }, protected: false })).not.toBeNull();
      expect(d.checkSchema("content-file", { type: "file", name: "a", path: "a", sha: "s", size: 1, url: "http://x", git_url: null, html_url: null, download_url: null, _links: { git: null, html: null, self: "http://x" }, encoding: "base64" })).not.toBeNull();
      expect(d.checkResponse("/repos/{owner}/{repo}", "get", 200, { id: 1 })).not.toBeNull();
    }
  });

  it("GET /repos/{owner}/{repo}: full-repository, with permissions for a token", async () => {
    const { status, body, headers } = await api("/repos/acme/models", world.tokens.admin);
    expect(status).toBe(200);
    expectDocumented(body, ["/repos/{owner}/{repo}", "get", 200], "full-repository");
    expect(body).toMatchObject({ full_name: "acme/models", default_branch: "main", private: false, permissions: { admin: true, push: true, pull: true } });
    expect(body.clone_url).toBe(`${emulator.url}/acme/models.git`);
    expect(body.owner).toMatchObject({ login: "acme", type: "Organization" });
    expect(headers.get("x-oauth-scopes")).toBe("repo, read:org");
    expect(headers.get("github-authentication-token-expiration")).toBe("2030-12-01 10:00:00 UTC");

    const readOnly = await api("/repos/acme/models", world.tokens.readOnly);
    expectDocumented(readOnly.body, ["/repos/{owner}/{repo}", "get", 200], "full-repository");
    expect(readOnly.body.permissions).toMatchObject({ push: false, pull: true });
    expect(readOnly.headers.get("x-oauth-scopes")).toBeNull();

    const anonymous = await api("/repos/acme/models");
    expectDocumented(anonymous.body, ["/repos/{owner}/{repo}", "get", 200], "full-repository");
    expect(anonymous.body.permissions).toBeUndefined();

    const secret = await api("/repos/acme/secret", world.tokens.admin);
    expectDocumented(secret.body, ["/repos/{owner}/{repo}", "get", 200], "full-repository");
    expect(secret.body).toMatchObject({ private: true, visibility: "private" });
  });

  it("GET /repos/{owner}/{repo}/branches: short-branch items, paginated with Link", async () => {
    const { status, body } = await api("/repos/acme/models/branches", world.tokens.admin);
    expect(status).toBe(200);
    expectDocumented(body, ["/repos/{owner}/{repo}/branches", "get", 200]);
    for (const d of descriptions) for (const branch of body) expect(d.checkSchema("short-branch", branch)).toBeNull();
    expect(body.map((b: any) => b.name)).toEqual(["feature", "main", "protected"]);
    const first = await api("/repos/acme/models/branches?per_page=1", world.tokens.admin);
    expect(first.body).toHaveLength(1);
    expect(first.headers.get("link")).toMatch(/rel="next"/);
  });

  it("GET /repos/{owner}/{repo}/contents/{path}: content-directory and content-file", async () => {
    const root = await api("/repos/acme/models/contents/", world.tokens.admin);
    expectDocumented(root.body, ["/repos/{owner}/{repo}/contents/{path}", "get", 200], "content-directory");
    expect(root.body.map((e: any) => [e.path, e.type])).toEqual(expect.arrayContaining([["README.md", "file"], ["src", "dir"]]));

    const folder = await api("/repos/acme/models/contents/src?ref=feature", world.tokens.admin);
    expectDocumented(folder.body, ["/repos/{owner}/{repo}/contents/{path}", "get", 200], "content-directory");

    const file = await api("/repos/acme/models/contents/src%2Fapp.py?ref=main", world.tokens.admin);
    expectDocumented(file.body, ["/repos/{owner}/{repo}/contents/{path}", "get", 200], "content-file");
    expect(Buffer.from(file.body.content, "base64").toString()).toBe("print('hello')\n");

    const big = await api("/repos/octocat/datasets/contents/data/big.bin", world.tokens.admin);
    expectDocumented(big.body, ["/repos/{owner}/{repo}/contents/{path}", "get", 200], "content-file");
    expect(big.body).toMatchObject({ encoding: "none", content: "", size: world.largeFileSize });
    const raw = await fetch(`${emulator.apiRoot}/repos/octocat/datasets/contents/data/big.bin`, { headers: { accept: "application/vnd.github.raw", authorization: `token ${world.tokens.admin}` } });
    expect(Buffer.from(await raw.arrayBuffer()).equals(bigFile(world.largeFileSize))).toBe(true);

    const empty = await api("/repos/octocat/datasets/contents/empty.txt", world.tokens.admin);
    expectDocumented(empty.body, ["/repos/{owner}/{repo}/contents/{path}", "get", 200], "content-file");
  });

  it("GET /user: the authenticated private-user", async () => {
    const { status, body } = await api("/user", world.tokens.admin);
    expect(status).toBe(200);
    expectDocumented(body, ["/user", "get", 200], "private-user");
    expect(body).toMatchObject({ login: "octocat", type: "User", name: "Mona Octocat" });
  });

  it("errors: basic-error bodies with GitHub's messages and headers", async () => {
    const bad = await api("/repos/acme/models", world.tokens.bad);
    expect(bad.status).toBe(401);
    expect(bad.body.message).toBe("Bad credentials");
    expectDocumented(bad.body, ["/user", "get", 401], "basic-error");

    const anonymousUser = await api("/user");
    expect(anonymousUser.status).toBe(401);
    expectDocumented(anonymousUser.body, ["/user", "get", 401], "basic-error");

    for (const [route, token] of [
      ["/repos/acme/nope", world.tokens.admin],
      ["/repos/acme/secret", world.tokens.outsider],
      ["/repos/acme/secret", world.tokens.narrow],
      ["/repos/acme/secret", null],
    ] as const) {
      const missing = await api(route, token);
      expect(missing.status, route).toBe(404);
      expect(missing.body.message).toBe("Not Found");
      expectDocumented(missing.body, ["/repos/{owner}/{repo}", "get", 404], "basic-error");
    }
    const noRef = await api("/repos/acme/models/contents/README.md?ref=nope", world.tokens.admin);
    expect(noRef.status).toBe(404);
    expectDocumented(noRef.body, ["/repos/{owner}/{repo}/contents/{path}", "get", 404], "basic-error");

    const limited = await api("/repos/acme/models", world.tokens.rateLimited);
    expect(limited.status).toBe(403);
    expect(limited.body.message).toMatch(/^API rate limit exceeded/);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expectDocumented(limited.body, ["/repos/{owner}/{repo}", "get", 403], "basic-error");

    const moved = await api("/repos/acme/old-models", world.tokens.admin);
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toMatch(/\/repositories\/\d+$/);
    expectDocumented(moved.body, ["/repos/{owner}/{repo}", "get", 301], "basic-error");
    const target = await api(new URL(moved.headers.get("location")!).pathname.replace(/^\/api\/v3/, ""), world.tokens.admin);
    expect(target.body.full_name).toBe("acme/models");
  });
});

describe("GitHub emulator git smart HTTP", () => {
  const gitEnv = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.test", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.test" } as unknown as NodeJS.ProcessEnv;
  const basic = (user: string, token: string) => `Authorization: Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`;
  // Asynchronous: the emulator answers from this process's event loop.
  const git = async (args: string[], header?: string, cwd?: string) => (await promisify(execFile)("git", [...(header ? ["-c", `http.extraHeader=${header}`] : []), ...args], { cwd, env: gitEnv, encoding: "utf8" })).stdout;
  const dirs: string[] = [];
  const tmp = () => dirs[dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), "github-emulator-git-"))) - 1]!;
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("clones with x-access-token or any user name and the token; anonymous for public repositories", async () => {
    for (const header of [basic("x-access-token", world.tokens.admin), basic("someone", world.tokens.readOnly), undefined]) {
      const dir = path.join(tmp(), "clone");
      await git(["clone", "-q", `${emulator.url}/acme/models.git`, dir], header);
      expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# Seeded\n");
    }
  });

  it("asks for credentials with WWW-Authenticate: Basic realm=\"GitHub\"", async () => {
    const res = await fetch(`${emulator.url}/acme/secret.git/info/refs?service=git-upload-pack`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Basic realm="GitHub"');
    const bad = await fetch(`${emulator.url}/acme/models.git/info/refs?service=git-upload-pack`, { headers: { authorization: basic("x", world.tokens.bad).slice("Authorization: ".length) } });
    expect(bad.status).toBe(401);
    const outsider = await fetch(`${emulator.url}/acme/secret.git/info/refs?service=git-upload-pack`, { headers: { authorization: basic("x", world.tokens.outsider).slice("Authorization: ".length) } });
    expect(outsider.status).toBe(404);
  });

  it("lets a token with push access push, refuses a read-only token with 403", async () => {
    const dir = path.join(tmp(), "clone");
    await git(["clone", "-q", `${emulator.url}/acme/models.git`, dir], basic("x-access-token", world.tokens.admin));
    fs.writeFileSync(path.join(dir, "new.txt"), "new\n");
    await git(["add", "new.txt"], undefined, dir);
    await git(["commit", "-q", "-m", "Add new.txt"], undefined, dir);
    await expect(git(["push", "-q", "origin", "HEAD:refs/heads/pushed"], basic("x-access-token", world.tokens.readOnly), dir)).rejects.toThrow(/403|denied/);
    await expect(git(["push", "-q", "origin", "HEAD:refs/heads/pushed"], basic("x-access-token", world.tokens.publicOnly), dir)).resolves.toBeDefined();
    await git(["push", "-q", "origin", "HEAD:refs/heads/pushed-admin"], basic("x-access-token", world.tokens.admin), dir);
    expect(await git(["ls-remote", `${emulator.url}/acme/models.git`, "refs/heads/pushed-admin"], basic("x-access-token", world.tokens.admin))).toMatch(/^[0-9a-f]{40}\trefs\/heads\/pushed-admin/);
  });
});
