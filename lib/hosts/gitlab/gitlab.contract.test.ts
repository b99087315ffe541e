// The GitLab adapter against the GitLab emulator: the shared contract for a
// self-managed instance (emulator in a child process, since the contract clones
// with a blocking git), then gitlab.com through BENCHTOP_GITLAB_API_URL, scope
// and expiry reporting, and how each failure is mapped (emulator in process).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { access, seedGitLabContract, startGitLabEmulator, type GitLabContractSeed, type GitLabEmulator } from "@/e2e/hosts/gitlab/gitlab-emulator";
import { startGitLabEmulatorProcess } from "@/e2e/hosts/gitlab/start-emulator-process";
import { hostFailureOf } from "../test-support/host-failure";
import { parseRepoLocation } from "../location";
import { runGitHostContract } from "../test-support/contract";
import type { RepoLocation } from "../types";
import { createGitLabAdapter } from "./create-gitlab-adapter";

/** Sets environment variables and gives back a function restoring them. */
function setEnv(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

runGitHostContract("gitlab-self-managed", async () => {
  const emulator = await startGitLabEmulatorProcess();
  const restoreEnv = setEnv({ BENCHTOP_INSECURE_HOSTS: new URL(emulator.url).host });
  const where = { seeded: emulator.seed.fullName, missing: "analytics/no-such-project", private: emulator.seed.privateFullName };
  return {
    adapter: ({ token, repo = "seeded" }) => createGitLabAdapter({ location: parseRepoLocation({ provider: "gitlab-self-managed", location: `${emulator.url}/${where[repo]}` }), token }),
    tokens: emulator.seed.tokens,
    expected: { fullName: emulator.seed.fullName },
    async stop() {
      restoreEnv();
      await emulator.stop();
    },
  };
});

describe("the GitLab adapter", () => {
  let emulator: GitLabEmulator;
  let seed: GitLabContractSeed;
  let restoreEnv: () => void;
  const at = (fullName: string) => parseRepoLocation({ provider: "gitlab-self-managed", location: `${emulator.url}/${fullName}` });
  const adapter = (token: string | null, fullName = seed.fullName) => createGitLabAdapter({ location: at(fullName), token });

  beforeAll(async () => {
    emulator = await startGitLabEmulator();
    seed = seedGitLabContract(emulator);
    restoreEnv = setEnv({ BENCHTOP_INSECURE_HOSTS: new URL(emulator.url).host });
    emulator.seedUser({ username: "pat" });
    emulator.seedGroup({ path: "analytics/ml/deep" });
    emulator.addMember({ username: "pat", group: "analytics/ml", accessLevel: access.developer });
    const many = Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`data/part-${String(i).padStart(3, "0")}.csv`, `${i}\n`]));
    emulator.seedProject({ namespace: "analytics/ml/deep", path: "nets", visibility: "public", files: { "README.md": "# Nets\n", "model.bin": Buffer.from([0, 1, 2, 255, 254, 0, 10]), ...many } });
  }, 60_000);
  afterAll(async () => {
    restoreEnv?.();
    await emulator?.stop();
  });

  describe("gitlab.com, with its API root from BENCHTOP_GITLAB_API_URL", () => {
    it("reads the project through the emulator and gives git gitlab.com's address", async () => {
      const restore = setEnv({ BENCHTOP_GITLAB_API_URL: emulator.apiRoot });
      try {
        const location = parseRepoLocation({ provider: "gitlab", location: "https://gitlab.com/analytics/forecast/-/tree/main" });
        expect(location.apiRoot).toBe(emulator.apiRoot);
        const cloud = createGitLabAdapter({ location, token: seed.tokens.admin });
        const report = await cloud.testConnection();
        expect(report.repository).toMatchObject({ fullName: "analytics/forecast", defaultBranch: "main", canPush: true, private: true });
        expect(new TextDecoder().decode(await cloud.readFile({ path: "src/app.py" }))).toBe("print('hello')\n");
        expect(cloud.gitRemoteUrl()).toBe("https://gitlab.com/analytics/forecast.git");
      } finally {
        restore();
      }
    });
  });

  describe("token scopes, expiry and push permission", () => {
    it("reports scopes, expiry and login of a full token", async () => {
      const report = await adapter(seed.tokens.admin).testConnection();
      expect(report.token).toEqual({ scopes: ["api"], missingScopes: [], expiresAt: "2099-12-31T00:00:00.000Z", login: "alice" });
      expect(report.repository.canPush).toBe(true);
    });

    it("a Reporter may read but not push, and is not told to get write_repository", async () => {
      const report = await adapter(seed.tokens.readOnly).testConnection();
      expect(report.repository.canPush).toBe(false);
      expect(report.token).toEqual({ scopes: ["read_api", "read_repository"], missingScopes: [], expiresAt: null, login: "rita" });
    });

    it("a Developer whose token lacks write_repository cannot push, and is told why", async () => {
      const report = await adapter(seed.tokens.developer).testConnection();
      expect(report.repository.canPush).toBe(false);
      expect(report.token?.missingScopes).toEqual(["write_repository"]);
    });

    it("names what a read_api-only token lacks for git", async () => {
      const report = await adapter(seed.tokens.narrow).testConnection();
      expect(report.token?.missingScopes).toEqual(["read_repository", "write_repository"]);
      expect(report.repository.canPush).toBe(false);
    });

    it("refuses a read_user-only token with missing_scopes, naming what to add", async () => {
      const error = await hostFailureOf(adapter(seed.tokens.readUserOnly).testConnection());
      expect(error.code).toBe("missing_scopes");
      expect(error.message).toMatch(/read_api/);
      expect(error.message).not.toContain(seed.tokens.readUserOnly);
    });

    it("counts membership inherited from a parent group (Developer on analytics/ml for analytics/ml/deep/nets)", async () => {
      const token = emulator.seedToken({ username: "pat", scopes: ["api"] });
      expect((await adapter(token, "analytics/ml/deep/nets").getRepo()).canPush).toBe(true);
    });

    it("tests a public project without a token", async () => {
      const report = await adapter(null, "analytics/ml/deep/nets").testConnection();
      expect(report).toMatchObject({ token: null, repository: { fullName: "analytics/ml/deep/nets", canPush: false, private: false } });
      expect(adapter(null).gitAuthHeader()).toBeNull();
    });

    it("sends access tokens as PRIVATE-TOKEN and OAuth tokens as Bearer; git gets Basic oauth2:<token>", async () => {
      const before = emulator.requests.length;
      await adapter(seed.tokens.admin).getRepo();
      await createGitLabAdapter({ location: at(seed.fullName), token: seed.tokens.admin, tokenType: "oauth" }).listBranches();
      expect(emulator.requests.slice(before).map((r) => r.auth)).toEqual(["private-token", "private-token", "bearer"]);
      expect(adapter("glpat-x").gitAuthHeader()).toBe(`Basic ${Buffer.from("oauth2:glpat-x").toString("base64")}`);
    });
  });

  describe("files", () => {
    it("reads binary files byte for byte", async () => {
      expect([...(await adapter(null, "analytics/ml/deep/nets").readFile({ path: "model.bin" }))]).toEqual([0, 1, 2, 255, 254, 0, 10]);
    });

    it("lists a folder across pages", async () => {
      const files = await adapter(null, "analytics/ml/deep/nets").listFiles({ path: "/data/" });
      expect(files).toHaveLength(130);
      expect(files[129]).toEqual({ path: "data/part-129.csv", type: "file", size: null });
    });

    it("says which file or folder is missing", async () => {
      const file = await hostFailureOf(adapter(seed.tokens.admin).readFile({ path: "nope.txt", ref: "main" }));
      expect(file.code).toBe("not_found");
      expect(file.message).toMatch(/nope\.txt was not found in analytics\/forecast at main/);
      const folder = await hostFailureOf(adapter(seed.tokens.admin).listFiles({ path: "nope" }));
      expect(folder.message).toMatch(/folder nope/);
      expect((await hostFailureOf(adapter(seed.tokens.admin).readFile({ path: "../etc/passwd" }))).code).toBe("not_found");
    });
  });

  describe("failures", () => {
    it("expired and revoked tokens are bad credentials, saying which", async () => {
      const expired = await hostFailureOf(adapter(seed.tokens.expired).testConnection());
      expect([expired.code, expired.apiCode]).toEqual(["bad_credentials", "upstream_error"]);
      expect(expired.message).toMatch(/GitLab refused the token: it has expired/);
      expect((await hostFailureOf(adapter(seed.tokens.revoked).getRepo())).message).toMatch(/revoked/);
    });

    it("a Guest reading a private repository has no permission", async () => {
      emulator.seedUser({ username: "gus" });
      emulator.addMember({ username: "gus", project: seed.fullName, accessLevel: access.guest });
      const token = emulator.seedToken({ username: "gus", scopes: ["read_api"] });
      const error = await hostFailureOf(adapter(token).listBranches());
      expect(error.code).toBe("no_permission");
    });

    it("a rate limit is reported at once, with RateLimit-Reset, and not retried", async () => {
      const before = emulator.requests.length;
      const error = await hostFailureOf(adapter(seed.tokens.rateLimited).listBranches());
      expect(error.code).toBe("rate_limited");
      expect([error.apiCode, error.status]).toEqual(["rate_limited", 429]);
      expect(new Date(error.resetAt!).getTime() % 60_000).toBe(0);
      expect(new Date(error.resetAt!).getTime()).toBeGreaterThan(Date.now());
      expect(emulator.requests.length - before).toBe(1);
    });

    const stub = (status: number, body: string, headers: Record<string, string> = {}) => (async () => new Response(body, { status, headers })) as unknown as typeof fetch;
    const stubbed = (fetch: typeof globalThis.fetch) => createGitLabAdapter({ location: at(seed.fullName), token: "t", fetch });

    it("maps Retry-After, redirects, server errors and answers that are not GitLab's", async () => {
      const limited = await hostFailureOf(stubbed(stub(429, "Retry later\n", { "retry-after": "30" })).getRepo());
      expect(Math.abs(new Date(limited.resetAt!).getTime() - (Date.now() + 30_000))).toBeLessThan(5_000);
      expect((await hostFailureOf(stubbed(stub(302, "", { location: "https://elsewhere.example/x" })).getRepo())).message).toMatch(/moved/);
      expect((await hostFailureOf(stubbed(stub(502, "<html>Bad gateway</html>", { "content-type": "text/html" })).getRepo())).code).toBe("upstream");
      const html = await hostFailureOf(stubbed(stub(200, "<html>sign in</html>", { "content-type": "text/html" })).listBranches());
      expect([html.code, html.message]).toEqual(["upstream", expect.stringMatching(/does not understand/)]);
    });

    it("an unreachable host, a host resolving to a private address and a bad certificate", async () => {
      const closed = https.createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const restore = setEnv({ BENCHTOP_INSECURE_HOSTS: `${new URL(emulator.url).host},127.0.0.1:${port}` });
      try {
        const refused = await hostFailureOf(createGitLabAdapter({ location: parseRepoLocation({ provider: "gitlab-self-managed", location: `http://127.0.0.1:${port}/a/b` }), token: "t" }).getRepo());
        expect(refused.code).toBe("unreachable");
      } finally {
        restore();
      }
      const localhost: RepoLocation = { ...at(seed.fullName), origin: "https://localhost:8443", apiRoot: "https://localhost:8443/api/v4" };
      expect((await hostFailureOf(createGitLabAdapter({ location: localhost, token: "t" }).getRepo())).code).toBe("not_allowed");

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-tls-"));
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"), "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
      const tls = https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) }, (_req, res) => res.end("{}"));
      await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
      const tlsPort = (tls.address() as AddressInfo).port;
      const restoreTls = setEnv({ BENCHTOP_INSECURE_HOSTS: `127.0.0.1:${tlsPort}` });
      try {
        const error = await hostFailureOf(createGitLabAdapter({ location: parseRepoLocation({ provider: "gitlab-self-managed", location: `https://127.0.0.1:${tlsPort}/a/b` }), token: "t" }).getRepo());
        expect(error.code).toBe("tls");
      } finally {
        restoreTls();
        tls.closeAllConnections();
        await new Promise<void>((resolve) => tls.close(() => resolve()));
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
