import { describe, expect, it } from "vitest";
import { HostError } from "../hosts/errors";
import type { ExternalBackend } from "./backend-schema";
import type { OrganizationHost } from "../hosts/organization-host";
import { testBackend } from "./test-backend";

const backend: ExternalBackend = {
  type: "github",
  name: "Acme",
  url: "https://ghe.acme.example/api/v3",
  credentialHostname: "ghe.acme.example",
  repository: "{owner}-{id}",
  organization: "acme",
  username: "svc-admin",
  authToken: "ghp_x",
  onDelete: "archive",
};

function fakeHost(overrides: Partial<OrganizationHost> = {}): OrganizationHost {
  const unused = () => Promise.reject(new Error("not used by Test"));
  return {
    getServiceAccount: async () => ({ login: "svc-admin", scopes: ["repo", "admin:org"] }),
    getAdministration: async () => ({ isMember: true, isAdmin: true, role: "admin" }),
    missingScopes: ({ scopes }) => (scopes?.includes("repo") ? [] : ["repo"]),
    createRepository: unused,
    findRepository: unused,
    grantAccess: unused,
    revokeAccess: unused,
    deleteRepository: unused,
    archiveRepository: unused,
    ...overrides,
  };
}

const byName = (checks: { name: string; ok: boolean; message: string }[]) => Object.fromEntries(checks.map((c) => [c.name, c]));

describe("testing a version-control backend", () => {
  it("passes every check for the organization's administrator with a sufficient token", async () => {
    const report = await testBackend({ backend, connect: () => fakeHost() });
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ["HTTPS", true],
      ["Token", true],
      ["Administrator", true],
      ["Create repositories", true],
      ["Repository names", true],
    ]);
    expect(report.ok).toBe(true);
  });

  it("names a refused token and does not pretend to check what depends on it", async () => {
    const report = await testBackend({ backend, connect: () => fakeHost({ getServiceAccount: () => Promise.reject(new HostError("bad_credentials", "ghe.acme.example refused the token: it is wrong, expired or revoked.")) }) });
    const checks = byName(report.checks);
    expect(checks.Token).toMatchObject({ ok: false, message: expect.stringMatching(/refused the token/) });
    expect(checks.Administrator?.message).toMatch(/Not checked: fix "Token" first/);
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/did not pass: Token, Administrator, Create repositories/);
  });

  it("says when the token is another account's, and when the account is a member but not an administrator", async () => {
    const report = await testBackend({ backend, connect: () => fakeHost({ getServiceAccount: async () => ({ login: "someone", scopes: ["repo"] }), getAdministration: async () => ({ isMember: true, isAdmin: false, role: "member" }) }) });
    const checks = byName(report.checks);
    expect(checks.Token?.message).toMatch(/belongs to someone, not svc-admin/);
    expect(checks.Administrator?.message).toMatch(/member of the organization acme \(member\) but not an administrator/);
  });

  it("names missing scopes, plain http off the allowlist, and a template the host would refuse", async () => {
    const scopes = await testBackend({ backend, connect: () => fakeHost({ getServiceAccount: async () => ({ login: "svc-admin", scopes: ["read:org"] }) }) });
    expect(byName(scopes.checks)["Create repositories"]?.message).toMatch(/lacks the scope repo/);
    const http = await testBackend({ backend: { ...backend, url: "http://ghe.acme.example/api/v3", repository: "{owner} {id}" }, connect: () => { throw new Error("must not connect"); } });
    expect(byName(http.checks).HTTPS?.message).toMatch(/plain http.*BENCHTOP_INSECURE_HOSTS/);
    expect(byName(http.checks)["Repository names"]?.message).toMatch(/may use only/);
  });
});
