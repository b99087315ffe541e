// What the contract does not cover: token reports, git credentials, the
// clone-URL override, and how each kind of failure reaches the caller.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BitbucketCloudEmulator, startBitbucketCloudEmulator } from "@/e2e/hosts/bitbucket/bitbucket-cloud-emulator";
import { type BitbucketServerEmulator, startBitbucketServerEmulator } from "@/e2e/hosts/bitbucket/bitbucket-server-emulator";
import { contractTokens as tokens, seedCloudContract, seedServerContract } from "@/e2e/hosts/bitbucket/contract-seed";
import { cloneAndPush } from "@/e2e/hosts/shared/git-client";
import { hostFailureOf } from "../test-support/host-failure";
import { getViewer } from "../get-viewer";
import { parseRepoLocation } from "../location";
import { createBitbucketAdapter } from "./create-bitbucket-adapter";

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["BENCHTOP_BITBUCKET_API_URL", "BENCHTOP_BITBUCKET_GIT_URL", "BENCHTOP_INSECURE_HOSTS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;
const cloudLocation = (path = "team/models") => parseRepoLocation({ provider: "bitbucket", location: `https://bitbucket.org/${path}` });
/** A fetch that answers every request with one canned response. */
const answering = (status: number, body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  (async () => new Response(body, { status, headers })) as unknown as typeof fetch;

describe("Bitbucket Cloud adapter", () => {
  let emulator: BitbucketCloudEmulator;
  beforeAll(async () => {
    emulator = await startBitbucketCloudEmulator();
    seedCloudContract(emulator);
    emulator.seedRepository({ workspace: "team", slug: "open", isPrivate: false });
  });
  afterAll(() => emulator?.stop());
  const pointAtEmulator = () => Object.assign(process.env, { BENCHTOP_BITBUCKET_API_URL: emulator.apiRoot, BENCHTOP_INSECURE_HOSTS: new URL(emulator.url).host });

  it("reports the token's scopes and account, and no expiry", async () => {
    pointAtEmulator();
    const report = await createBitbucketAdapter({ location: cloudLocation(), token: tokens.admin }).testConnection();
    expect(report.token).toEqual({ scopes: ["repository", "repository:write", "repository:admin"], missingScopes: [], expiresAt: null, login: "team-bot" });
    expect(report.repository).toMatchObject({ private: true, webUrl: `${emulator.url}/team/models` });
  });

  it("reads a public repository without a token, which may not push", async () => {
    pointAtEmulator();
    const report = await createBitbucketAdapter({ location: cloudLocation("team/open"), token: null }).testConnection();
    expect(report).toMatchObject({ repository: { fullName: "team/open", canPush: false, private: false }, token: null });
  });

  it("gives git x-token-auth Basic credentials and the clone URL, overridable by BENCHTOP_BITBUCKET_GIT_URL", () => {
    const adapter = createBitbucketAdapter({ location: cloudLocation(), token: "secret" });
    expect(adapter.gitAuthHeader()).toBe(`Basic ${Buffer.from("x-token-auth:secret").toString("base64")}`);
    expect(adapter.gitRemoteUrl()).toBe("https://bitbucket.org/team/models.git");
    process.env.BENCHTOP_BITBUCKET_GIT_URL = "https://git.example.com/bb/";
    expect(createBitbucketAdapter({ location: cloudLocation(), token: null }).gitRemoteUrl()).toBe("https://git.example.com/bb/team/models.git");
    expect(createBitbucketAdapter({ location: cloudLocation(), token: null }).gitAuthHeader()).toBeNull();
  });

  it("signs a person's API token in to the REST API as Basic with the account's email, and to git as x-bitbucket-api-token-auth", async () => {
    pointAtEmulator();
    const ada = emulator.seedUser({ nickname: "ada" });
    emulator.seedToken({ token: "ada-api-token", user: "ada" });
    emulator.setWorkspaceRole({ workspace: "team", user: "ada", role: "owner" });
    emulator.seedRepository({ workspace: "team", slug: "ada-work" });
    const sent: string[] = [];
    const recording = (async (url: string, init?: RequestInit) => {
      sent.push(new Headers(init?.headers).get("authorization") ?? "");
      return fetch(url, init);
    }) as typeof fetch;
    const adapter = createBitbucketAdapter({ location: cloudLocation("team/ada-work"), token: "ada-api-token", tokenType: "api-token", email: ada.email, fetch: recording });
    const report = await adapter.testConnection();
    expect(report.repository).toMatchObject({ fullName: "team/ada-work", canPush: true });
    expect(await adapter.listBranches()).toContainEqual({ name: "main", commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(new Set(sent)).toEqual(new Set([basic(`${ada.email}:ada-api-token`)]));

    expect(adapter.gitAuthHeader()).toBe(basic("x-bitbucket-api-token-auth:ada-api-token"));
    const pushed = await cloneAndPush({ url: adapter.gitRemoteUrl().replace("https://bitbucket.org", emulator.url), authorization: adapter.gitAuthHeader() });
    expect(pushed.push.code, pushed.push.stderr).toBe(0);
    expect(emulator.inspect.refs("team/ada-work")["refs/heads/main"]).toBe(pushed.commit);
    // The same token as an access token's x-token-auth is refused, as bitbucket.org refuses it.
    const asAccessToken = createBitbucketAdapter({ location: cloudLocation("team/ada-work"), token: "ada-api-token" });
    expect(asAccessToken.gitAuthHeader()).toBe(basic("x-token-auth:ada-api-token"));
    expect((await cloneAndPush({ url: `${emulator.url}/team/ada-work.git`, authorization: asAccessToken.gitAuthHeader() })).clone.code).not.toBe(0);
  });

  it("asks who an API token is as Basic email:token (UUID kept), and words a refusal by what was given", async () => {
    pointAtEmulator();
    const gus = emulator.seedUser({ nickname: "gus-viewer" });
    emulator.seedToken({ token: "gus-api-token", user: "gus-viewer" });
    const lookup = (token: string, email?: string) => getViewer({ provider: "bitbucket", origin: "https://bitbucket.org", apiRoot: emulator.apiRoot, token, email });
    expect(await lookup("gus-api-token", gus.email)).toMatchObject({ login: "gus-viewer", accountId: gus.uuid });
    const wrongEmail = await hostFailureOf(lookup("gus-api-token", "someone-else@example.test"));
    expect(wrongEmail).toMatchObject({ code: "bad_credentials", message: expect.stringMatching(/did not accept this email with this API token/) });
    expect(wrongEmail.message).not.toContain("someone-else@example.test");
    const unknown = await hostFailureOf(lookup("no-such-token"));
    expect(unknown).toMatchObject({ code: "bad_credentials", message: expect.stringMatching(/give the email too/) });
  });

  it("waits a minute when a rate limit names no reset time", async () => {
    pointAtEmulator();
    const error = await hostFailureOf(createBitbucketAdapter({ location: cloudLocation(), token: tokens.rateLimited }).getRepo());
    expect(error.code).toBe("rate_limited");
    expect(Date.parse(error.resetAt!) - Date.now()).toBeGreaterThan(55_000);
  });

  it("says when a path is missing, or a file rather than a folder", async () => {
    pointAtEmulator();
    const adapter = createBitbucketAdapter({ location: cloudLocation(), token: tokens.admin });
    expect((await hostFailureOf(adapter.readFile({ path: "nothing.txt" }))).code).toBe("not_found");
    expect((await hostFailureOf(adapter.listFiles({ path: "README.md" }))).code).toBe("not_found");
    expect(await adapter.listFiles({ path: "src", ref: "feature" })).toEqual([{ path: "src/app.py", type: "file", size: 15 }]);
  });

  it("maps 403, redirects and answers of another shape", async () => {
    const location = cloudLocation();
    const forbidden = answering(403, JSON.stringify({ type: "error", error: { message: "Your credentials lack one or more required privilege scopes." } }));
    expect((await hostFailureOf(createBitbucketAdapter({ location, token: "t", fetch: forbidden }).getRepo())).code).toBe("no_permission");
    const moved = answering(301, "", { location: "https://bitbucket.org/team/renamed" });
    expect((await hostFailureOf(createBitbucketAdapter({ location, token: "t", fetch: moved }).getRepo())).code).toBe("upstream");
    const html = answering(200, "<html>sign in</html>", { "content-type": "text/html" });
    expect((await hostFailureOf(createBitbucketAdapter({ location, token: "t", fetch: html }).getRepo())).code).toBe("upstream");
    const wrongShape = answering(200, JSON.stringify({ hello: "world" }));
    expect((await hostFailureOf(createBitbucketAdapter({ location, token: "t", fetch: wrongShape }).getRepo())).code).toBe("upstream");
  });

  it("keeps a file path's slashes in the URL and encodes the rest", async () => {
    const urls: string[] = [];
    const recording = (async (url: string) => {
      urls.push(url);
      return new Response("x", { status: 200, headers: { "content-type": "text/plain" } });
    }) as unknown as typeof fetch;
    await createBitbucketAdapter({ location: cloudLocation(), token: "t", fetch: recording }).readFile({ path: "data/my file#1.csv", ref: "release/2" });
    expect(urls).toEqual(["https://api.bitbucket.org/2.0/repositories/team/models/src/release%2F2/data/my%20file%231.csv"]);
  });

  it("reports TLS failures", async () => {
    const tls = (async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("certificate has expired"), { code: "CERT_HAS_EXPIRED" }) });
    }) as unknown as typeof fetch;
    const error = await hostFailureOf(createBitbucketAdapter({ location: cloudLocation(), token: "t", fetch: tls }).getRepo());
    expect(error.code).toBe("tls");
  });
});

