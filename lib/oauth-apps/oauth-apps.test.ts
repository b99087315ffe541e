import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, getDatabaseFile, listAuditEvents, listOAuthAppRows } from "../db";
import { getOAuthAppCredentials, listOAuthApps, oauthAppInputSchema, oauthAppOrigin, oauthAppsBodySchema, replaceOAuthApps } from ".";

const actor = { id: "admin-1", email: "admin@example.test" };
const put = (apps: unknown[]) => replaceOAuthApps({ apps: oauthAppsBodySchema.parse({ apps }).apps, actor });

/** Everything SQLite wrote for the database, WAL included. */
function databaseBytes(): string {
  closeDb();
  const file = getDatabaseFile();
  return [file, `${file}-wal`, `${file}-shm`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString("latin1"))
    .join("\n");
}

afterEach(() => {
  put([]);
  delete process.env.BENCHTOP_INSECURE_HOSTS;
});

describe("oauth apps", () => {
  it("seals client secrets: the database file never holds them in plain text", () => {
    put([
      { provider: "github", host: "github.com", clientId: "Iv1.cloud", clientSecret: "gh-cloud-secret-0123456789" },
      { provider: "gitlab-self-managed", host: "GIT.Example.COM:8443", clientId: "gl-id", clientSecret: "gl-self-secret-9876543210" },
    ]);
    const bytes = databaseBytes();
    expect(bytes).toContain("Iv1.cloud");
    expect(bytes).not.toContain("gh-cloud-secret-0123456789");
    expect(bytes).not.toContain("gl-self-secret-9876543210");
    for (const row of listOAuthAppRows()) expect(row.sealedClientSecret).toMatch(/^v1:/);

    expect(getOAuthAppCredentials({ provider: "github", host: "github.com" })).toMatchObject({ clientId: "Iv1.cloud", clientSecret: "gh-cloud-secret-0123456789", origin: "https://github.com" });
    expect(getOAuthAppCredentials({ provider: "gitlab-self-managed", host: "git.example.com:8443" })?.clientSecret).toBe("gl-self-secret-9876543210");
    expect(getOAuthAppCredentials({ provider: "gitlab", host: "gitlab.com" })).toBeUndefined();
  });

  it("binds a sealed secret to its row", () => {
    put([
      { provider: "github", clientId: "a", clientSecret: "secret-a" },
      { provider: "gitlab", clientId: "b", clientSecret: "secret-b" },
    ]);
    const rows = listOAuthAppRows();
    expect(rows[0]!.sealedClientSecret).not.toBe(rows[1]!.sealedClientSecret);
    // The sealing context names the row's id.
    expect(getOAuthAppCredentials({ provider: "gitlab", host: "gitlab.com" })?.clientSecret).toBe("secret-b");
  });

  it("shows apps without their secrets", () => {
    const answered = put([{ provider: "github-enterprise", host: "ghe.example.com", kind: "github-app", clientId: "Iv1.ghe", clientSecret: "ghe-secret-value" }]);
    const expected = [{ provider: "github-enterprise", host: "ghe.example.com", kind: "github-app", clientId: "Iv1.ghe", hasClientSecret: true }];
    expect(answered).toEqual(expected);
    expect(listOAuthApps()).toEqual(expected);
    expect(JSON.stringify(listOAuthApps())).not.toContain("ghe-secret-value");
    expect(JSON.stringify(listOAuthApps())).not.toMatch(/sealed/i);
  });

  it("replaces the stored set and keeps a secret that is not given again", () => {
    put([
      { provider: "github", clientId: "gh-1", clientSecret: "gh-secret-1" },
      { provider: "gitlab", clientId: "gl-1", clientSecret: "gl-secret-1" },
    ]);
    const idBefore = listOAuthAppRows().find((r) => r.provider === "github")!.id;

    const after = put([
      { provider: "github", host: "github.com", kind: "github-app", clientId: "gh-2" },
      { provider: "gitlab-self-managed", host: "gitlab.internal.example", clientId: "sm-1", clientSecret: "sm-secret-1" },
    ]);

    expect(after.map((a) => `${a.provider} ${a.host}`)).toEqual(["github github.com", "gitlab-self-managed gitlab.internal.example"]);
    expect(getOAuthAppCredentials({ provider: "gitlab", host: "gitlab.com" })).toBeUndefined();
    const github = getOAuthAppCredentials({ provider: "github", host: "github.com" })!;
    expect(github).toMatchObject({ clientId: "gh-2", kind: "github-app", clientSecret: "gh-secret-1" });
    expect(listOAuthAppRows().find((r) => r.provider === "github")!.id).toBe(idBefore);

    put([{ provider: "github", clientId: "gh-2", clientSecret: "gh-secret-2" }]);
    expect(getOAuthAppCredentials({ provider: "github", host: "github.com" })?.clientSecret).toBe("gh-secret-2");
  });

  it("needs the secret of a new app, by its index", () => {
    put([{ provider: "github", clientId: "gh", clientSecret: "s" }]);
    expect(() => put([{ provider: "github", clientId: "gh" }, { provider: "gitlab", clientId: "gl" }])).toThrow(
      expect.objectContaining({ code: "invalid_input", fields: { "apps.1.clientSecret": expect.any(String) } }),
    );
    expect(listOAuthApps().map((a) => a.provider)).toEqual(["github"]);
  });

  it("records providers and hosts in the admin audit, never secrets", () => {
    put([{ provider: "gitlab", clientId: "gl-audit", clientSecret: "audit-secret-xyz" }]);
    const [event] = listAuditEvents({ action: "admin.oauth_apps_updated", limit: 1, offset: 0 });
    expect(event).toMatchObject({ actorEmail: actor.email, projectId: null });
    expect(event!.detail.apps).toEqual([{ provider: "gitlab", host: "gitlab.com" }]);
    expect(JSON.stringify(event)).not.toContain("audit-secret-xyz");
    expect(JSON.stringify(event)).not.toContain("gl-audit");
  });
});

