import { beforeAll, describe, expect, it } from "vitest";
import { adminToken, createUser, type TestUser } from "../helpers/api";
import { call, expectError } from "./helpers";

const PATH = "/api/v1/admin/oauth-apps";
const SECRETS = ["gh-cloud-secret-1f2e3d", "ghe-secret-4c5b6a", "gl-secret-7d8e9f", "gh-cloud-secret-rotated"];

/** No answer may hold a client secret, or a key that could. */
function expectNoSecrets(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/"clientSecret"|sealed/i);
}

describe("admin OAuth apps", () => {
  let admin: string;
  let user: TestUser;
  const put = async (apps: unknown[]) => {
    const res = await call(PATH, { method: "PUT", token: admin, body: { apps } });
    expectNoSecrets(res.text);
    return res;
  };

  beforeAll(async () => {
    admin = await adminToken();
    user = await createUser();
  });

  it("stores apps and answers them without secrets", async () => {
    const res = await put([
      { provider: "github", host: "github.com", clientId: "Iv1.cloud", clientSecret: SECRETS[0] },
      { provider: "github-enterprise", host: "GHE.Example.com", kind: "github-app", clientId: "Iv1.ghe", clientSecret: SECRETS[1] },
      { provider: "gitlab", clientId: "gl-client", clientSecret: SECRETS[2] },
    ]);
    expect(res.status, res.text).toBe(200);
    const expected = [
      { provider: "github", host: "github.com", kind: "oauth-app", clientId: "Iv1.cloud", hasClientSecret: true },
      { provider: "github-enterprise", host: "ghe.example.com", kind: "github-app", clientId: "Iv1.ghe", hasClientSecret: true },
      { provider: "gitlab", host: "gitlab.com", kind: "oauth-app", clientId: "gl-client", hasClientSecret: true },
    ];
    expect(res.body).toEqual({ apps: expected });

    const got = await call(PATH, { token: admin });
    expect(got.status).toBe(200);
    expectNoSecrets(got.text);
    expect(got.body).toEqual({ apps: expected });
  });

  it("replaces the set: apps not listed are removed, a secret left out is kept", async () => {
    await put([
      { provider: "github", clientId: "Iv1.cloud", clientSecret: SECRETS[0] },
      { provider: "gitlab", clientId: "gl-client", clientSecret: SECRETS[2] },
    ]);
    const res = await put([{ provider: "github", host: "github.com", kind: "github-app", clientId: "Iv1.cloud2" }]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.apps).toEqual([{ provider: "github", host: "github.com", kind: "github-app", clientId: "Iv1.cloud2", hasClientSecret: true }]);
    expect((await call(PATH, { token: admin })).body.apps).toHaveLength(1);

    // A new app needs its secret; nothing changes when one is missing.
    const refused = await put([{ provider: "github", clientId: "Iv1.cloud2" }, { provider: "gitlab", clientId: "gl-new" }]);
    expectError(refused, 400, "invalid_input", ["apps.1.clientSecret"]);
    expect((await call(PATH, { token: admin })).body.apps).toHaveLength(1);

    const rotated = await put([{ provider: "github", clientId: "Iv1.cloud2", clientSecret: SECRETS[3] }]);
    expect(rotated.status).toBe(200);

    const emptied = await put([]);
    expect(emptied.status).toBe(200);
    expect(emptied.body).toEqual({ apps: [] });
    expect((await call(PATH, { token: admin })).body).toEqual({ apps: [] });
  });

  it("records the change in the admin audit without secrets", async () => {
    await put([{ provider: "gitlab", clientId: "gl-audit", clientSecret: SECRETS[2] }]);
    const res = await call("/api/v1/admin/audit?action=admin.oauth_apps_updated", { token: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain("gitlab.com");
    expectNoSecrets(res.text);
  });

  it("refuses invalid apps with fields per app index", async () => {
    const res = await put([
      { provider: "github", clientId: "ok", clientSecret: "s" },
      { provider: "github", host: "github.com", clientId: "", clientSecret: "s" },
      { provider: "bitbucket", host: "bitbucket.org", clientId: "x", clientSecret: "s" },
      { provider: "github-enterprise", host: "http://ghe.example.com", clientId: "x", clientSecret: "s" },
      { provider: "gitlab", kind: "github-app", clientId: "x", clientSecret: "s" },
      { provider: "gitlab-self-managed", host: "git.example.com", clientId: "x", clientSecret: "s".repeat(501) },
    ]);
    expectError(res, 400, "invalid_input", ["apps.1.clientId", "apps.2.provider", "apps.3.host", "apps.4.kind", "apps.5.clientSecret"]);
    expect(res.body.error.fields["apps.3.host"]).toMatch(/BENCHTOP_INSECURE_HOSTS/);

    expectError(await put([{ provider: "gitlab-self-managed", clientId: "x", clientSecret: "s" }]), 400, "invalid_input", ["apps.0.host"]);
    expectError(await put([{ provider: "github-enterprise", host: "10.1.2.3", clientId: "x", clientSecret: "s" }]), 400, "invalid_input", ["apps.0.host"]);
    expectError(
      await put([
        { provider: "gitlab", clientId: "a", clientSecret: "s" },
        { provider: "gitlab", host: "GitLab.com", clientId: "b", clientSecret: "s" },
      ]),
      400,
      "invalid_input",
      ["apps.1.host"],
    );
    expectError(await call(PATH, { method: "PUT", token: admin, body: { apps: "github" } }), 400, "invalid_input", ["apps"]);
  });

  it("accepts plain http for a host on BENCHTOP_INSECURE_HOSTS", async () => {
    const res = await put([{ provider: "gitlab-self-managed", host: "http://localhost:8929", clientId: "lab", clientSecret: "lab-secret" }]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.apps).toEqual([{ provider: "gitlab-self-managed", host: "localhost:8929", kind: "oauth-app", clientId: "lab", hasClientSecret: true }]);
    expect(res.text).not.toContain("lab-secret");
    await put([]);
  });

  it("is for administrators only", async () => {
    expectError(await call(PATH, { token: user.token }), 403, "forbidden");
    expectError(await call(PATH, { method: "PUT", token: user.token, body: { apps: [] } }), 403, "forbidden");
    expectError(await call(PATH), 401, "unauthorized");
    expectError(await call(PATH, { method: "PUT", body: { apps: [] } }), 401, "unauthorized");
  });
});
