// The emulator is checked against GitLab's response types as @gitbeaker/core
// publishes them: its answer builders are typed with them (answers.ts, checked
// by tsc), every kind of HTTP answer is parsed with the strict mirrors in
// gitbeaker-mirrors.ts, and the mirrors are compared with the declarations.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { branchMirror, currentUserMirror, fileMirror, mirrors, projectMirror, tokenMirror, treeEntryMirror } from "./gitbeaker-mirrors";
import { access, seedGitLabContract, startGitLabEmulator, type GitLabContractSeed, type GitLabEmulator } from "./gitlab-emulator";

let emulator: GitLabEmulator;
let seed: GitLabContractSeed;
let encoded: string;

beforeAll(async () => {
  emulator = await startGitLabEmulator();
  seed = seedGitLabContract(emulator);
  encoded = encodeURIComponent(seed.fullName);
  emulator.seedUser({ username: "pat" });
  emulator.seedProject({ namespace: "pat", path: "notebook", visibility: "public" });
}, 60_000);
afterAll(() => emulator?.stop());

const get = (pathAndQuery: string, headers: Record<string, string> = {}) => fetch(`${emulator.apiRoot}${pathAndQuery}`, { headers });
const as = (token: string) => ({ "PRIVATE-TOKEN": token });

describe("answers match @gitbeaker/core's response types", () => {
  it("projects, by numeric id and by URL-encoded path, with and without a caller", async () => {
    const byPath = await get(`/projects/${encoded}`, as(seed.tokens.admin));
    expect(byPath.status).toBe(200);
    expect(byPath.headers.get("content-type")).toMatch(/^application\/json/);
    const project = projectMirror.parse(await byPath.json());
    expect(project).toMatchObject({ path_with_namespace: seed.fullName, default_branch: "main", visibility: "private", http_url_to_repo: `${emulator.url}/${seed.fullName}.git`, web_url: `${emulator.url}/${seed.fullName}` });
    // Maintainer through the group, no direct membership.
    expect(project.permissions).toEqual({ project_access: null, group_access: { access_level: access.maintainer, notification_level: 3 } });
    expect(project.namespace).toMatchObject({ kind: "group", full_path: "analytics" });
    expect(project.owner).toBeUndefined();
    const byId = projectMirror.parse(await (await get(`/projects/${seed.projectId}`, as(seed.tokens.readOnly))).json());
    expect(byId.permissions).toEqual({ project_access: { access_level: access.reporter, notification_level: 3 }, group_access: null });
    const anonymous = projectMirror.parse(await (await get(`/projects/${encodeURIComponent("pat/notebook")}`)).json());
    expect(anonymous.permissions).toBeUndefined();
    expect(anonymous.owner).toMatchObject({ name: "pat" });
    expect(anonymous.namespace.kind).toBe("user");
  });

  it("branches, listed and one by one", async () => {
    const response = await get(`/projects/${encoded}/repository/branches`, as(seed.tokens.admin));
    const branches = z.array(branchMirror).parse(await response.json());
    expect(branches.map((b) => b.name)).toEqual(["feature", "main", "protected"]);
    // Protected with protectBranch: nobody may push, not even a Maintainer.
    expect(branches.find((b) => b.name === "protected")).toMatchObject({ protected: true, default: false, can_push: false });
    const main = branches.find((b) => b.name === "main")!;
    expect(main).toMatchObject({ default: true, protected: true, can_push: true });
    expect(main.commit.id).toMatch(/^[0-9a-f]{40}$/);
    expect(branchMirror.parse(await (await get(`/projects/${encoded}/repository/branches/feature`, as(seed.tokens.readOnly))).json())).toMatchObject({ name: "feature", can_push: false, merged: false });
  });

  it("the repository tree: top, a folder, recursive, at a ref", async () => {
    const top = z.array(treeEntryMirror).parse(await (await get(`/projects/${encoded}/repository/tree`, as(seed.tokens.admin))).json());
    expect(top.map((e) => [e.path, e.type])).toEqual([["src", "tree"], ["README.md", "blob"]]);
    const folder = z.array(treeEntryMirror).parse(await (await get(`/projects/${encoded}/repository/tree?path=src&ref=main`, as(seed.tokens.admin))).json());
    expect(folder).toEqual([expect.objectContaining({ name: "app.py", path: "src/app.py", type: "blob", mode: "100644" })]);
    const all = z.array(treeEntryMirror).parse(await (await get(`/projects/${encoded}/repository/tree?recursive=true&ref=feature`, as(seed.tokens.admin))).json());
    expect(all.map((e) => e.path).sort()).toEqual(["README.md", "feature.txt", "src", "src/app.py"]);
  });

  it("files, as JSON with base64 content and raw", async () => {
    const json = await get(`/projects/${encoded}/repository/files/${encodeURIComponent("src/app.py")}?ref=main`, as(seed.tokens.admin));
    const file = fileMirror.parse(await json.json());
    expect(file).toMatchObject({ file_name: "app.py", file_path: "src/app.py", encoding: "base64", ref: "main", size: 15 });
    expect(Buffer.from(file.content, "base64").toString()).toBe("print('hello')\n");
    expect(json.headers.get("x-gitlab-blob-id")).toBe(file.blob_id);
    const raw = await get(`/projects/${encoded}/repository/files/README.md/raw`, as(seed.tokens.admin));
    expect(raw.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await raw.text()).toBe("# Seeded\n");
  });

  it("the token's own record and its account", async () => {
    const token = tokenMirror.parse(await (await get("/personal_access_tokens/self", as(seed.tokens.admin))).json());
    expect(token).toMatchObject({ scopes: ["api"], expires_at: "2099-12-31", active: true, revoked: false });
    expect(token).not.toHaveProperty("token");
    expect(tokenMirror.parse(await (await get("/personal_access_tokens/self", as(seed.tokens.readUserOnly))).json()).scopes).toEqual(["read_user"]);
    expect(tokenMirror.parse(await (await get("/personal_access_tokens/self", as(seed.tokens.readOnly))).json()).expires_at).toBeNull();
    expect(currentUserMirror.parse(await (await get("/user", as(seed.tokens.admin))).json())).toMatchObject({ username: "alice" });
  });
});

