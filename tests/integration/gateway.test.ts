import dns from "node:dns/promises";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../e2e/hosts/github/emulator-process";
import { adminToken, api, baseUrl, createUser, signInBrowser, unique, type TestUser } from "./helpers/api";
import { gatewayUrl, gitAsync, startCountingRelay, startTrapServer } from "./helpers/gateway";
import { gitOk, tempDir } from "./helpers/git";
import { isPublicAddress } from "@/lib/hosts/network-policy";

type Relay = Awaited<ReturnType<typeof startCountingRelay>>;
type Trap = Awaited<ReturnType<typeof startTrapServer>>;

let emulator: GitHubEmulatorProcess;
let relay: Relay;
let owner: TestUser & { cookie: string };
let other: TestUser;
let providerToken: string;
const seen: string[] = []; // every gateway response (status, headers, body), for the leak check
const traps: Trap[] = [];

async function register(user: { token: string }, location: string, token: string | null = providerToken) {
  const res = await api("/api/v1/repositories", { method: "POST", token: user.token, body: { provider: "github-enterprise", name: unique("repo-"), location, ...(token ? { token } : {}) } });
  if (res.status !== 201) throw new Error(`register ${location}: ${res.status} ${res.text}`);
  return res.body as { id: string };
}

/** Calls the gateway (`path` after /proxy/) and keeps what came back for the leak check. */
async function gateway(pathAfterProxy: string, { method = "GET", cookie = owner.cookie, headers = {}, body }: { method?: string; cookie?: string | null; headers?: Record<string, string>; body?: Buffer | string } = {}) {
  const response = await fetch(`${baseUrl()}/proxy/${pathAfterProxy}`, { method, headers: { ...(cookie ? { cookie } : {}), ...headers }, body: typeof body === "string" ? body : body && new Uint8Array(body), redirect: "manual" });
  const text = await response.text();
  seen.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`);
  return { status: response.status, headers: response.headers, text };
}

const advertise = (repo: string) => `${repo}/info/refs?service=git-upload-pack`;

beforeAll(async () => {
  emulator = await startGitHubEmulatorProcess();
  providerToken = emulator.world.tokens.admin;
  const emulatorPort = Number(new URL(emulator.url).port);
  relay = await startCountingRelay({ host: "127.0.0.1", port: emulatorPort });
  const user = await createUser();
  owner = { ...user, cookie: await signInBrowser(user) };
  other = await createUser();
  await register(owner, `${relay.url}/acme/models`);
});

afterAll(async () => {
  await relay?.stop();
  for (const trap of traps) await trap.stop();
  await emulator?.stop();
});

describe("the git gateway", () => {
  it("clones and pushes with the real git command line and records the push", { timeout: 120_000 }, async () => {
    const url = gatewayUrl(baseUrl(), `${relay.url}/acme/models.git`);
    const dir = path.join(tempDir(), "work");
    const clone = await gitAsync(["clone", url, dir], { cookie: owner.cookie });
    expect(clone.code, clone.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, "README.md"))).toBe(true);

    fs.writeFileSync(path.join(dir, "gateway.txt"), `pushed through the gateway ${Date.now()}\n`);
    gitOk(["add", "gateway.txt"], { cwd: dir });
    gitOk(["commit", "-q", "-m", "Push through the gateway"], { cwd: dir });
    const before = gitOk(["rev-parse", "origin/main"], { cwd: dir }).trim();
    const local = gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, cookie: owner.cookie });
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr + push.stdout).not.toContain(providerToken);

    // The commit is in the emulator's repository (cloned directly with the provider token).
    const check = path.join(tempDir(), "check");
    gitOk(["clone", "-q", `${emulator.url}/acme/models.git`, check], { auth: { token: providerToken } });
    expect(gitOk(["rev-parse", "HEAD"], { cwd: check }).trim()).toBe(local);
    expect(fs.readFileSync(path.join(check, "gateway.txt"), "utf8")).toContain("pushed through the gateway");

    const audit = await api(`/api/v1/admin/audit?action=git.push&actor=${encodeURIComponent(owner.email)}`, { token: await adminToken() });
    expect(audit.status, audit.text).toBe(200);
    const event = audit.body.events.find((e: { detail: { refs?: { after: string }[] } }) => e.detail.refs?.some((r) => r.after === local));
    expect(event, audit.text).toBeTruthy();
    expect(event.project).toBeFalsy();
    expect(event.detail).toMatchObject({ url: `${relay.url}/acme/models.git`, refs: [{ ref: "refs/heads/main", before, after: local }] });
    expect(typeof event.detail.repositoryId).toBe("string");
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    fs.rmSync(path.dirname(check), { recursive: true, force: true });
  });

  it("serves the ref advertisement with git's content type and without upstream cookies or challenges", async () => {
    const count = relay.connections();
    const res = await gateway(advertise(`127.0.0.1:${relay.port}/ACME/Models`), { headers: { "sec-fetch-site": "same-origin", origin: baseUrl() } });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-git-upload-pack-advertisement");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("www-authenticate")).toBeNull();
    expect(res.text).toContain("# service=git-upload-pack");
    // The relay counts: this request reached the emulator.
    expect(relay.connections()).toBeGreaterThan(count);
  });

  describe("refuses without contacting the git host", () => {
    const refused = async (expectedStatus: number, pathAfterProxy: string, options: Parameters<typeof gateway>[1] = {}) => {
      const count = relay.connections();
      const res = await gateway(pathAfterProxy, options);
      expect(res.status, res.text).toBe(expectedStatus);
      expect(res.headers.get("www-authenticate")).toBeNull();
      expect(relay.connections(), `the emulator was contacted for ${pathAfterProxy}`).toBe(count);
      return res;
    };
    const models = () => `127.0.0.1:${relay.port}/acme/models.git`;

    it("without a session (401)", async () => {
      await refused(401, advertise(models()), { cookie: null });
      await refused(401, advertise(models()), { cookie: "authjs.session-token=forged" });
    });

    it("from another origin (403)", async () => {
      await refused(403, advertise(models()), { headers: { origin: "https://evil.example" } });
      await refused(403, advertise(models()), { headers: { "sec-fetch-site": "cross-site" } });
      await refused(403, advertise(models()), { headers: { "sec-fetch-site": "same-site" } });
      await refused(403, `${models()}/git-upload-pack`, { method: "POST", headers: { origin: "null", "content-type": "application/x-git-upload-pack-request" }, body: "0000" });
    });

    it("for anything that is not git smart HTTP (404)", async () => {
      await refused(404, `${models()}/info/refs`);
      await refused(404, `${models()}/HEAD`);
      await refused(404, `${models()}/objects/info/packs`);
      await refused(404, `127.0.0.1:${relay.port}/api/v3/user`);
      await refused(404, `${models()}/info/refs?service=git-upload-archive`);
      await refused(404, `${models()}/git-upload-pack`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      await refused(404, `${models()}/git-receive-pack`, { method: "PUT", headers: { "content-type": "application/x-git-receive-pack-request" }, body: "0000" });
      await refused(404, advertise(`127.0.0.1:${relay.port}/acme%2fmodels.git`));
      await refused(404, advertise(`127.0.0.1:${relay.port}/acme/x%5c..%5cmodels.git`));
    });

    it("for another user's repository (404)", async () => {
      await register(other, `${relay.url}/octocat/datasets`);
      await refused(404, advertise(`127.0.0.1:${relay.port}/octocat/datasets.git`));
      // ...and for the caller's repository on another port or path.
      await refused(404, advertise(`127.0.0.1:${relay.port}/acme/secret.git`));
      await refused(404, advertise(`localhost:${relay.port}/acme/models.git`));
    });

    it("for a host nobody registered, and for numeric host forms (404)", async () => {
      const trap = await startTrapServer();
      traps.push(trap);
      await refused(404, advertise(`127.0.0.1:${trap.port}/acme/models.git`));
      await refused(404, advertise("example.com/acme/models.git"));
      await refused(404, advertise("10.255.255.1/a/b.git"));
      await refused(404, advertise("169.254.169.254/latest/meta-data.git"));
      await refused(404, advertise("2130706433/acme/models.git"));
      await refused(404, advertise("0x7f000001/acme/models.git"));
      await refused(404, advertise("0177.0.0.1/acme/models.git"));
      await refused(404, advertise(`user@127.0.0.1:${relay.port}/acme/models.git`));
      expect(trap.connections()).toBe(0);
    });

    it("for a registered host name that resolves to a loopback address not on the allowlist", async () => {
      const name = os.hostname().toLowerCase();
      const addresses = await dns.lookup(name, { all: true });
      expect(addresses.length, `${name} should resolve`).toBeGreaterThan(0);
      expect(addresses.every((a) => !isPublicAddress(a.address)), `${name} should resolve to loopback`).toBe(true);
      expect(["localhost", "127.0.0.1"]).not.toContain(name);
      const trap = await startTrapServer();
      traps.push(trap);
      await register(owner, `https://${name}:${trap.port}/acme/models`);
      const res = await refused(403, advertise(`${name}:${trap.port}/acme/models.git`));
      expect(res.text).toMatch(/private or local address/);
      expect(trap.connections()).toBe(0);
    });
  });

  it("does not follow a redirect: 502, no Location, the other host never contacted", async () => {
    const elsewhere = await startTrapServer();
    const redirecting = await startTrapServer({
      answer: (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/acme/models.git/info/refs?service=git-upload-pack`, "set-cookie": "upstream=1" }).end(),
    });
    traps.push(elsewhere, redirecting);
    await register(owner, `http://127.0.0.1:${redirecting.port}/acme/models`);
    const before = redirecting.requests.length;
    const res = await gateway(advertise(`127.0.0.1:${redirecting.port}/acme/models.git`));
    expect(res.status, res.text).toBe(502);
    expect(res.text).toMatch(/redirect/);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(redirecting.requests.slice(before)).toEqual(["GET /acme/models.git/info/refs?service=git-upload-pack"]);
    expect(elsewhere.connections()).toBe(0);
  });

  it("answers a refused push with its kind in x-benchtop-refusal beside the words (the session reads the kind, not the sentence)", async () => {
    const upstream = await startTrapServer({
      answer: (_req, res) => {
        res.writeHead(403, { "content-type": "text/plain" }).end("remote: Permission to acme/models.git denied to reader.\n");
      },
    });
    traps.push(upstream);
    await register(owner, `http://127.0.0.1:${upstream.port}/acme/models`);
    const res = await gateway(`127.0.0.1:${upstream.port}/acme/models.git/info/refs?service=git-receive-pack`);
    expect(res.status).toBe(403);
    expect(res.headers.get("x-benchtop-refusal")).toBe("push_refused");
    expect(res.text).toMatch(/refused the push \(127\.0\.0\.1:\d+ said: "Permission to acme\/models\.git denied to reader\."\)/);

    // Refusals of the gateway itself carry their kind too.
    const signedOut = await gateway(advertise(`127.0.0.1:${relay.port}/acme/models.git`), { cookie: null });
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("x-benchtop-refusal")).toBe("sign_in_required");
    const nowhere = await gateway(advertise("example.com/acme/models.git"));
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get("x-benchtop-refusal")).toBe("not_a_target");
  });

  it("sends only what git needs upstream, with the repository's credential, and hides an upstream 401 challenge", async () => {
    let received: Record<string, string | string[] | undefined> = {};
    const upstream = await startTrapServer({
      answer: (req, res) => {
        received = req.headers;
        res.writeHead(401, { "www-authenticate": 'Basic realm="x"', "set-cookie": "s=1", "content-type": "text/plain" }).end("no\n");
      },
    });
    traps.push(upstream);
    await register(owner, `http://127.0.0.1:${upstream.port}/acme/models`);
    const res = await gateway(advertise(`127.0.0.1:${upstream.port}/acme/models.git`), {
      headers: { authorization: "Bearer browser-secret", "git-protocol": "version=2", "user-agent": "git/isomorphic-git", "x-forwarded-for": "1.2.3.4", cookie: owner.cookie, "proxy-authorization": "Basic eDp5", "x-custom": "1" },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.text).toMatch(/refused the token stored for this repository/);
    expect(received.cookie).toBeUndefined();
    expect(received.authorization).toBe(`Basic ${Buffer.from(`x-access-token:${providerToken}`).toString("base64")}`);
    expect(received["git-protocol"]).toBe("version=2");
    expect(received["user-agent"]).toBe("git/isomorphic-git");
    expect(received["x-forwarded-for"]).toBeUndefined();
    expect(received["x-custom"]).toBeUndefined();
    expect(received["proxy-authorization"]).toBeUndefined();
    expect(received.host).toBe(`127.0.0.1:${upstream.port}`);
  });

  it("passes a gzipped request body through untouched", async () => {
    let encoding: string | undefined;
    let bytes = 0;
    const upstream = await startTrapServer({
      answer: (req, res) => {
        encoding = req.headers["content-encoding"];
        req.on("data", (c: Buffer) => (bytes += c.length));
        req.on("end", () => res.writeHead(200, { "content-type": "application/x-git-upload-pack-result" }).end("0008NAK\n"));
      },
    });
    traps.push(upstream);
    await register(owner, `http://127.0.0.1:${upstream.port}/acme/models`);
    const { gzipSync } = await import("node:zlib");
    const body = gzipSync(Buffer.from("0032want 0000000000000000000000000000000000000000\n00000009done\n"));
    const res = await gateway(`127.0.0.1:${upstream.port}/acme/models.git/git-upload-pack`, {
      method: "POST",
      headers: { "content-type": "application/x-git-upload-pack-request", "content-encoding": "gzip", origin: baseUrl() },
      body,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe("0008NAK\n");
    expect(encoding).toBe("gzip");
    expect(bytes).toBe(body.length);
  });

  it("leaks the provider token nowhere: responses, server log, audit trail", async () => {
    const basic = Buffer.from(`x-access-token:${providerToken}`).toString("base64");
    expect(seen.length).toBeGreaterThan(10);
    for (const response of seen) {
      expect(response).not.toContain(providerToken);
      expect(response).not.toContain(basic);
    }
    const log = fs.readFileSync(path.join(process.cwd(), "test-results", "integration-server.log"), "utf8");
    expect(log).not.toContain(providerToken);
    expect(log).not.toContain(basic);
    const audit = await api(`/api/v1/admin/audit?actor=${encodeURIComponent(owner.email)}&perPage=100`, { token: await adminToken() });
    expect(audit.status).toBe(200);
    expect(audit.body.events.length).toBeGreaterThan(0);
    expect(audit.text).not.toContain(providerToken);
    expect(audit.text).not.toContain(basic);
  });
});
