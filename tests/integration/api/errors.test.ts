import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, createProject, createUser, signInBrowser, unique, type ApiResult, type TestUser } from "../helpers/api";
import { assertSafeAnswer, call, expectError } from "./helpers";

/**
 * POSTs a JSON body in pieces on its own connection, a few milliseconds apart,
 * stopping as soon as the server answers. Without `declareLength` the body goes
 * chunked, with no Content-Length.
 */
function postPiecesOnce(pathname: string, token: string, chunks: string[], declareLength: boolean): Promise<ApiResult> {
  const { hostname, port } = new URL(baseUrl());
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json", connection: "close" };
  if (declareLength) headers["content-length"] = String(chunks.reduce((n, c) => n + Buffer.byteLength(c), 0));
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ hostname, port, path: pathname, method: "POST", agent: false, headers }, (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (c) => (text += c));
      response.on("end", () => {
        const responseHeaders = new Headers();
        for (const [k, v] of Object.entries(response.headers)) if (typeof v === "string") responseHeaders.set(k, v);
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: responseHeaders, text, body });
      });
    });
    // The server may close the connection while the rest of the body is still on its way.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
        await new Promise((r) => setTimeout(r, 5));
      }
      if (!answered && !req.destroyed) req.end();
    })().catch(() => {});
  });
}

/** `postPiecesOnce`, tried again when the server's early close raced the upload (EPIPE, ECONNRESET). */
async function postPieces(pathname: string, token: string, chunks: string[], { declareLength = false } = {}): Promise<ApiResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postPiecesOnce(pathname, token, chunks, declareLength);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== "EPIPE" && code !== "ECONNRESET")) throw error;
    }
  }
}

describe("bad request bodies", () => {
  let user: TestUser;

  beforeAll(async () => {
    user = await createUser();
  });

  const post = (rawBody: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) =>
    call("/api/v1/projects", { method: "POST", token: user.token, rawBody, headers });

  it("refuses invalid JSON with 400 invalid_input", async () => {
    expectError(await post('{"name": "oops",'), 400, "invalid_input", ["body"]);
    expectError(await post("{name: 'single'}"), 400, "invalid_input", ["body"]);
    expectError(await post("not json at all"), 400, "invalid_input", ["body"]);
  });

  it("refuses a body that is not declared as JSON", async () => {
    const name = unique("typed-");
    expectError(await post(JSON.stringify({ name }), { "content-type": "text/plain" }), 400, "invalid_input");
    expectError(await post(new URLSearchParams({ name }).toString(), { "content-type": "application/x-www-form-urlencoded" }), 400, "invalid_input");
    const form = new FormData();
    form.set("name", name);
    const multipart = await fetch(`${baseUrl()}/api/v1/projects`, { method: "POST", headers: { authorization: `Bearer ${user.token}` }, body: form });
    const text = await multipart.text();
    const res = { status: multipart.status, headers: multipart.headers, text, body: JSON.parse(text) };
    assertSafeAnswer(res);
    expectError(res, 400, "invalid_input");
    expectError(await post(JSON.stringify({ name }), {}), 400, "invalid_input");
    // None of them made the project.
    expect((await call(`/api/v1/projects?q=${name}`, { token: user.token })).body.projects).toEqual([]);
  });

  it("refuses a JSON value that is not an object", async () => {
    expectError(await post(JSON.stringify([{ name: unique("arr-") }])), 400, "invalid_input", ["body"]);
    expectError(await post("null"), 400, "invalid_input", ["body"]);
    expectError(await post('"a string"'), 400, "invalid_input", ["body"]);
    expectError(await post("42"), 400, "invalid_input", ["body"]);
    expectError(await post(""), 400, "invalid_input", ["body"]);
  });

  it("names missing required fields in error.fields", async () => {
    const token = user.token;
    expectError(await call("/api/v1/projects", { method: "POST", token, body: {} }), 400, "invalid_input", ["name"]);
    expectError(await call("/api/v1/tokens", { method: "POST", body: { password: "x", name: "x" } }), 400, "invalid_input", ["email"]);
    expectError(await call("/api/v1/users", { method: "POST", token: await adminToken(), body: { name: "x", password: "long-enough-1" } }), 400, "invalid_input", ["email"]);
    const project = await createProject(user);
    expectError(await call(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token, body: { role: "viewer" } }), 400, "invalid_input", ["email"]);
  });

  it("refuses a body over 1 MB with 413 too_large", async () => {
    const name = unique("big-");
    const big = [`{"name":"${name}","description":"`, ...Array.from({ length: 17 }, () => "x".repeat(64 * 1024)), '"}'];
    const res = await postPieces("/api/v1/projects", user.token, big, { declareLength: true });
    assertSafeAnswer(res);
    expectError(res, 413, "too_large");
    expect((await call(`/api/v1/projects?q=${name}`, { token: user.token })).body.projects).toEqual([]);
  });

  it("refuses a streamed body over 1 MB that declares no length", async () => {
    const name = unique("stream-");
    const res = await postPieces("/api/v1/projects", user.token, [
      `{"name":"${name}","description":"`,
      ...Array.from({ length: 20 }, () => "x".repeat(64 * 1024)),
      '"}',
    ]);
    assertSafeAnswer(res);
    expectError(res, 413, "too_large");
    expect((await call(`/api/v1/projects?q=${name}`, { token: user.token })).body.projects).toEqual([]);
  });

  it("accepts a body just under 1 MB (then validates it)", async () => {
    const name = unique("under-");
    const res = await call("/api/v1/projects", { method: "POST", token: user.token, body: { name, description: "x".repeat(1000 * 1000) } });
    // Within the size limit, so whatever the answer is, it is not too_large.
    expect(res.status, res.text).not.toBe(413);
    expect([201, 400]).toContain(res.status);
  });

  it("keeps a small limit on the sign-in body", async () => {
    const res = await call("/api/v1/tokens", { method: "POST", body: { email: "a@example.test", password: "x".repeat(100 * 1024), name: "big" } });
    expectError(res, 413, "too_large");
  });
});

