import { describe, expect, it } from "vitest";
import { HostError } from "../errors";
import { answerToHostError, toHostError, rateLimitResetOf } from "./to-host-error";

const now = Date.parse("2030-01-01T00:00:00Z");
const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
const serverBody = (exceptionName: string) => ({ errors: [{ context: null, message: "whatever Bitbucket says", exceptionName }] });

describe("rateLimitResetOf", () => {
  it("reads Retry-After as seconds or a date, then X-RateLimit-Reset, else waits a minute", () => {
    expect(rateLimitResetOf(new Headers({ "retry-after": "30" }), now).toISOString()).toBe("2030-01-01T00:00:30.000Z");
    expect(rateLimitResetOf(new Headers({ "retry-after": "Tue, 01 Jan 2030 00:05:00 GMT" }), now).toISOString()).toBe("2030-01-01T00:05:00.000Z");
    expect(rateLimitResetOf(new Headers({ "x-ratelimit-reset": String(now / 1000 + 120) }), now).toISOString()).toBe("2030-01-01T00:02:00.000Z");
    expect(rateLimitResetOf(new Headers({ "x-ratelimit-reset": "2030-01-01T01:00Z" }), now).toISOString()).toBe("2030-01-01T01:00:00.000Z");
    expect(rateLimitResetOf(new Headers({ "x-ratelimit-reset": "45" }), now).toISOString()).toBe("2030-01-01T00:00:45.000Z");
    expect(rateLimitResetOf(new Headers(), now).toISOString()).toBe("2030-01-01T00:01:00.000Z");
  });
});

describe("answerToHostError", () => {
  const map = (flavor: "cloud" | "server", response: Response, body: unknown = undefined) => answerToHostError({ flavor, response, body, subject: "team/models" });

  it("maps statuses to kinds with messages that say what to do", () => {
    const bad = map("cloud", answer(401), { type: "error", error: { message: "Token is invalid" } });
    expect(bad.code).toBe("bad_credentials");
    expect(bad.message).toMatch(/create a new access token/i);
    expect(bad.message).not.toMatch(/Token is invalid/);
    expect(map("cloud", answer(403)).code).toBe("no_permission");
    const missing = map("server", answer(404), serverBody("com.atlassian.bitbucket.repository.NoSuchRepositoryException"));
    expect(missing.code).toBe("not_found");
    expect(missing.message).toMatch(/not found.*or the token has no access/);
    expect(map("cloud", answer(302, { location: "https://elsewhere.example/" })).code).toBe("upstream");
    expect(map("server", answer(503)).code).toBe("upstream");
  });

  it("tells Server's 401 for a valid token without permission from a bad token", () => {
    expect(map("server", answer(401), serverBody("com.atlassian.bitbucket.AuthorisationException")).code).toBe("no_permission");
    expect(map("server", answer(401), serverBody("com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException")).code).toBe("bad_credentials");
    expect(map("server", answer(401), "not json").code).toBe("bad_credentials");
  });

  it("gives rate limits a reset time and a Retry-After for Benchtop's own answer", () => {
    const error = map("server", answer(429, { "retry-after": "30" }));
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(Date.parse(error.resetAt!) - Date.now()).toBeGreaterThan(25_000);
    expect(error.headers?.["retry-after"]).toMatch(/^(29|30)$/);
  });
});

describe("toHostError", () => {
  const failed = (code: string) => new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
  const map = (error: unknown) => toHostError({ flavor: "server", error, host: "git.example.com" });

  it("tells TLS failures, refused addresses and unreachable hosts apart", () => {
    for (const code of ["CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID"]) {
      expect(map(failed(code)).code).toBe("tls");
    }
    expect(map(failed("ENOTALLOWED")).code).toBe("not_allowed");
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "UND_ERR_CONNECT_TIMEOUT", "ECONNRESET"]) {
      const error = map(failed(code));
      expect(error.code).toBe("unreachable");
      expect(error.message).toContain("git.example.com");
    }
  });

  it("passes HostErrors through", () => {
    const original = new HostError("not_found", "x");
    expect(map(original)).toBe(original);
  });
});