describe("authentication and refusals, in GitLab's words", () => {
  it("takes the token as PRIVATE-TOKEN, Bearer or ?private_token=", async () => {
    expect((await get(`/projects/${encoded}`, { authorization: `Bearer ${seed.tokens.admin}` })).status).toBe(200);
    expect((await get(`/projects/${encoded}?private_token=${seed.tokens.admin}`)).status).toBe(200);
    expect(emulator.requests.slice(-2).map((r) => r.auth)).toEqual(["bearer", "query"]);
  });

  it("401 for unknown, expired and revoked tokens", async () => {
    const unknown = await get(`/projects/${encoded}`, as(seed.tokens.bad));
    expect([unknown.status, await unknown.json()]).toEqual([401, { message: "401 Unauthorized" }]);
    const expired = await get(`/projects/${encoded}`, as(seed.tokens.expired));
    expect([expired.status, await expired.json()]).toEqual([401, { error: "invalid_token", error_description: "Token has expired." }]);
    const revoked = await get("/user", as(seed.tokens.revoked));
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error_description).toMatch(/revoked/);
    expect((await get("/user")).status).toBe(401);
  });

  it("404 Project Not Found for a private project the caller may not see, or none at all", async () => {
    for (const [project, token] of [[seed.privateFullName, seed.tokens.outsider], ["analytics/nothing", seed.tokens.admin], [seed.fullName, null]] as const) {
      const response = await get(`/projects/${encodeURIComponent(project)}`, token ? as(token) : {});
      expect([response.status, await response.json()]).toEqual([404, { message: "404 Project Not Found" }]);
    }
    const file = await get(`/projects/${encoded}/repository/files/nope.txt?ref=main`, as(seed.tokens.admin));
    expect([file.status, await file.json()]).toEqual([404, { message: "404 File Not Found" }]);
    const tree = await get(`/projects/${encoded}/repository/tree?path=nope`, as(seed.tokens.admin));
    expect([tree.status, await tree.json()]).toEqual([404, { message: "404 Tree Not Found" }]);
    const noRef = await get(`/projects/${encoded}/repository/files/README.md`, as(seed.tokens.admin));
    expect([noRef.status, await noRef.json()]).toEqual([400, { error: "ref is missing, ref is empty" }]);
  });

  it("403 insufficient_scope when the token's scopes do not cover the endpoint", async () => {
    const response = await get(`/projects/${encoded}`, as(seed.tokens.readUserOnly));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "insufficient_scope", error_description: "The request requires higher privileges than provided by the access token.", scope: "api read_api" });
    expect(response.headers.get("www-authenticate")).toMatch(/error="insufficient_scope"/);
    expect((await get("/user", as(seed.tokens.narrow))).status).toBe(200);
  });

  it("403 Forbidden for a Guest reading a private repository", async () => {
    emulator.seedUser({ username: "gus" });
    emulator.addMember({ username: "gus", project: seed.fullName, accessLevel: access.guest });
    const token = emulator.seedToken({ username: "gus", scopes: ["read_api"] });
    expect((await get(`/projects/${encoded}`, as(token))).status).toBe(200);
    const tree = await get(`/projects/${encoded}/repository/tree`, as(token));
    expect([tree.status, await tree.json()]).toEqual([403, { message: "403 Forbidden" }]);
  });

  it("429 with RateLimit-* headers and Retry-After when the limit is hit", async () => {
    const response = await get(`/projects/${encoded}`, as(seed.tokens.rateLimited));
    expect(response.status).toBe(429);
    expect(await response.text()).toBe("Retry later\n");
    const reset = Number(response.headers.get("ratelimit-reset"));
    expect(reset * 1000).toBeGreaterThan(Date.now());
    expect(new Date(response.headers.get("ratelimit-resettime")!).getTime()).toBe(reset * 1000);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("paginates with X-* headers and a Link header, as GitLab does", async () => {
    const first = await get(`/projects/${encoded}/repository/tree?recursive=true&per_page=2`, as(seed.tokens.admin));
    expect(z.array(treeEntryMirror).parse(await first.json())).toHaveLength(2);
    expect(Object.fromEntries(["x-page", "x-per-page", "x-total", "x-total-pages", "x-next-page", "x-prev-page"].map((h) => [h, first.headers.get(h)]))).toEqual({
      "x-page": "1",
      "x-per-page": "2",
      "x-total": "3",
      "x-total-pages": "2",
      "x-next-page": "2",
      "x-prev-page": "",
    });
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toContain(`${emulator.apiRoot}/projects/${encoded}/repository/tree?`);
    const second = await fetch(next!, { headers: as(seed.tokens.admin) });
    expect(await second.json()).toHaveLength(1);
    expect(second.headers.get("link")).not.toMatch(/rel="next"/);
  });
});

