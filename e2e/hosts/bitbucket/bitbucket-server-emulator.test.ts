// Every kind of answer the Server emulator gives, checked against zod mirrors of
// Bitbucket Data Center's OpenAPI-generated types (openapi-mirror.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BitbucketServerEmulator, startBitbucketServerEmulator } from "./bitbucket-server-emulator";
import { contractTokens as tokens, seedServerContract } from "./contract-seed";
import { cloneAndPush } from "../shared/git-client";
import { serverBranch, serverBranchPage, serverBrowseFolder, serverErrors, serverMinimalRef, serverRepository, serverRepositoryPage } from "./openapi-mirror";

describe("Bitbucket Server emulator", () => {
  let emulator: BitbucketServerEmulator;
  beforeAll(async () => {
    emulator = await startBitbucketServerEmulator();
    seedServerContract(emulator);
    emulator.seedRepository({ projectKey: "DS", slug: "pushable" });
    emulator.seedRepository({ projectKey: "OPEN", slug: "docs", isPublic: true });
    emulator.seedToken({ token: "pushable-reader", user: "reader", access: { "DS/pushable": "REPO_READ" } });
  });
  afterAll(() => emulator?.stop());

  const repoApi = `/projects/DS/repos/models`;
  const get = (path: string, token: string | null = tokens.admin, root = emulator.apiRoot) => fetch(`${root}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("answers a repository as RestRepository under /rest/api/1.0 and /rest/api/latest", async () => {
    for (const root of [emulator.apiRoot, `${emulator.url}/rest/api/latest`]) {
      const res = await get(repoApi, tokens.admin, root);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ausername")).toBe("ds-admin");
      const repo = serverRepository.parse(await res.json());
      expect(repo).toMatchObject({ slug: "models", project: { key: "DS" }, public: false });
      expect(repo.links?.clone).toContainEqual({ name: "http", href: `${emulator.url}/scm/ds/models.git` });
    }
    expect(serverRepository.parse(await (await get("/projects/OPEN/repos/docs", null)).json()).public).toBe(true);
  });

  it("names the caller at the application-links servlet, as plain text (empty for an anonymous caller)", async () => {
    const whoami = (token: string | null) => fetch(`${emulator.url}/plugins/servlet/applinks/whoami`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const named = await whoami(tokens.admin);
    expect([named.status, named.headers.get("content-type"), await named.text()]).toEqual([200, "text/plain;charset=UTF-8", "ds-admin"]);
    expect(await (await whoami(null)).text()).toBe("");
    expect((await whoami("not-a-token")).status).toBe(401);
  });

  it("answers the default branch as RestMinimalRef and RestBranch, and pages branches", async () => {
    expect(serverMinimalRef.parse(await (await get(`${repoApi}/default-branch`)).json())).toMatchObject({ displayId: "main", type: "BRANCH" });
    expect(serverBranch.parse(await (await get(`${repoApi}/branches/default`)).json())).toMatchObject({ displayId: "main", default: true });
    const first = serverBranchPage.parse(await (await get(`${repoApi}/branches?limit=1`)).json());
    expect(first).toMatchObject({ isLastPage: false, nextPageStart: 1, size: 1 });
    const second = serverBranchPage.parse(await (await get(`${repoApi}/branches?limit=1&start=${first.nextPageStart}`)).json());
    expect(second.isLastPage).toBe(true);
    expect([...(first.values ?? []), ...(second.values ?? [])].map((b) => b.displayId).sort()).toEqual(["feature", "main"]);
  });

  it("browses folders as documented and serves raw files", async () => {
    const root = serverBrowseFolder.parse(await (await get(`${repoApi}/browse`)).json());
    expect(root.children.values?.map((c) => [c.type, c.path.toString])).toEqual(expect.arrayContaining([["FILE", "README.md"], ["DIRECTORY", "src"]]));
    const src = serverBrowseFolder.parse(await (await get(`${repoApi}/browse/src?at=refs/heads/main`)).json());
    expect(src.children.values).toEqual([expect.objectContaining({ type: "FILE", size: 15, path: expect.objectContaining({ components: ["app.py"], extension: "py" }) })]);
    const raw = await get(`${repoApi}/raw/src/app.py?at=main`);
    expect(await raw.text()).toBe("print('hello')\n");
  });

  it("finds the repositories a token may write to with GET /repos?permission=REPO_WRITE", async () => {
    const query = "/repos?projectkey=DS&name=models&permission=REPO_WRITE";
    const admin = serverRepositoryPage.parse(await (await get(query)).json());
    expect(admin.values?.map((r) => r.slug)).toEqual(["models"]);
    const reader = serverRepositoryPage.parse(await (await get(query, tokens.readOnly)).json());
    expect(reader.values).toEqual([]);
  });

  it("answers failures with RestErrors", async () => {
    const cases = [
      { res: await get(repoApi, tokens.bad), status: 401, exception: /IncorrectPasswordAuthenticationException/ },
      { res: await get("/projects/SEC/repos/vault", tokens.outsider), status: 401, exception: /AuthorisationException/ },
      { res: await get("/projects/DS/repos/missing"), status: 404, exception: /NoSuchRepositoryException/ },
      { res: await get(`${repoApi}/raw/nothing.txt`), status: 404, exception: /NoSuchPathException/ },
      { res: await get(repoApi, tokens.rateLimited), status: 429, exception: /RateLimited/ },
    ];
    for (const { res, status, exception } of cases) {
      expect(res.status).toBe(status);
      const body = serverErrors.parse(await res.json());
      expect(body.errors?.[0]).toMatchObject({ context: null, exceptionName: expect.stringMatching(exception), message: expect.any(String) });
    }
    expect(cases[4]!.res.headers.get("retry-after")).toBe("30");
  });

  it("serves git to bearer tokens and to Basic with any user, refusing pushes from read-only tokens", async () => {
    const url = `${emulator.url}/scm/ds/pushable.git`;
    const admin = await cloneAndPush({ url, authorization: `Bearer ${tokens.admin}` });
    expect(admin.push).toEqual({ code: 0, stderr: "" });
    const basic = await cloneAndPush({ url, authorization: `Basic ${Buffer.from(`anyone:${tokens.admin}`).toString("base64")}` });
    expect(basic.push.code).toBe(0);
    const readOnly = await cloneAndPush({ url, authorization: "Bearer pushable-reader" });
    expect(readOnly.clone.code).toBe(0);
    expect(readOnly.push.stderr).toMatch(/403/);
    const anonymous = await cloneAndPush({ url, authorization: null });
    expect(anonymous.clone.code).not.toBe(0);
  });
});
