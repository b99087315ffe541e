import { beforeAll, describe, expect, inject, it } from "vitest";
import { adminToken, createUser, signInBrowser, unique, type TestUser } from "../helpers/api";
import { adminCreateUser, call, expectError, expectUserView, randomPassword, requestToken } from "./helpers";

describe("GET /api/v1/me", () => {
  it("answers the caller as a user, without secrets", async () => {
    const user = await createUser({ name: "Grace Hopper" });
    const res = await call("/api/v1/me", { token: user.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expectUserView(res.body, { id: user.id, email: user.email, name: "Grace Hopper", handle: user.handle, role: "user", disabled: false });
  });

  it("answers the first administrator, made from BENCHTOP_ADMIN_EMAIL", async () => {
    const res = await call("/api/v1/me", { token: await adminToken() });
    expect(res.status).toBe(200);
    expectUserView(res.body, { email: inject("admin").email, role: "admin", disabled: false });
  });

  it("needs authentication", async () => {
    expectError(await call("/api/v1/me"), 401, "unauthorized");
  });
});

describe("users (admin)", () => {
  let admin: string;
  let plain: TestUser;

  beforeAll(async () => {
    admin = await adminToken();
    plain = await createUser();
  });

  it("creates a user who can then sign in", async () => {
    const email = `${unique("ada")}@example.test`;
    const password = randomPassword();
    const res = await adminCreateUser({ email, name: "Ada Lovelace", password });
    expect(res.status, res.text).toBe(201);
    expectUserView(res.body, { email, name: "Ada Lovelace", handle: email.split("@")[0], role: "user", disabled: false });

    const token = await requestToken({ email, password });
    expect(token.status, token.text).toBe(201);
    expect((await call("/api/v1/me", { token: token.body.token })).body.id).toBe(res.body.id);
  });

  it("defaults the role to user and can create an administrator", async () => {
    const email = `${unique("norole")}@example.test`;
    const noRole = await call("/api/v1/users", { method: "POST", token: admin, body: { email, name: "No Role", password: randomPassword() } });
    expect(noRole.status, noRole.text).toBe(201);
    expect(noRole.body.role).toBe("user");

    const adminEmail = `${unique("boss")}@example.test`;
    const password = randomPassword();
    const made = await adminCreateUser({ email: adminEmail, password, role: "admin" });
    expect(made.status).toBe(201);
    expect(made.body.role).toBe("admin");
    const token = (await requestToken({ email: adminEmail, password })).body.token;
    expect((await call("/api/v1/users", { token })).status).toBe(200);
  });

  it("makes handles from the email's local part: lower-cased, reduced, numbered when taken", async () => {
    const tag = unique("");
    const first = await adminCreateUser({ email: `Mix.Case+Tag_${tag}@first.example` });
    expect(first.status, first.text).toBe(201);
    expect(first.body.handle).toBe(`mix.casetag_${tag}`);
    // Emails are kept lower-cased.
    expect(first.body.email).toBe(`mix.case+tag_${tag}@first.example`);

    const second = await adminCreateUser({ email: `mix.casetag_${tag}@second.example` });
    expect(second.status, second.text).toBe(201);
    expect(second.body.handle).toBe(`mix.casetag_${tag}2`);

    const third = await adminCreateUser({ email: `MIX.CASETAG_${tag}@third.example` });
    expect(third.status, third.text).toBe(201);
    expect(third.body.handle).toBe(`mix.casetag_${tag}3`);

    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(3);
    const listed = await call(`/api/v1/users?q=${encodeURIComponent(`casetag_${tag}`)}`, { token: admin });
    expect(listed.body.users.map((u: any) => u.handle).sort()).toEqual([`mix.casetag_${tag}`, `mix.casetag_${tag}2`, `mix.casetag_${tag}3`]);
  });

  it("refuses a second account with the same email, in any case", async () => {
    const email = `${unique("twice")}@example.test`;
    expect((await adminCreateUser({ email })).status).toBe(201);
    expectError(await adminCreateUser({ email }), 409, "conflict");
    expectError(await adminCreateUser({ email: email.toUpperCase() }), 409, "conflict");
  });

  it("validates the new user's fields", async () => {
    expectError(await call("/api/v1/users", { method: "POST", token: admin, body: {} }), 400, "invalid_input", ["email", "name", "password"]);
    const base = { email: `${unique("v")}@example.test`, name: "V", password: randomPassword(), role: "user" };
    expectError(await call("/api/v1/users", { method: "POST", token: admin, body: { ...base, email: "not-an-email" } }), 400, "invalid_input", ["email"]);
    expectError(await call("/api/v1/users", { method: "POST", token: admin, body: { ...base, password: "short" } }), 400, "invalid_input", ["password"]);
    expectError(await call("/api/v1/users", { method: "POST", token: admin, body: { ...base, role: "superuser" } }), 400, "invalid_input", ["role"]);
    expectError(await call("/api/v1/users", { method: "POST", token: admin, body: { ...base, name: "" } }), 400, "invalid_input", ["name"]);
    // None of those made an account.
    const found = await call(`/api/v1/users?q=${encodeURIComponent(base.email)}`, { token: admin });
    expect(found.body.users).toEqual([]);
  });

  it("lists users, searching with ?q= by email, name or handle, a page at a time", async () => {
    const tag = unique("");
    const a = await adminCreateUser({ email: `alpha-${tag}@example.test`, name: `Searchable ${tag} One` });
    const b = await adminCreateUser({ email: `beta-${tag}@example.test`, name: `Searchable ${tag} Two` });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);

    const all = await call("/api/v1/users", { token: admin });
    expect(all.status).toBe(200);
    expect(Array.isArray(all.body.users)).toBe(true);
    for (const u of all.body.users) expectUserView(u);
    expect("nextPage" in all.body).toBe(true);

    const byEmail = await call(`/api/v1/users?q=alpha-${tag}`, { token: admin });
    expect(byEmail.body.users.map((u: any) => u.id)).toEqual([a.body.id]);
    const byName = await call(`/api/v1/users?q=${encodeURIComponent(`searchable ${tag}`)}`, { token: admin });
    expect(byName.body.users.map((u: any) => u.id).sort()).toEqual([a.body.id, b.body.id].sort());
    const byHandle = await call(`/api/v1/users?q=beta-${tag}`, { token: admin });
    expect(byHandle.body.users.map((u: any) => u.id)).toEqual([b.body.id]);
    const none = await call(`/api/v1/users?q=${unique("zz-no-such-")}`, { token: admin });
    expect(none.body).toEqual({ users: [], nextPage: null });

    const page1 = await call(`/api/v1/users?q=${tag}&perPage=1`, { token: admin });
    expect(page1.body.users).toHaveLength(1);
    expect(page1.body.nextPage).toBe(2);
    const page2 = await call(`/api/v1/users?q=${tag}&perPage=1&page=2`, { token: admin });
    expect(page2.body.users).toHaveLength(1);
    expect(page2.body.nextPage).toBeNull();
    expect(page2.body.users[0].id).not.toBe(page1.body.users[0].id);

    expectError(await call("/api/v1/users?perPage=0", { token: admin }), 400, "invalid_input", ["perPage"]);
    expectError(await call("/api/v1/users?page=abc", { token: admin }), 400, "invalid_input", ["page"]);
  });

  it("shows one user by id, and 404 for an unknown id", async () => {
    const res = await call(`/api/v1/users/${plain.id}`, { token: admin });
    expect(res.status).toBe(200);
    expectUserView(res.body, { id: plain.id, email: plain.email, handle: plain.handle });
    expectError(await call("/api/v1/users/doesnotexist0000", { token: admin }), 404, "not_found");
  });

  it("is for administrators only", async () => {
    expectError(await call("/api/v1/users", { token: plain.token }), 403, "forbidden");
    expectError(await call(`/api/v1/users?q=${plain.email}`, { token: plain.token }), 403, "forbidden");
    expectError(
      await call("/api/v1/users", { method: "POST", token: plain.token, body: { email: `${unique("x")}@example.test`, name: "X", password: randomPassword() } }),
      403,
      "forbidden",
    );
    expectError(await call(`/api/v1/users/${plain.id}`, { token: plain.token }), 403, "forbidden");
    expectError(await call(`/api/v1/users/${plain.id}`, { method: "PATCH", token: plain.token, body: { role: "admin" } }), 403, "forbidden");
    expect((await call("/api/v1/me", { token: plain.token })).body.role).toBe("user");

    expectError(await call("/api/v1/users"), 401, "unauthorized");
    expectError(await call(`/api/v1/users/${plain.id}`), 401, "unauthorized");
    expectError(await call(`/api/v1/users/${plain.id}`, { method: "PATCH", body: { role: "admin" } }), 401, "unauthorized");
  });

  it("changes a role, which takes effect at once", async () => {
    const user = await createUser();
    expectError(await call("/api/v1/users", { token: user.token }), 403, "forbidden");

    const promoted = await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { role: "admin" } });
    expect(promoted.status, promoted.text).toBe(200);
    expectUserView(promoted.body, { id: user.id, role: "admin" });
    const list = await call("/api/v1/users", { token: user.token });
    expect(list.status).toBe(200);
    expect((await call("/api/v1/me", { token: user.token })).body.role).toBe("admin");

    const demoted = await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { role: "user" } });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe("user");
    expectError(await call("/api/v1/users", { token: user.token }), 403, "forbidden");

    const events = await call(`/api/v1/admin/audit?action=user.updated`, { token: admin });
    const mine = events.body.events.filter((e: any) => JSON.stringify(e.detail).includes(user.id));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0].actor.email).toBe(inject("admin").email);
  });

  // API.md lists sign-ins among the admin audit's events.
  it("records a browser sign-in in the admin audit", async () => {
    const user = await createUser();
    const url = `/api/v1/admin/audit?actor=${encodeURIComponent(user.email)}`;
    const before = (await call(url, { token: admin })).body.events as any[];
    await signInBrowser(user);
    const after = (await call(url, { token: admin })).body.events as any[];
    const known = new Set(before.map((e) => e.id));
    const added = after.filter((e) => !known.has(e.id));
    expect(added.length, "API.md: sign-ins are among the events in GET /api/v1/admin/audit").toBeGreaterThanOrEqual(1);
    expect(added.map((e) => e.action)).toContain("user.signed_in");
  });

  it("renames a user and disables and enables an account", async () => {
    const user = await createUser({ name: "Before" });
    const renamed = await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { name: "After" } });
    expect(renamed.status).toBe(200);
    expectUserView(renamed.body, { id: user.id, name: "After", email: user.email, handle: user.handle, role: "user", disabled: false });
    expect((await call("/api/v1/me", { token: user.token })).body.name).toBe("After");

    const disabled = await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await call(`/api/v1/users/${user.id}`, { token: admin })).body.disabled).toBe(true);
    expectError(await call("/api/v1/me", { token: user.token }), 401, "unauthorized");

    const enabled = await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { disabled: false } });
    expect(enabled.body.disabled).toBe(false);
    expect((await call("/api/v1/me", { token: user.token })).status).toBe(200);
  });

  it("validates changes and answers 404 for an unknown user", async () => {
    const user = await createUser();
    expectError(await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { role: "root" } }), 400, "invalid_input", ["role"]);
    expectError(await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { disabled: "yes" } }), 400, "invalid_input", ["disabled"]);
    expectError(await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { name: "" } }), 400, "invalid_input", ["name"]);
    // The email is not changed through this endpoint (a password is: tests/security/accounts.test.ts).
    const sneaky = await call(`/api/v1/users/${user.id}`, { method: "PATCH", token: admin, body: { email: "new@example.test", name: "Sneaky" } });
    expectError(sneaky, 400, "invalid_input", ["body"]);
    expect((await call(`/api/v1/users/${user.id}`, { token: admin })).body).toMatchObject({ email: user.email, name: "Test User" });
    expectError(await call("/api/v1/users/doesnotexist0000", { method: "PATCH", token: admin, body: { name: "x" } }), 404, "not_found");
  });
});

describe("GET /api/v1/users/lookup (people to share with)", () => {
  it("finds enabled people by part of their name, email or handle, for any signed-in user, with only their card", async () => {
    const tag = unique("lookup");
    const asker = await createUser();
    const found = await createUser({ name: `Rosalind ${tag}` });
    const disabled = await createUser({ name: `Barred ${tag}` });
    await call(`/api/v1/users/${disabled.id}`, { method: "PATCH", token: await adminToken(), body: { disabled: true } });

    const res = await call(`/api/v1/users/lookup?q=${encodeURIComponent(tag)}`, { token: asker.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.users).toEqual([{ id: found.id, email: found.email, name: `Rosalind ${tag}`, handle: found.handle }]);
    const byEmail = await call(`/api/v1/users/lookup?q=${encodeURIComponent(found.email.toUpperCase())}`, { token: asker.token });
    expect(byEmail.body.users.map((u: { id: string }) => u.id)).toContain(found.id);
  });

  it("finds nobody for fewer than two characters, and needs authentication", async () => {
    const asker = await createUser();
    const res = await call("/api/v1/users/lookup?q=a", { token: asker.token });
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual([]);
    expectError(await call("/api/v1/users/lookup?q=ab"), 401, "unauthorized");
  });
});