describe("Bitbucket Server adapter", () => {
  let emulator: BitbucketServerEmulator;
  beforeAll(async () => {
    emulator = await startBitbucketServerEmulator();
    seedServerContract(emulator);
  });
  afterAll(() => emulator?.stop());
  const location = () => parseRepoLocation({ provider: "bitbucket-server", location: `${emulator.url}/projects/DS/repos/models` });

  it("reports the account from X-AUSERNAME, no scopes and no expiry; git gets a bearer token", async () => {
    process.env.BENCHTOP_INSECURE_HOSTS = new URL(emulator.url).host;
    const adapter = createBitbucketAdapter({ location: location(), token: tokens.admin });
    const report = await adapter.testConnection();
    expect(report.token).toEqual({ scopes: null, missingScopes: [], expiresAt: null, login: "ds-admin" });
    expect(report.repository).toMatchObject({ fullName: "DS/models", webUrl: `${emulator.url}/projects/DS/repos/models`, gitUrl: `${emulator.url}/scm/ds/models.git` });
    expect(adapter.gitAuthHeader()).toBe(`Bearer ${tokens.admin}`);
  });

  it("reports a rate limit with Retry-After's reset time", async () => {
    process.env.BENCHTOP_INSECURE_HOSTS = new URL(emulator.url).host;
    const error = await hostFailureOf(createBitbucketAdapter({ location: location(), token: tokens.rateLimited }).getRepo());
    expect(error.code).toBe("rate_limited");
    const wait = Date.parse(error.resetAt!) - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  });

  it("says a host that does not answer is unreachable", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    process.env.BENCHTOP_INSECURE_HOSTS = `127.0.0.1:${port}`;
    const closed = parseRepoLocation({ provider: "bitbucket-server", location: `http://127.0.0.1:${port}/projects/DS/repos/models` });
    const error = await hostFailureOf(createBitbucketAdapter({ location: closed, token: "t" }).getRepo());
    expect(error.code).toBe("unreachable");
  });

  it("refuses a name that resolves to a private address", async () => {
    delete process.env.BENCHTOP_INSECURE_HOSTS;
    const local = parseRepoLocation({ provider: "bitbucket-server", location: `https://localhost:${new URL(emulator.url).port}/projects/DS/repos/models` });
    const error = await hostFailureOf(createBitbucketAdapter({ location: local, token: "t" }).getRepo());
    expect(error.code).toBe("not_allowed");
  });
});