describe("oauth app input", () => {
  const fields = (value: unknown) => {
    const parsed = oauthAppsBodySchema.safeParse({ apps: [value] });
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("normalises hosts and fills the cloud hosts", () => {
    expect(oauthAppInputSchema.parse({ provider: "github", clientId: "x" })).toMatchObject({ host: "github.com", kind: "oauth-app" });
    expect(oauthAppInputSchema.parse({ provider: "github-enterprise", host: "https://GHE.example.com/", clientId: "x" }).host).toBe("ghe.example.com");
    expect(oauthAppInputSchema.parse({ provider: "gitlab-self-managed", host: "git.example.com:8443", clientId: "x" }).host).toBe("git.example.com:8443");
  });

  it("refuses bad hosts, kinds and lengths per field", () => {
    expect(fields({ provider: "bitbucket", clientId: "x" })).toHaveProperty("apps.0.provider");
    expect(fields({ provider: "github", host: "ghe.example.com", clientId: "x" })).toHaveProperty("apps.0.host");
    expect(fields({ provider: "github-enterprise", clientId: "x" })).toHaveProperty("apps.0.host");
    expect(fields({ provider: "github-enterprise", host: "ghe.example.com/path", clientId: "x" })).toHaveProperty("apps.0.host");
    expect(fields({ provider: "github-enterprise", host: "http://ghe.example.com", clientId: "x" })["apps.0.host"]).toMatch(/https only/);
    expect(fields({ provider: "gitlab-self-managed", host: "10.0.0.5", clientId: "x" })["apps.0.host"]).toMatch(/private/);
    expect(fields({ provider: "gitlab", kind: "github-app", clientId: "x" })).toHaveProperty("apps.0.kind");
    expect(fields({ provider: "github", clientId: "" })).toHaveProperty("apps.0.clientId");
    expect(fields({ provider: "github", clientId: "x".repeat(201) })).toHaveProperty("apps.0.clientId");
    expect(fields({ provider: "github", clientId: "x", clientSecret: "s".repeat(501) })).toHaveProperty("apps.0.clientSecret");
    expect(fields({ provider: "github", clientId: "x", clientSecret: "s".repeat(500) })).toEqual({});
  });

  it("allows http for a host on BENCHTOP_INSECURE_HOSTS", () => {
    process.env.BENCHTOP_INSECURE_HOSTS = "localhost:3460";
    expect(fields({ provider: "github-enterprise", host: "http://localhost:3460", clientId: "x" })).toEqual({});
    expect(oauthAppOrigin({ provider: "github-enterprise", host: "localhost:3460" })).toBe("http://localhost:3460");
    expect(oauthAppOrigin({ provider: "github-enterprise", host: "ghe.example.com" })).toBe("https://ghe.example.com");
    expect(fields({ provider: "github-enterprise", host: "http://localhost:3999", clientId: "x" })).toHaveProperty("apps.0.host");
  });

  it("refuses the same provider and host twice", () => {
    const parsed = oauthAppsBodySchema.safeParse({ apps: [{ provider: "github", clientId: "a" }, { provider: "github", host: "GitHub.com", clientId: "b" }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["apps", 1, "host"]);
  });
});