describe("unknown ids and paths", () => {
  let user: TestUser;

  beforeAll(async () => {
    user = await createUser();
  });

  it("answers 404 not_found for unknown ids", async () => {
    const token = user.token;
    const admin = await adminToken();
    const project = await createProject(user);
    const cases: [string, string, string, unknown?][] = [
      ["GET", "/api/v1/projects/doesnotexist0000", token],
      ["PATCH", "/api/v1/projects/doesnotexist0000", token, { description: "x" }],
      ["DELETE", "/api/v1/projects/doesnotexist0000", token],
      ["GET", "/api/v1/projects/doesnotexist0000/branches", token],
      ["GET", "/api/v1/projects/doesnotexist0000/audit", token],
      ["GET", "/api/v1/projects/doesnotexist0000/collaborators", token],
      ["PATCH", `/api/v1/projects/${project.id}/collaborators/doesnotexist0000`, token, { role: "viewer" }],
      ["DELETE", `/api/v1/projects/${project.id}/collaborators/doesnotexist0000`, token],
      ["DELETE", "/api/v1/tokens/doesnotexist0000", token],
      ["GET", "/api/v1/users/doesnotexist0000", admin],
      ["PATCH", "/api/v1/users/doesnotexist0000", admin, { name: "x" }],
      // Odd-looking ids are just unknown ids, not server errors.
      ["GET", "/api/v1/projects/..%2F..%2Fetc", token],
      ["GET", "/api/v1/projects/UPPER-case", token],
      ["GET", `/api/v1/projects/${"a".repeat(300)}`, token],
      ["GET", "/api/v1/projects/%00", token],
    ];
    for (const [method, path, auth, body] of cases) {
      const res = await call(path, { method, token: auth, body });
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(404);
      expectError(res, 404, "not_found");
    }
  });

  it("does not reveal a hidden project or an admin endpoint through body validation", async () => {
    const owner = await createUser();
    const project = await createProject(owner);
    // A stranger's bad body answers 404, as if the project did not exist.
    const hidden = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: user.token, rawBody: "{oops", headers: { "content-type": "application/json" } });
    expectError(hidden, 404, "not_found");
    // A non-admin learns nothing about the user schema.
    expectError(await call("/api/v1/users", { method: "POST", token: user.token, body: {} }), 403, "forbidden");
    expectError(await call(`/api/v1/users/${owner.id}`, { method: "PATCH", token: user.token, body: { bogus: 1 } }), 403, "forbidden");
  });

  it("answers unknown API paths with 404 in the error shape, whatever the method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      for (const path of ["/api/v1/nope", "/api/v1/projects/x/y/z", "/api/v1/tokens/a/b", `/api/v1/${unique("")}`]) {
        const withAuth = await call(path, { method, token: user.token, body: method === "GET" || method === "DELETE" ? undefined : {} });
        expect(withAuth.status, `${method} ${path}`).toBe(404);
        expectError(withAuth, 404, "not_found");
        const anonymous = await call(path, { method });
        expect(anonymous.status, `${method} ${path} (anonymous)`).toBe(404);
        expectError(anonymous, 404, "not_found");
      }
    }
  });

  it("answers 405 to a method a known path does not have, without leaking anything", async () => {
    // docs/api.md: "A known path called with a method it does not support answers 405 with an empty body."
    for (const [method, path] of [
      ["PUT", "/api/v1/me"],
      ["DELETE", "/api/v1/me"],
      ["PUT", "/api/v1/projects"],
      ["DELETE", "/api/v1/users"],
      ["POST", "/api/v1/admin/audit"],
    ] as const) {
      const res = await api(path, { method, token: user.token, body: method === "DELETE" ? undefined : {} });
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(405);
      expect(res.text).not.toMatch(/passwordHash|\$argon2|\n\s+at\s/);
    }
  });

  it("answers an unknown path under a real project in the error shape", async () => {
    const project = await createProject(user);
    expectError(await call(`/api/v1/projects/${project.id}/nothing-here`, { token: user.token }), 404, "not_found");
  });
});

