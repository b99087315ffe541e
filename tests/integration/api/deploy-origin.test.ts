// Deployments on an origin of their own (BENCHTOP_DEPLOY_ORIGIN): an instance at
// http://localhost:P whose deployments are served at http://127.0.0.1:P, another
// origin for the browser. Benchtop's session cookie never reaches deployed pages
// there; a member of a private deployment is sent to Benchtop, handed a pass for
// that deployment alone, and comes back; the pass opens nothing else.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptBrowserSignIn } from "../../setup/browser-sign-in.mjs";
import { freePort, startAppServer } from "../../setup/app-server.mjs";
import { api } from "../helpers/api";
import { cloneInto, commitFile, gitOk } from "../helpers/git";

const admin = { email: `deploy-origin-${randomBytes(3).toString("hex")}@example.test`, password: `pw-${randomBytes(6).toString("hex")}` };
let server: Awaited<ReturnType<typeof startAppServer>>;
let deployOrigin: string;
let token: string;
let cookie: string;

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: "manual" });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function deploy(name: string, visibility: string, projectId: string) {
  const created = await api(`/api/v1/projects/${projectId}/deployments`, { method: "POST", base: server.baseUrl, token, body: { name, ref: "main", visibility } });
  expect(created.status, created.text).toBe(201);
  for (let i = 0; i < 150; i++) {
    const shown = await api(`/api/v1/projects/${projectId}/deployments/${created.body.id}`, { base: server.baseUrl, token });
    if (shown.body.status === "running") return shown.body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the deployment did not deploy");
}

beforeAll(async () => {
  const port = await freePort();
  deployOrigin = `http://127.0.0.1:${port}`;
  server = await startAppServer({ port, env: { BENCHTOP_ADMIN_EMAIL: admin.email, BENCHTOP_ADMIN_PASSWORD: admin.password, BENCHTOP_URL: `http://localhost:${port}`, AUTH_URL: `http://localhost:${port}`, BENCHTOP_DEPLOY_ORIGIN: deployOrigin } });
  token = (await api("/api/v1/tokens", { method: "POST", base: server.baseUrl, body: { ...admin, name: "t" } })).body.token;
  cookie = (await attemptBrowserSignIn(server.baseUrl, admin)).cookie!;
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe("a deploy origin of its own", () => {
  it("serves deployments only there, lets a member in with a pass for that deployment alone, and never sees Benchtop's cookie", async () => {
    const project = (await api("/api/v1/projects", { method: "POST", base: server.baseUrl, token, body: { name: "site" } })).body;
    const work = cloneInto(project.cloneUrl, { token });
    commitFile(work, "index.html", "<h1>Private numbers</h1>\n");
    gitOk(["push", "-q", "origin", "main"], { cwd: work, auth: { token } });
    const privateOne = await deploy("Private", "private", project.id);
    const other = await deploy("Other", "private", project.id);
    expect(privateOne.url).toBe(`${deployOrigin}/deploy/private/`);

    // On Benchtop's own origin, deployed paths go to the deploy origin.
    const moved = await get(`${server.baseUrl}/deploy/private/?x=1`, { cookie });
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`${deployOrigin}/deploy/private/?x=1`);

    // There, with no pass, a visitor is sent to Benchtop to be let in.
    const asked = await get(privateOne.url);
    expect(asked.status).toBe(307);
    const letIn = new URL(asked.headers.get("location")!);
    expect(letIn.origin).toBe(server.baseUrl);
    expect(letIn.pathname).toBe("/deploy-access/private");
    // Signed out at Benchtop: sign in first.
    expect((await get(letIn.toString())).headers.get("location")).toContain("/login");
    // Signed in: a pass in a link back to the deploy origin.
    const handed = await get(letIn.toString(), { cookie });
    const back = new URL(handed.headers.get("location")!);
    expect(back.origin).toBe(deployOrigin);
    const accepted = await get(back.toString());
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe("/deploy/private/");
    const setCookie = accepted.headers.get("set-cookie")!;
    expect(setCookie).toContain("Path=/deploy/private/");
    expect(setCookie).toContain("HttpOnly");
    const pass = setCookie.split(";")[0]!;

    const page = await get(privateOne.url, { cookie: pass });
    expect(page.status).toBe(200);
    expect(page.text).toBe("<h1>Private numbers</h1>\n");
    expect(page.headers.get("content-security-policy")).toContain("sandbox allow-scripts");
    // The pass is for that deployment only, and a tampered one opens nothing.
    const elsewhere = await get(other.url, { cookie: pass.replace(/^[^=]+/, `benchtop-deploy-${other.id}`) });
    expect(elsewhere.status).toBe(307);
    expect((await get(privateOne.url, { cookie: `${pass.slice(0, -6)}AAAAAA` })).status).toBe(307);
    // One cut inside a percent-escape too (a mangled cookie is no pass, never a failure).
    expect((await get(privateOne.url, { cookie: `${pass.split("=")[0]}=abc%E0%A4%A` })).status).toBe(307);
    // Benchtop's session cookie means nothing on the deploy origin.
    expect((await get(privateOne.url, { cookie })).status).toBe(307);
  });
});