describe("git smart HTTP", () => {
  const env = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.test", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.test" };
  const basic = (user: string, token: string) => `Authorization: Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`;
  // Asynchronous: the emulator answers on this process's event loop, which a blocking git would freeze.
  const run = promisify(execFile);
  const git = async (args: string[], header?: string, cwd?: string) =>
    (await run("git", [...(header ? ["-c", `http.extraHeader=${header}`] : []), ...args], { cwd, env: env as unknown as NodeJS.ProcessEnv, encoding: "utf8" })).stdout;
  const failure = async (running: Promise<unknown>) => {
    try {
      await running;
    } catch (error) {
      return String((error as { stderr?: string }).stderr);
    }
    throw new Error("expected git to fail");
  };
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-emulator-git-"));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const remote = () => `${emulator.url}/${seed.fullName}.git`;

  it("clones with oauth2:<token> (or any user name) and pushes as a Maintainer", async () => {
    const dir = path.join(work, "admin");
    await git(["clone", "-q", remote(), dir], basic("oauth2", seed.tokens.admin));
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# Seeded\n");
    await git(["clone", "-q", remote(), path.join(work, "any-user")], basic("alice", seed.tokens.admin));
    fs.writeFileSync(path.join(dir, "new.txt"), "new\n");
    await git(["add", "new.txt"], undefined, dir);
    await git(["commit", "-q", "-m", "Add"], undefined, dir);
    await git(["push", "-q", "origin", "HEAD:refs/heads/pushed"], basic("oauth2", seed.tokens.admin), dir);
    expect(await git(["ls-remote", remote(), "refs/heads/pushed"], basic("oauth2", seed.tokens.admin))).toMatch(/^[0-9a-f]{40}\trefs\/heads\/pushed/);
  });

  it("refuses without credentials (401), a Reporter's push (403), an outsider (404) and a token without git scopes (401)", async () => {
    expect(await failure(git(["ls-remote", remote()]))).toMatch(/could not read Username|Authentication failed|401/);
    const dir = path.join(work, "reporter");
    await git(["clone", "-q", remote(), dir], basic("oauth2", seed.tokens.readOnly));
    // The role refuses, not the scopes: this Reporter's token could push if the role allowed it.
    const reporterApi = emulator.seedToken({ username: "rita", scopes: ["api"] });
    expect(await failure(git(["push", "-q", "origin", "HEAD:refs/heads/nope"], basic("oauth2", reporterApi), dir))).toMatch(/403|not allowed to push/);
    const outsider = await fetch(`${remote()}/info/refs?service=git-upload-pack`, { headers: { authorization: basic("oauth2", seed.tokens.outsider).slice("Authorization: ".length) } });
    expect(outsider.status).toBe(404);
    const narrow = await fetch(`${remote()}/info/refs?service=git-upload-pack`, { headers: { authorization: basic("oauth2", seed.tokens.narrow).slice("Authorization: ".length) } });
    expect(narrow.status).toBe(401);
    expect(narrow.headers.get("www-authenticate")).toBe('Basic realm="GitLab"');
  });
});