describe("authentication", () => {
  let user: TestUser;
  let project: Awaited<ReturnType<typeof createProject>>;

  beforeAll(async () => {
    user = await createUser();
    project = await createProject(user);
  });

  it("answers 401 unauthorized on every endpoint without credentials", async () => {
    const id = project.id;
    const cases: [string, string, unknown?][] = [
      ["GET", "/api/v1/tokens"],
      ["DELETE", "/api/v1/tokens/x"],
      ["GET", "/api/v1/me"],
      ["GET", "/api/v1/users"],
      ["POST", "/api/v1/users", { email: "a@example.test", name: "a", password: "long-enough-1" }],
      ["GET", `/api/v1/users/${user.id}`],
      ["PATCH", `/api/v1/users/${user.id}`, { role: "admin" }],
      ["GET", "/api/v1/projects"],
      ["POST", "/api/v1/projects", { name: unique("anon-") }],
      ["GET", `/api/v1/projects/${id}`],
      ["PATCH", `/api/v1/projects/${id}`, { description: "x" }],
      ["DELETE", `/api/v1/projects/${id}`],
      ["GET", `/api/v1/projects/${id}/collaborators`],
      ["POST", `/api/v1/projects/${id}/collaborators`, { email: user.email, role: "viewer" }],
      ["PATCH", `/api/v1/projects/${id}/collaborators/${user.id}`, { role: "viewer" }],
      ["DELETE", `/api/v1/projects/${id}/collaborators/${user.id}`],
      ["GET", `/api/v1/projects/${id}/audit`],
      ["GET", `/api/v1/projects/${id}/audit?format=csv`],
      ["GET", `/api/v1/projects/${id}/branches`],
      ["GET", "/api/v1/admin/audit"],
    ];
    for (const [method, path, body] of cases) {
      const variants: Record<string, string>[] = [{}, { authorization: "Bearer btp_invalid" }, { authorization: "Bearer " }, { authorization: "Token abc" }];
      for (const headers of variants) {
        const res = await call(path, { method, body, headers });
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}: ${res.text}`).toBe(401);
        expectError(res, 401, "unauthorized");
      }
    }
    // Nothing changed.
    const after = await call(`/api/v1/projects/${id}`, { token: user.token });
    expect(after.body).toMatchObject({ name: project.name, description: "" });
  });

  it("does not let a bad token fall back to a valid session cookie", async () => {
    const cookie = await signInBrowser(user);
    expectError(await call("/api/v1/me", { headers: { cookie, authorization: "Bearer btp_invalid" } }), 401, "unauthorized");
  });
});

describe("browser sessions and the Origin header", () => {
  let user: TestUser;
  let cookie: string;

  beforeAll(async () => {
    user = await createUser();
    cookie = await signInBrowser(user);
  });

  it("reads with the session cookie alone", async () => {
    const me = await call("/api/v1/me", { headers: { cookie } });
    expect(me.status, me.text).toBe(200);
    expect(me.body.id).toBe(user.id);
    expect((await call("/api/v1/projects", { headers: { cookie } })).status).toBe(200);
  });

  it("refuses a cookie-authenticated change without an Origin header (403)", async () => {
    const name = unique("no-origin-");
    // `headers.cookie` rather than `cookie`: api() would add a same-origin Origin.
    const res = await call("/api/v1/projects", { method: "POST", headers: { cookie }, body: { name } });
    expectError(res, 403, "forbidden");
    expect((await call(`/api/v1/projects?q=${name}`, { token: user.token })).body.projects).toEqual([]);
  });

  it("refuses a cookie-authenticated change from a foreign origin (403)", async () => {
    const name = unique("foreign-");
    for (const origin of ["https://evil.example", "null", `${baseUrl()}.evil.example`, baseUrl().replace("http:", "https:"), "not a url"]) {
      const res = await call("/api/v1/projects", { method: "POST", cookie, headers: { origin }, body: { name } });
      expect(res.status, `Origin: ${origin}`).toBe(403);
      expectError(res, 403, "forbidden");
    }
    expect((await call(`/api/v1/projects?q=${name}`, { token: user.token })).body.projects).toEqual([]);
  });

  it("accepts a cookie-authenticated change with the same-origin Origin", async () => {
    const name = unique("same-origin-");
    const res = await call("/api/v1/projects", { method: "POST", cookie, body: { name } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.owner.id).toBe(user.id);
    expect((await call(`/api/v1/projects?q=${name}`, { token: user.token })).body.projects).toHaveLength(1);
  });

  it("guards PATCH and DELETE the same way", async () => {
    const project = await createProject(user, { description: "original" });
    const url = `/api/v1/projects/${project.id}`;
    expectError(await call(url, { method: "PATCH", headers: { cookie }, body: { description: "no origin" } }), 403, "forbidden");
    expectError(await call(url, { method: "PATCH", cookie, headers: { origin: "https://evil.example" }, body: { description: "evil" } }), 403, "forbidden");
    expectError(await call(url, { method: "DELETE", headers: { cookie } }), 403, "forbidden");
    expectError(await call(url, { method: "DELETE", cookie, headers: { origin: "https://evil.example" } }), 403, "forbidden");
    expect((await call(url, { token: user.token })).body.description).toBe("original");

    const patched = await call(url, { method: "PATCH", cookie, body: { description: "same origin" } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.description).toBe("same origin");
    expect((await call(url, { method: "DELETE", cookie })).status).toBe(204);
    expectError(await call(url, { token: user.token }), 404, "not_found");
  });

  it("guards token revocation the same way", async () => {
    const extra = await call("/api/v1/tokens", { method: "POST", body: { email: user.email, password: user.password, name: "extra" } });
    expect(extra.status).toBe(201);
    expectError(await call(`/api/v1/tokens/${extra.body.id}`, { method: "DELETE", headers: { cookie } }), 403, "forbidden");
    expect((await call("/api/v1/me", { token: extra.body.token })).status).toBe(200);
    expect((await call(`/api/v1/tokens/${extra.body.id}`, { method: "DELETE", cookie })).status).toBe(204);
    expectError(await call("/api/v1/me", { token: extra.body.token }), 401, "unauthorized");
  });

  it("refuses the session of a disabled user", async () => {
    const other = await createUser();
    const otherCookie = await signInBrowser(other);
    expect((await call("/api/v1/me", { headers: { cookie: otherCookie } })).status).toBe(200);
    expect((await call(`/api/v1/users/${other.id}`, { method: "PATCH", token: await adminToken(), body: { disabled: true } })).status).toBe(200);
    expectError(await call("/api/v1/me", { headers: { cookie: otherCookie } }), 401, "unauthorized");
  });
});

describe("answers never leak internals", () => {
  it("shows users without password hashes anywhere", async () => {
    const admin = await adminToken();
    const user = await createUser();
    // call() already checks each answer for hashes and stack traces; these are the answers that carry users.
    await call("/api/v1/users", { token: admin });
    await call(`/api/v1/users?q=${encodeURIComponent(user.email)}`, { token: admin });
    await call(`/api/v1/users/${user.id}`, { token: admin });
    await call("/api/v1/me", { token: user.token });
    await call("/api/v1/admin/audit?action=user.created", { token: admin });
    await call("/api/v1/admin/audit?format=csv", { token: admin });
    const updated = await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { name: "Renamed" } });
    expect(updated.status).toBe(200);
    const project = await createProject(user);
    await call(`/api/v1/projects/${project.id}`, { token: user.token });
    await call(`/api/v1/projects/${project.id}/collaborators`, { token: user.token });
  });

  it("answers odd input without a stack trace or a raw driver message", async () => {
    const user = await createUser();
    const weird = [
      { name: "\u0000" },
      { name: "a".repeat(100_000) },
      { name: { nested: true } },
      { name: ["a"] },
      { name: "ok", description: { $gt: "" } },
      { name: "ok'; DROP TABLE projects; --" },
      { ["__proto__"]: { polluted: true }, name: unique("proto-") },
    ];
    for (const body of weird) {
      const res = await call("/api/v1/projects", { method: "POST", token: user.token, body });
      expect(res.status, res.text).toBeLessThan(500);
      expect(res.text).not.toMatch(/SQLITE|sqlite3|ZodError|TypeError|ReferenceError/);
    }
    const query = await call(`/api/v1/projects?q=${encodeURIComponent("%' OR 1=1 --")}&sort=name`, { token: user.token });
    expect(query.status).toBe(200);
    expect(query.body.projects.every((p: any) => p.owner.id === user.id)).toBe(true);
  });
});
