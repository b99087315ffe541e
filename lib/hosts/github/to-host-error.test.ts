// Error mapping of the GitHub adapter: GitHub's answers through a stubbed fetch,
// and real network failures (closed port, self-signed TLS, private address).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseRepoLocation } from "../location";
import { hostFailureOf } from "../test-support/host-failure";
import { createGitHubAdapter } from "./create-github-adapter";

const location = parseRepoLocation({ provider: "github", location: "https://github.com/acme/models" });


/** An adapter whose fetch answers every request with `answer` (or throws it). */
function answering(answer: { status: number; body?: unknown; headers?: Record<string, string> } | Error) {
  const calls: { url: string; headers: Headers }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url: String(url), headers: new Headers(init?.headers) });
    if (answer instanceof Error) throw answer;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { "content-type": "application/json; charset=utf-8", ...answer.headers } });
  }) as unknown as typeof globalThis.fetch;
  return { adapter: createGitHubAdapter({ location, token: "ghp_test", fetch }), calls };
}

const undiciFailure = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(`connect ${code}`), { code }) });

describe("GitHub error mapping", () => {
  it("401: the token is bad", async () => {
    const error = await hostFailureOf(answering({ status: 401, body: { message: "Bad credentials" } }).adapter.getRepo());
    expect(error.code).toBe("bad_credentials");
    expect(error.message).toBe("GitHub refused the token: it is wrong, expired or revoked. Create a new token and save it here.");
    expect(error.status).toBe(502);
  });

  it("403 with x-ratelimit-remaining 0: rate limited until x-ratelimit-reset", async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    const error = await hostFailureOf(answering({ status: 403, body: { message: "API rate limit exceeded for user ID 1." }, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) } }).adapter.getRepo());
    expect(error.code).toBe("rate_limited");
    expect(error.resetAt).toBe(new Date(reset * 1000).toISOString());
    expect(error.headers?.["retry-after"]).toMatch(/^\d+$/);
  });

  it("429 (secondary limit): rate limited for retry-after seconds", async () => {
    const error = await hostFailureOf(answering({ status: 429, body: { message: "You have exceeded a secondary rate limit." }, headers: { "retry-after": "30" } }).adapter.listBranches());
    expect(error.code).toBe("rate_limited");
    expect(new Date(error.resetAt!).getTime() - Date.now()).toBeGreaterThan(20_000);
  });

  it("403 otherwise: no permission, with the fine-grained token's Contents access named", async () => {
    const error = await hostFailureOf(answering({ status: 403, body: { message: "Resource not accessible by personal access token" }, headers: { "x-ratelimit-remaining": "4999" } }).adapter.listFiles({}));
    expect(error.code).toBe("no_permission");
    expect(error.message).toMatch(/"Contents" access/);
    const sso = await hostFailureOf(answering({ status: 403, body: { message: "Resource protected by organization SAML enforcement." }, headers: { "x-github-sso": "required; url=https://github.com/orgs/acme/sso" } }).adapter.getRepo());
    expect(sso.message).toMatch(/single sign-on/);
  });

  it("404: not found, or no access", async () => {
    const error = await hostFailureOf(answering({ status: 404, body: { message: "Not Found" } }).adapter.getRepo());
    expect(error.code).toBe("not_found");
    expect(error.message).toMatch(/acme\/models was not found, or the token has no access to it/);
  });

  it("3xx (not followed): moved or renamed", async () => {
    const error = await hostFailureOf(answering({ status: 301, body: { message: "Moved Permanently", url: "https://api.github.com/repositories/1" }, headers: { location: "https://api.github.com/repositories/1" } }).adapter.getRepo());
    expect(error.code).toBe("not_found");
    expect(error.message).toMatch(/moved or renamed on GitHub; use its new address/);
  });

  it("5xx and unexpected shapes: upstream, without GitHub's own words", async () => {
    const error = await hostFailureOf(answering({ status: 502, body: { message: "Server Error" } }).adapter.getRepo());
    expect(error.code).toBe("upstream");
    expect(error.message).not.toMatch(/Server Error/);
    const shape = await hostFailureOf(answering({ status: 200, body: { hello: "world" } }).adapter.getRepo());
    expect(shape.code).toBe("upstream");
  });

  it("network failures by code: unreachable and tls", async () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "UND_ERR_CONNECT_TIMEOUT", "ENOTALLOWED"]) {
      expect((await hostFailureOf(answering(undiciFailure(code)).adapter.getRepo())).code, code).toBe("unreachable");
    }
    for (const code of ["CERT_HAS_EXPIRED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "DEPTH_ZERO_SELF_SIGNED_CERT", "ERR_TLS_CERT_ALTNAME_INVALID"]) {
      const error = await hostFailureOf(answering(undiciFailure(code)).adapter.getRepo());
      expect(error.code, code).toBe("tls");
      expect(error.message).toContain(code);
    }
  });

  it("reads a file GitHub will not inline (403 too_large) through the raw media type", async () => {
    const calls: string[] = [];
    const fetch = (async (_url: string, init?: RequestInit) => {
      const accept = new Headers(init?.headers).get("accept") ?? "";
      calls.push(accept);
      if (accept.includes("raw")) return new Response(new Uint8Array([0, 255, 1]), { status: 200, headers: { "content-type": "application/vnd.github.raw; charset=utf-8" } });
      return new Response(JSON.stringify({ message: "This API returns blobs up to 1 MB in size.", errors: [{ resource: "Blob", field: "data", code: "too_large" }] }), { status: 403, headers: { "content-type": "application/json" } });
    }) as unknown as typeof globalThis.fetch;
    const bytes = await createGitHubAdapter({ location, token: "t", fetch }).readFile({ path: "big.bin" });
    expect([...bytes]).toEqual([0, 255, 1]);
    expect(calls).toHaveLength(2);
  });

  it("sends the token as GitHub expects", async () => {
    const { adapter, calls } = answering({ status: 404, body: { message: "Not Found" } });
    await hostFailureOf(adapter.getRepo());
    expect(calls[0]!.url).toBe("https://api.github.com/repos/acme/models");
    expect(calls[0]!.headers.get("authorization")).toBe("token ghp_test");
  });
});