describe("the mirrors follow @gitbeaker/core's declarations", () => {
  const declarations = path.join(path.dirname(createRequire(import.meta.url).resolve("@gitbeaker/core")), "index.d.ts");
  const program = ts.createProgram([declarations], { noEmit: true, skipLibCheck: true, strict: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(declarations)!;
  const declared = (name: string) => {
    let found: ts.InterfaceDeclaration | undefined;
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === name) found = node;
    });
    if (!found) throw new Error(`${name} is not declared in @gitbeaker/core`);
    const type = checker.getTypeAtLocation(found);
    return checker.getPropertiesOfType(type).map((p) => ({ name: p.name, optional: (p.flags & ts.SymbolFlags.Optional) !== 0 }));
  };

  for (const { declaration, mirror, deviations } of mirrors) {
    it(`${declaration}: the same fields, optional where declared (documented deviations aside)`, () => {
      const props = declared(declaration);
      const omitted: readonly string[] = deviations.omitted;
      const looser: readonly string[] = deviations.optional;
      expect(Object.keys(mirror.shape).sort()).toEqual(props.map((p) => p.name).filter((n) => !omitted.includes(n)).sort());
      for (const prop of props.filter((p) => !omitted.includes(p.name))) {
        const field = (mirror.shape as Record<string, z.ZodType>)[prop.name]!;
        expect({ field: prop.name, optional: field.safeParse(undefined).success }).toEqual({ field: prop.name, optional: prop.optional || looser.includes(prop.name) });
      }
    });
  }
});
