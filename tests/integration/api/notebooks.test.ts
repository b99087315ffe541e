// Where notebooks' browser kernels load Python packages from (API.md "Notebooks
// (admin)"): none by default, an administrator's setting, or
// BENCHTOP_PYODIDE_PACKAGES_URL, which wins and cannot be changed through the API.
// Every session page hands the one in force to the browser.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../../setup/app-server.mjs";
import { adminToken, api, baseUrl, createProject, createUser, signInBrowser, type TestUser } from "../helpers/api";
import { call, expectError } from "./helpers";

const PATH = "/api/v1/admin/notebooks";
const MIRROR = "http://pyodide-mirror.lab.internal/v0.27/full/";

describe("the notebooks' package repository (admin)", () => {
  let admin: string;
  let user: TestUser;
  const put = (pyodidePackagesUrl: unknown, token = admin) => call(PATH, { method: "PUT", token, body: { pyodidePackagesUrl } });

  beforeAll(async () => {
    admin = await adminToken();
    user = await createUser();
  });

  // The app server is shared: leave it with no repository, as the other tests expect.
  afterAll(async () => {
    await put(null);
  });

  it("is none by default", async () => {
    const res = await call(PATH, { token: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ pyodidePackagesUrl: null, source: "none" });
  });

  it("is set by an administrator, with a final slash, audited, and cleared with null or an empty string", async () => {
    const set = await put("http://pyodide-mirror.lab.internal/v0.27/full");
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({ pyodidePackagesUrl: MIRROR, source: "setting" });
    expect((await call(PATH, { token: admin })).body).toEqual({ pyodidePackagesUrl: MIRROR, source: "setting" });

    const audit = await call("/api/v1/admin/audit?action=admin.notebooks_updated", { token: admin });
    expect(audit.body.events[0]).toMatchObject({ action: "admin.notebooks_updated", detail: { pyodidePackagesUrl: MIRROR } });

    expect((await put("")).body).toEqual({ pyodidePackagesUrl: null, source: "none" });
    await put(MIRROR);
    expect((await put(null)).body).toEqual({ pyodidePackagesUrl: null, source: "none" });
    expect((await call(PATH, { token: admin })).body).toEqual({ pyodidePackagesUrl: null, source: "none" });
  });

  it("refuses a URL the kernel cannot use, saying why, and keeps the one in force", async () => {
    await put(MIRROR);
    const cases: [unknown, RegExp][] = [
      ["pyodide-mirror.lab.internal/full/", /absolute URL/],
      ["ftp://pyodide-mirror.lab.internal/full/", /https:\/\//],
      ["https://me:secret@pyodide-mirror.lab.internal/full/", /user name and password/],
      ["https://pyodide-mirror.lab.internal/full/?token=1", /\?query/],
      [42, /a URL, or null for none/],
    ];
    for (const [value, message] of cases) {
      const res = await put(value);
      expectError(res, 400, "invalid_input", ["pyodidePackagesUrl"]);
      expect(res.body.error.fields.pyodidePackagesUrl).toMatch(message);
    }
    expectError(await call(PATH, { method: "PUT", token: admin, body: {} }), 400, "invalid_input", ["pyodidePackagesUrl"]);
    expect((await call(PATH, { token: admin })).body).toEqual({ pyodidePackagesUrl: MIRROR, source: "setting" });
    await put(null);
  });

  it("is for administrators only, and a browser's change must come from Benchtop's own pages", async () => {
    expectError(await call(PATH, { token: user.token }), 403, "forbidden");
    expectError(await put(MIRROR, user.token), 403, "forbidden");
    expectError(await call(PATH), 401, "unauthorized");
    expectError(await call(PATH, { method: "PUT", body: { pyodidePackagesUrl: MIRROR } }), 401, "unauthorized");

    const cookie = await signInBrowser(await createUser({ role: "admin" }));
    expectError(await call(PATH, { method: "PUT", cookie, headers: { origin: "https://evil.example" }, body: { pyodidePackagesUrl: MIRROR } }), 403, "forbidden");
    expect((await call(PATH, { token: admin })).body.source).toBe("none");
    const sameOrigin = await call(PATH, { method: "PUT", cookie, body: { pyodidePackagesUrl: MIRROR } });
    expect(sameOrigin.body).toEqual({ pyodidePackagesUrl: MIRROR, source: "setting" });
    await put(null);
  });

  it("reaches the kernel: a session page hands the browser the repository in force", async () => {
    const owner = await createUser();
    const project = await createProject(owner);
    const sessionPage = async () => {
      const res = await fetch(`${baseUrl()}/projects/${project.id}/session`, { headers: { cookie: await signInBrowser(owner) }, redirect: "manual" });
      expect(res.status).toBe(200);
      return res.text();
    };
    await put(MIRROR);
    expect(await sessionPage()).toContain(MIRROR);
    await put(null);
    expect(await sessionPage()).not.toContain(MIRROR);
  });
});

describe("the notebooks' package repository set by BENCHTOP_PYODIDE_PACKAGES_URL", () => {
  const admin = { email: "env-admin@benchtop.test", password: "env-admin-password" };
  const FROM_ENVIRONMENT = "https://cdn.example.test/pyodide/full/";
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let token: string;

  beforeAll(async () => {
    server = await startAppServer({
      env: { BENCHTOP_ADMIN_EMAIL: admin.email, BENCHTOP_ADMIN_PASSWORD: admin.password, BENCHTOP_PYODIDE_PACKAGES_URL: "https://cdn.example.test/pyodide/full" },
    });
    const res = await api("/api/v1/tokens", { method: "POST", base: server.baseUrl, body: { ...admin, name: "env" } });
    token = res.body.token;
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("wins, and the API refuses to change it, saying where it is set", async () => {
    const current = await api(PATH, { token, base: server.baseUrl });
    expect(current.body).toEqual({ pyodidePackagesUrl: FROM_ENVIRONMENT, source: "environment" });
    const refused = await api(PATH, { method: "PUT", token, base: server.baseUrl, body: { pyodidePackagesUrl: "https://elsewhere.example.test/full/" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "conflict", message: expect.stringContaining("BENCHTOP_PYODIDE_PACKAGES_URL") });
    expect((await api(PATH, { token, base: server.baseUrl })).body).toEqual({ pyodidePackagesUrl: FROM_ENVIRONMENT, source: "environment" });
  });
});
