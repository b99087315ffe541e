// Taking over an account through its password. A person whose password leaked must
// be able to change it and throw out whoever used it; an administrator must be able
// to reset a forgotten one. Neither may become a way in: the current password is
// required (a borrowed session cannot set a new one), only administrators reset,
// and every change is audited without the password.
import { describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, createUser, signInBrowser } from "../integration/helpers/api";
import { meStatus } from "./helpers/sessions";

const signsIn = async (email: string, password: string) => (await api("/api/v1/tokens", { method: "POST", body: { email, password, name: "check" } })).status;

async function auditFor(action: string, userId: string) {
  const res = await api(`/api/v1/admin/audit?action=${action}&perPage=100`, { token: await adminToken() });
  expect(res.status, res.text).toBe(200);
  return res.body.events.filter((e: any) => e.detail.userId === userId);
}

describe("own password change", () => {
  it("someone at an unattended signed-in browser cannot change the password without the current one", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const res = await api("/api/v1/me/password", { method: "POST", cookie, body: { currentPassword: "a-guess-at-it", newPassword: "taken-over-1" } });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.fields.currentPassword).toMatch(/current password/);
    expect(await signsIn(user.email, user.password)).toBe(201);
    expect(await signsIn(user.email, "taken-over-1")).toBe(401);
    expect(await auditFor("user.password_changed", user.id)).toEqual([]);
  });

  it("a cross-site form cannot change the victim's password with their cookie", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const res = await fetch(`${baseUrl()}/api/v1/me/password`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: user.password, newPassword: "taken-over-2" }),
    });
    expect(res.status).toBe(403);
    expect(await signsIn(user.email, user.password)).toBe(201);
  });

  it("the owner who changes a leaked password locks out the session the intruder holds, and it is audited", async () => {
    const user = await createUser();
    const intruder = await signInBrowser(user);
    const owner = await signInBrowser(user);
    const res = await api("/api/v1/me/password", { method: "POST", cookie: owner, body: { currentPassword: user.password, newPassword: "owner-again-1" } });
    expect(res.status, res.text).toBe(204);
    expect(await meStatus(intruder)).toBe(401);
    expect(await meStatus(owner)).toBe(200);
    expect(await signsIn(user.email, user.password)).toBe(401);
    expect(await signsIn(user.email, "owner-again-1")).toBe(201);
    const [changed] = await auditFor("user.password_changed", user.id);
    expect(changed?.actor.id).toBe(user.id);
    const [ended] = await auditFor("user.sessions_ended", user.id);
    expect(ended?.detail).toMatchObject({ count: 1, reason: "password_changed" });
    expect(JSON.stringify(changed) + JSON.stringify(ended)).not.toContain("owner-again-1");
  });

  it("a change made with a token ends every browser session of the account", async () => {
    const user = await createUser();
    const browser = await signInBrowser(user);
    const res = await api("/api/v1/me/password", { method: "POST", token: user.token, body: { currentPassword: user.password, newPassword: "from-a-script-1" } });
    expect(res.status, res.text).toBe(204);
    expect(await meStatus(browser)).toBe(401);
  });

  it("a new password that is too short is refused and changes nothing", async () => {
    const user = await createUser();
    const res = await api("/api/v1/me/password", { method: "POST", token: user.token, body: { currentPassword: user.password, newPassword: "short" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.newPassword).toMatch(/at least 8/);
    expect(await signsIn(user.email, user.password)).toBe(201);
  });
});

describe("administrator password reset", () => {
  it("an ordinary user cannot reset another user's password", async () => {
    const [victim, attacker] = [await createUser(), await createUser()];
    const res = await api(`/api/v1/users/${victim.id}`, { method: "PATCH", token: attacker.token, body: { password: "taken-over-3" } });
    expect(res.status).toBe(403);
    expect(await signsIn(victim.email, "taken-over-3")).toBe(401);
    expect(await signsIn(victim.email, victim.password)).toBe(201);
  });

  it("an administrator resets a forgotten password: the new one works, the old one and old sessions do not, audited without the password", async () => {
    const user = await createUser();
    const old = await signInBrowser(user);
    const res = await api(`/api/v1/users/${user.id}`, { method: "PATCH", token: await adminToken(), body: { password: "given-by-admin-1" } });
    expect(res.status, res.text).toBe(200);
    expect(res.text).not.toMatch(/given-by-admin|password/i);
    expect(await signsIn(user.email, user.password)).toBe(401);
    expect(await signsIn(user.email, "given-by-admin-1")).toBe(201);
    expect(await meStatus(old)).toBe(401);
    const [reset] = await auditFor("user.password_reset", user.id);
    expect(reset?.detail).toEqual({ userId: user.id, email: user.email });
    const [ended] = await auditFor("user.sessions_ended", user.id);
    expect(ended?.detail).toMatchObject({ reason: "password_reset", count: 1 });
  });

  it("an administrator's borrowed session cannot reset the administrator's own password without the current one", async () => {
    const admin = await createUser({ role: "admin" });
    const cookie = await signInBrowser(admin);
    const res = await api(`/api/v1/users/${admin.id}`, { method: "PATCH", cookie, body: { password: "taken-over-4" } });
    expect(res.status).toBe(403);
    expect(await signsIn(admin.email, admin.password)).toBe(201);
  });
});
