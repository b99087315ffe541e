import { describe, expect, it } from "vitest";
import { missingScopesFor, parseScopes, parseTokenExpiry, readTokenInfo } from "./token-info";

describe("GitHub token headers", () => {
  it("reads X-OAuth-Scopes; fine-grained tokens send none", () => {
    expect(parseScopes({ "x-oauth-scopes": "repo, read:org,workflow" })).toEqual(["repo", "read:org", "workflow"]);
    expect(parseScopes({ "x-oauth-scopes": "" })).toEqual([]);
    expect(parseScopes({})).toBeNull();
  });

  it("reads github-authentication-token-expiration in UTC or with an offset", () => {
    expect(parseTokenExpiry({ "github-authentication-token-expiration": "2026-12-01 10:00:00 UTC" })).toBe("2026-12-01T10:00:00.000Z");
    expect(parseTokenExpiry({ "github-authentication-token-expiration": "2026-12-01 10:00:00 +0200" })).toBe("2026-12-01T08:00:00.000Z");
    expect(parseTokenExpiry({ "github-authentication-token-expiration": "2026-12-01 10:00:00 -07:00" })).toBe("2026-12-01T17:00:00.000Z");
    expect(parseTokenExpiry({ "github-authentication-token-expiration": "soon" })).toBeNull();
    expect(parseTokenExpiry({})).toBeNull();
  });

  it("needs repo for private repositories, public_repo or repo for public ones", () => {
    expect(missingScopesFor(["read:user"], true)).toEqual(["repo"]);
    expect(missingScopesFor(["public_repo"], true)).toEqual(["repo"]);
    expect(missingScopesFor(["repo"], true)).toEqual([]);
    expect(missingScopesFor([], false)).toEqual(["public_repo"]);
    expect(missingScopesFor(["public_repo"], false)).toEqual([]);
    expect(missingScopesFor(null, true)).toEqual([]);
  });

  it("puts the report together", () => {
    expect(readTokenInfo({ headers: { "x-oauth-scopes": "gist" }, isPrivate: false, login: "mona" })).toEqual({ scopes: ["gist"], missingScopes: ["public_repo"], expiresAt: null, login: "mona" });
  });
});
