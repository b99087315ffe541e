// Every kind of answer the Cloud emulator gives, checked against zod mirrors of
// Bitbucket Cloud's OpenAPI-generated types (openapi-mirror.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBranchRefs } from "../shared/seed-repo";
import { type BitbucketCloudEmulator, startBitbucketCloudEmulator } from "./bitbucket-cloud-emulator";
import { contractTokens as tokens, seedCloudContract } from "./contract-seed";
import { cloneAndPush } from "../shared/git-client";
import { cloudBranchPage, cloudError, cloudPermissionPage, cloudRepository, cloudTreePage } from "./openapi-mirror";

describe("Bitbucket Cloud emulator", () => {
  let emulator: BitbucketCloudEmulator;
  let bare: string;
  beforeAll(async () => {
    emulator = await startBitbucketCloudEmulator();
    seedCloudContract(emulator);
    bare = emulator.seedRepository({ workspace: "team", slug: "pushable" }).bare;
    emulator.seedRepository({ workspace: "team", slug: "open", isPrivate: false });
  });
  afterAll(() => emulator?.stop());

  const get = (path: string, token: string | null = tokens.admin) => fetch(`${emulator.apiRoot}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("answers a repository as components.schemas.repository", async () => {
    const res = await get("/repositories/team/models");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-oauth-scopes")).toContain("repository:write");
    const repo = cloudRepository.parse(await res.json());
    expect(repo).toMatchObject({ full_name: "team/models", is_private: true, mainbranch: { name: "main" } });
    expect(repo.links?.clone).toContainEqual({ name: "https", href: `${emulator.url}/team/models.git` });
    // A public repository is readable without a token.
    expect(cloudRepository.parse(await (await get("/repositories/team/open", null)).json()).is_private).toBe(false);
  });

  it("pages branches as paginated_branches, following next", async () => {
    const first = cloudBranchPage.parse(await (await get("/repositories/team/models/refs/branches?pagelen=1")).json());
    expect(first.next).toBeTruthy();
    const second = cloudBranchPage.parse(await (await fetch(first.next!, { headers: { authorization: `Bearer ${tokens.admin}` } })).json());
    const names = [...(first.values ?? []), ...(second.values ?? [])].map((b) => [b.name, b.target?.hash]);
    expect(names).toEqual(expect.arrayContaining([["main", expect.stringMatching(/^[0-9a-f]{40}$/)], ["feature", expect.any(String)]]));
    expect(second.next).toBeUndefined();
  });

  it("lists folders as paginated_treeentries and serves files raw", async () => {
    const root = cloudTreePage.parse(await (await get("/repositories/team/models/src/main/")).json());
    expect(root.values?.map((e) => [e.type, e.path])).toEqual(expect.arrayContaining([["commit_file", "README.md"], ["commit_directory", "src"]]));
    const main = listBranchRefs({ bare }).find((b) => b.name === "main")!.commit;
    const src = cloudTreePage.parse(await (await get(`/repositories/team/pushable/src/${main}/src/`)).json());
    expect(src.values).toEqual([expect.objectContaining({ type: "commit_file", path: "src/app.py", size: 15 })]);
    const file = await get("/repositories/team/models/src/main/src/app.py");
    expect(file.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await file.text()).toBe("print('hello')\n");
  });

  it("reports permissions as paginated_repository_permissions", async () => {
    const q = `?q=${encodeURIComponent('repository.full_name="team/models"')}`;
    const admin = cloudPermissionPage.parse(await (await get(`/user/permissions/repositories${q}`)).json());
    expect(admin.values?.map((v) => v.permission)).toEqual(["admin"]);
    const reader = cloudPermissionPage.parse(await (await get(`/user/permissions/repositories${q}`, tokens.readOnly)).json());
    expect(reader.values?.map((v) => [v.permission, v.repository?.full_name])).toEqual([["read", "team/models"]]);
  });

  it("answers failures with components.schemas.error", async () => {
    const cases = [
      { res: await get("/repositories/team/models", tokens.bad), status: 401 },
      { res: await get("/repositories/team/missing"), status: 404 },
      { res: await get("/repositories/secret/vault", tokens.outsider), status: 404 },
      { res: await get("/repositories/secret/vault", null), status: 404 },
      { res: await get("/repositories/team/models/src/main/nothing.txt"), status: 404 },
      { res: await get("/repositories/team/models", tokens.rateLimited), status: 429 },
    ];
    for (const { res, status } of cases) {
      expect(res.status).toBe(status);
      expect(cloudError.parse(await res.json())).toMatchObject({ type: "error", error: { message: expect.any(String) } });
    }
    expect(cases[5]!.res.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("serves git to x-token-auth and refuses pushes from read-only tokens", async () => {
    const url = `${emulator.url}/team/pushable.git`;
    const basic = (token: string) => `Basic ${Buffer.from(`x-token-auth:${token}`).toString("base64")}`;
    const reader = await cloneAndPush({ url, authorization: basic(tokens.readOnly) });
    expect(reader.clone.code).toBe(128); // read-only on team/models only: the private team/pushable is not found
    emulator.seedToken({ token: "pushable-reader", access: { "team/pushable": "read" } });
    const readOnly = await cloneAndPush({ url, authorization: basic("pushable-reader") });
    expect(readOnly.clone.code).toBe(0);
    expect(readOnly.push.code).not.toBe(0);
    expect(readOnly.push.stderr).toMatch(/403/);
    const admin = await cloneAndPush({ url, authorization: basic(tokens.admin) });
    expect(admin.push).toEqual({ code: 0, stderr: "" });
    const bad = await cloneAndPush({ url, authorization: basic(tokens.bad) });
    expect(bad.clone.code).not.toBe(0);
  });
});
