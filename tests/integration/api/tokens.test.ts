import { beforeAll, describe, expect, it } from "vitest";
import { adminToken, createProject, createUser, unique, type TestUser } from "../helpers/api";
import { git } from "../helpers/git";
import { call, expectError, expectIsoTime, expectNoSecretKeys, expectUserView, requestToken, sleep } from "./helpers";

describe("personal access tokens", () => {
  let user: TestUser;

  beforeAll(async () => {
    user = await createUser({ name: "Token Owner" });
  });

  it("creates a token that works as a bearer and is shown only once", async () => {
    const before = Date.now();
    const created = await requestToken({ email: user.email, password: user.password, name: "laptop" });
    expect(created.status, created.text).toBe(201);
    for (const key of ["id", "name", "token", "createdAt", "expiresAt"]) expect(created.body).toHaveProperty(key);
    expect(created.body.name).toBe("laptop");
    expect(created.body.expiresAt).toBeNull();
    expect(created.body.id).toBeTypeOf("string");
    expect(created.body.token).toBeTypeOf("string");
    expect(created.body.token.length).toBeGreaterThanOrEqual(20);
    expectIsoTime(created.body.createdAt);
    expect(new Date(created.body.createdAt).getTime()).toBeGreaterThanOrEqual(before - 5_000);

    const me = await call("/api/v1/me", { token: created.body.token });
    expect(me.status).toBe(200);
    expectUserView(me.body, { id: user.id, email: user.email, name: "Token Owner", role: "user", disabled: false });

    const list = await call("/api/v1/tokens", { token: user.token });
    expect(list.status).toBe(200);
    const listed = list.body.tokens.find((t: any) => t.id === created.body.id);
    expect(listed).toBeDefined();
    for (const key of ["id", "name", "createdAt", "lastUsedAt", "expiresAt"]) expect(listed).toHaveProperty(key);
    expect(listed).not.toHaveProperty("token");
    expectNoSecretKeys(listed);
    expect(listed).toMatchObject({ name: "laptop", createdAt: created.body.createdAt, expiresAt: null });
    // The secret is never listed again, under any key.
    expect(list.text).not.toContain(created.body.token);
    expect(list.text).not.toContain(user.token);
  });

  it("sets lastUsedAt once a token is used", async () => {
    const created = await requestToken({ email: user.email, password: user.password, name: "ci" });
    expect(created.status).toBe(201);

    const unused = await call("/api/v1/tokens", { token: user.token });
    expect(unused.body.tokens.find((t: any) => t.id === created.body.id).lastUsedAt).toBeNull();

    const usedAt = Date.now();
    expect((await call("/api/v1/me", { token: created.body.token })).status).toBe(200);

    const used = await call("/api/v1/tokens", { token: user.token });
    const entry = used.body.tokens.find((t: any) => t.id === created.body.id);
    expectIsoTime(entry.lastUsedAt);
    expect(Math.abs(new Date(entry.lastUsedAt).getTime() - usedAt)).toBeLessThan(60_000);
  });

  it("lists only the caller's own tokens", async () => {
    const other = await createUser();
    const mine = await call("/api/v1/tokens", { token: user.token });
    const theirs = await call("/api/v1/tokens", { token: other.token });
    expect(theirs.status).toBe(200);
    expect(theirs.body.tokens).toHaveLength(1);
    const myIds = new Set(mine.body.tokens.map((t: any) => t.id));
    for (const t of theirs.body.tokens) expect(myIds.has(t.id)).toBe(false);
  });

  it("keeps an expiry time and refuses one in the past or not in ISO 8601", async () => {
    const expiresAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const created = await requestToken({ email: user.email, password: user.password, expiresAt });
    expect(created.status, created.text).toBe(201);
    expect(new Date(created.body.expiresAt).getTime()).toBe(new Date(expiresAt).getTime());
    expectIsoTime(created.body.expiresAt);
    expect((await call("/api/v1/me", { token: created.body.token })).status).toBe(200);
    const listed = (await call("/api/v1/tokens", { token: user.token })).body.tokens.find((t: any) => t.id === created.body.id);
    expect(new Date(listed.expiresAt).getTime()).toBe(new Date(expiresAt).getTime());

    const past = await requestToken({ email: user.email, password: user.password, expiresAt: "2001-01-01T00:00:00Z" });
    expectError(past, 400, "invalid_input", ["expiresAt"]);
    const garbled = await requestToken({ email: user.email, password: user.password, expiresAt: "next tuesday" });
    expectError(garbled, 400, "invalid_input", ["expiresAt"]);
  });

  it("stops accepting a token once it expires", async () => {
    const expiresAt = new Date(Date.now() + 2_000).toISOString();
    const created = await requestToken({ email: user.email, password: user.password, expiresAt });
    expect(created.status, created.text).toBe(201);
    expect((await call("/api/v1/me", { token: created.body.token })).status).toBe(200);
    await sleep(new Date(expiresAt).getTime() - Date.now() + 500);
    expectError(await call("/api/v1/me", { token: created.body.token }), 401, "unauthorized");
  });

  it("revokes a token at once, for the API and for git", async () => {
    const project = await createProject(user);
    const created = await requestToken({ email: user.email, password: user.password, name: "to-revoke" });
    const token = created.body.token as string;
    expect((await call("/api/v1/me", { token })).status).toBe(200);
    expect(git(["ls-remote", project.cloneUrl], { auth: { token } }).status).toBe(0);

    const revoked = await call(`/api/v1/tokens/${created.body.id}`, { method: "DELETE", token: user.token });
    expect(revoked.status, revoked.text).toBe(204);
    expect(revoked.text).toBe("");

    expectError(await call("/api/v1/me", { token }), 401, "unauthorized");
    expectError(await call("/api/v1/projects", { token }), 401, "unauthorized");
    expect(git(["ls-remote", project.cloneUrl], { auth: { token } }).status).not.toBe(0);
    const list = await call("/api/v1/tokens", { token: user.token });
    expect(list.body.tokens.map((t: any) => t.id)).not.toContain(created.body.id);

    const events = await call(`/api/v1/admin/audit?actor=${encodeURIComponent(user.email)}&action=token.revoked`, { token: await adminToken() });
    expect(events.body.events.some((e: any) => JSON.stringify(e.detail).includes(created.body.id))).toBe(true);
    expect(events.text).not.toContain(token);

    // Revoking it again: it is gone.
    expectError(await call(`/api/v1/tokens/${created.body.id}`, { method: "DELETE", token: user.token }), 404, "not_found");
  });

  it("lets a token revoke itself", async () => {
    const created = await requestToken({ email: user.email, password: user.password });
    const res = await call(`/api/v1/tokens/${created.body.id}`, { method: "DELETE", token: created.body.token });
    expect(res.status).toBe(204);
    expectError(await call("/api/v1/tokens", { token: created.body.token }), 401, "unauthorized");
  });

  it("does not let one user revoke another's token", async () => {
    const other = await createUser();
    const theirs = (await call("/api/v1/tokens", { token: other.token })).body.tokens[0];
    expectError(await call(`/api/v1/tokens/${theirs.id}`, { method: "DELETE", token: user.token }), 404, "not_found");
    expect((await call("/api/v1/me", { token: other.token })).status).toBe(200);
    // Not even an administrator revokes someone else's token through this endpoint.
    expectError(await call(`/api/v1/tokens/${theirs.id}`, { method: "DELETE", token: await adminToken() }), 404, "not_found");
    expect((await call("/api/v1/me", { token: other.token })).status).toBe(200);
  });

  it("refuses a wrong password or an unknown email with 401, without saying which", async () => {
    const wrong = await requestToken({ email: user.email, password: `${user.password}-wrong` });
    expectError(wrong, 401, "unauthorized");
    const nobody = await requestToken({ email: `${unique("nobody")}@example.test`, password: "whatever-password" });
    expectError(nobody, 401, "unauthorized");
    expect(nobody.body.error.message).toBe(wrong.body.error.message);
  });

  it("accepts the email in any case", async () => {
    const created = await requestToken({ email: user.email.toUpperCase(), password: user.password });
    expect(created.status, created.text).toBe(201);
    expect((await call("/api/v1/me", { token: created.body.token })).body.id).toBe(user.id);
  });

  it("names the missing fields", async () => {
    const res = await call("/api/v1/tokens", { method: "POST", body: {} });
    expectError(res, 400, "invalid_input", ["email", "password", "name"]);
    const noName = await call("/api/v1/tokens", { method: "POST", body: { email: user.email, password: user.password } });
    expectError(noName, 400, "invalid_input", ["name"]);
    const longName = await call("/api/v1/tokens", { method: "POST", body: { email: user.email, password: user.password, name: "x".repeat(101) } });
    expectError(longName, 400, "invalid_input", ["name"]);
  });

  it("refuses a disabled user's sign-in with 403 and stops their tokens", async () => {
    const victim = await createUser();
    const admin = await adminToken();
    const disabled = await call(`/api/v1/users/${victim.id}`, { method: "PATCH", token: admin, body: { disabled: true } });
    expect(disabled.status, disabled.text).toBe(200);

    expectError(await requestToken({ email: victim.email, password: victim.password }), 403, "forbidden");
    expectError(await call("/api/v1/me", { token: victim.token }), 401, "unauthorized");

    const enabled = await call(`/api/v1/users/${victim.id}`, { method: "PATCH", token: admin, body: { disabled: false } });
    expect(enabled.status).toBe(200);
    expect((await call("/api/v1/me", { token: victim.token })).status).toBe(200);
    expect((await requestToken({ email: victim.email, password: victim.password })).status).toBe(201);
  });

  it("needs authentication to list or revoke tokens", async () => {
    expectError(await call("/api/v1/tokens"), 401, "unauthorized");
    expectError(await call("/api/v1/tokens/anything", { method: "DELETE" }), 401, "unauthorized");
    expectError(await call("/api/v1/tokens", { token: "btp_not-a-real-token" }), 401, "unauthorized");
    expectError(await call("/api/v1/tokens", { token: "garbage" }), 401, "unauthorized");
  });
});
