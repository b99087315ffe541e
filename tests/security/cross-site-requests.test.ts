// Cross-site request forgery: a page on another origin makes the victim's browser
// send a request that carries Benchtop's session cookie. Every state-changing request
// authenticated by the cookie must come with a same-origin Origin (or
// Sec-Fetch-Site: same-origin) and is otherwise refused with 403, changing nothing.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, createProject, createUser, signInBrowser, unique } from "../integration/helpers/api";
import { cloneInto, commitFile, git, gitOk } from "../integration/helpers/git";

const foreign = (): Record<string, Record<string, string>> => ({
  "no Origin at all": {},
  "a foreign Origin": { origin: "https://evil.example" },
  "Origin: null (a sandboxed frame or a redirect)": { origin: "null" },
  "a look-alike Origin": { origin: `${baseUrl()}.evil.example` },
  "a cross-site fetch that names no Origin": { "sec-fetch-site": "cross-site" },
  "a forged Host and X-Forwarded-Host matching the foreign Origin": { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
});

describe("cross-site requests with the session cookie", () => {
  it("a server action posted from another site is refused with 403, not run or answered with 500", async () => {
    const admin = await createUser({ role: "admin" });
    const cookie = await signInBrowser(admin);
    for (const [attack, headers] of Object.entries(foreign())) {
      const response = await fetch(`${baseUrl()}/admin/users`, {
        method: "POST",
        headers: { cookie, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", ...headers },
        body: JSON.stringify([{ email: "planted@evil.example", role: "admin" }]),
        redirect: "manual",
      });
      expect(response.status, attack).toBe(403);
      expect(await response.text(), attack).toMatch(/must come from Benchtop's own pages/);
    }
    // The same request from Benchtop's own origin reaches Next's action handler (which knows no such action).
    const own = await fetch(`${baseUrl()}/admin/users`, { method: "POST", headers: { cookie, origin: baseUrl(), "next-action": "0".repeat(42) }, body: "[]", redirect: "manual" });
    expect(own.status).not.toBe(403);
    const users = await api("/api/v1/users?q=planted", { token: await adminToken() });
    expect(users.body.users).toEqual([]);
  });

  it("an API write from another site is refused with 403 and creates nothing", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const name = unique("csrf-");
    for (const [attack, headers] of Object.entries(foreign())) {
      const response = await fetch(`${baseUrl()}/api/v1/projects`, { method: "POST", headers: { cookie, "content-type": "application/json", ...headers }, body: JSON.stringify({ name }) });
      expect(response.status, attack).toBe(403);
      expect((await response.json()).error.code, attack).toBe("forbidden");
    }
    const list = await api(`/api/v1/projects?q=${name}`, { token: user.token });
    expect(list.body.projects).toEqual([]);
  });

  it("a push to the internal git server with the session cookie from another site is refused and creates no ref", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const project = await createProject(user);
    const dir = cloneInto(project.cloneUrl, { token: user.token });
    const commit = commitFile(dir, "planted.txt", "from evil.example\n");
    const withHeaders = (headers: Record<string, string>) => Object.entries(headers).flatMap(([k, v]) => ["-c", `http.extraHeader=${k}: ${v}`]);
    for (const [attack, headers] of Object.entries(foreign())) {
      // The cookie alone, as a forged request carries it (the helper's `auth.cookie` would add Sec-Fetch-Site: same-origin).
      const pushed = git([...withHeaders({ cookie, ...headers }), "-c", "credential.helper=", "push", project.cloneUrl, "HEAD:refs/heads/planted"], { cwd: dir });
      expect(pushed.status, attack).not.toBe(0);
      expect(pushed.stderr, attack).toMatch(/403/);
    }
    expect(gitOk(["ls-remote", project.cloneUrl], { auth: { token: user.token } })).not.toContain("refs/heads/planted");
    // From Benchtop's own origin, the cookie pushes (sessions depend on it).
    gitOk([...withHeaders({ cookie, origin: baseUrl() }), "push", project.cloneUrl, "HEAD:refs/heads/planted"], { cwd: dir });
    expect(gitOk(["ls-remote", project.cloneUrl, "refs/heads/planted"], { auth: { token: user.token } })).toContain(commit);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it("Git LFS refuses an upload, a lock and a batch from another site with the session cookie, keeping nothing", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const project = await createProject(user);
    const content = Buffer.from("planted from evil.example\n");
    const oid = createHash("sha256").update(content).digest("hex");
    const lfs = `${project.cloneUrl}/info/lfs`;
    const lfsJson = { "content-type": "application/vnd.git-lfs+json", accept: "application/vnd.git-lfs+json" };
    for (const [attack, headers] of Object.entries(foreign())) {
      const upload = await fetch(`${lfs}/objects/${oid}`, { method: "PUT", headers: { cookie, ...headers }, body: content });
      expect(upload.status, attack).toBe(403);
      expect((await upload.json()).message, attack).toMatch(/must come from Benchtop's own pages/);
      const lock = await fetch(`${lfs}/locks`, { method: "POST", headers: { cookie, ...lfsJson, ...headers }, body: JSON.stringify({ path: "planted.bin" }) });
      expect(lock.status, attack).toBe(403);
      const batch = await fetch(`${lfs}/objects/batch`, { method: "POST", headers: { cookie, ...lfsJson, ...headers }, body: JSON.stringify({ operation: "upload", objects: [{ oid, size: content.length }] }) });
      expect(batch.status, attack).toBe(403);
    }
    const token = { authorization: `Bearer ${user.token}`, ...lfsJson };
    const held = await fetch(`${lfs}/objects/batch`, { method: "POST", headers: token, body: JSON.stringify({ operation: "download", objects: [{ oid, size: content.length }] }) });
    expect((await held.json()).objects[0].error.code).toBe(404);
    expect((await (await fetch(`${lfs}/locks`, { headers: token })).json()).locks).toEqual([]);
    // From Benchtop's own origin, the cookie uploads (sessions will depend on it).
    const own = await fetch(`${lfs}/objects/${oid}`, { method: "PUT", headers: { cookie, origin: baseUrl() }, body: content });
    expect(own.status).toBe(200);
  });

  it("the git gateway refuses a cross-site POST with the session cookie", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    for (const [attack, headers] of Object.entries(foreign())) {
      const response = await fetch(`${baseUrl()}/proxy/github.com/acme/models.git/git-receive-pack`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-git-receive-pack-request", ...headers },
        body: "0000",
      });
      expect(response.status, attack).toBe(403);
    }
  });
});