describe("GitHub adapter over real connections", () => {
  const saved = process.env.BENCHTOP_INSECURE_HOSTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.BENCHTOP_INSECURE_HOSTS;
    else process.env.BENCHTOP_INSECURE_HOSTS = saved;
  });

  const enterpriseAt = (origin: string) => createGitHubAdapter({ location: parseRepoLocation({ provider: "github-enterprise", location: `${origin}/acme/models` }), token: "t" });

  it("a closed port is unreachable", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    process.env.BENCHTOP_INSECURE_HOSTS = `127.0.0.1:${port}`;
    const error = await hostFailureOf(enterpriseAt(`http://127.0.0.1:${port}`).getRepo());
    expect(error.code).toBe("unreachable");
    expect(error.message).toMatch(/could not reach 127\.0\.0\.1/);
  });

  it("a name resolving to a private address is refused by the safe lookup", async () => {
    delete process.env.BENCHTOP_INSECURE_HOSTS;
    const error = await hostFailureOf(enterpriseAt("https://localhost:39999").getRepo());
    expect(error.code).toBe("unreachable");
    expect(error.message).toMatch(/private or local address/);
  });

  it("a self-signed certificate is a TLS failure", async (context) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "github-tls-"));
    try {
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"), "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
    } catch {
      context.skip();
    }
    const server = https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) }, (_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    process.env.BENCHTOP_INSECURE_HOSTS = `127.0.0.1:${port}`;
    try {
      const error = await hostFailureOf(enterpriseAt(`https://127.0.0.1:${port}`).getRepo());
      expect(error.code).toBe("tls");
      expect(error.message).toMatch(/certificate of 127\.0\.0\.1:\d+ could not be verified/);
    } finally {
      server.closeAllConnections();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
