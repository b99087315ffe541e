import { describe, expect, it } from "vitest";
import { getBrowserSessionById, insertSignInFailure, listAuditEvents } from "../db";
import { isBrowserSessionLive, startBrowserSession } from "../auth/browser-sessions";
import { assertSignInAllowed } from "../auth/sign-in-limit";
import { verifyCredentials } from "../auth/verify-credentials";
import { changeOwnPassword } from "./change-password";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";

let n = 0;
const newUser = (role: "admin" | "user" = "user") =>
  createUser({ input: { email: `acct${++n}@example.test`, name: `A${n}`, password: "first-password", role } });

const sessionsOf = (userId: string, count: number) => Array.from({ length: count }, () => startBrowserSession({ userId }));
const live = (userId: string, ids: { id: string }[]) => ids.map(({ id }) => isBrowserSessionLive({ id, userId }));
const actions = (email: string) => listAuditEvents({ limit: 500, offset: 0 }).filter((e) => e.detail.email === email).map((e) => e.action);

describe("account changes end sessions", () => {
  it("a session is live only while its row exists, and only for its own user", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const [session] = sessionsOf(a.id, 1);
    expect(isBrowserSessionLive({ id: session!.id, userId: a.id })).toBe(true);
    expect(isBrowserSessionLive({ id: session!.id, userId: b.id })).toBe(false);
    expect(isBrowserSessionLive({ id: "made-up", userId: a.id })).toBe(false);
  });

  it("an admin's password reset, role change or disable ends every session of the user, and is audited", async () => {
    const admin = await newUser("admin");
    for (const change of [{ password: "reset-password" }, { role: "admin" as const }, { disabled: true }]) {
      const user = await newUser();
      const sessions = sessionsOf(user.id, 2);
      await updateUser({ id: user.id, input: change, actor: admin });
      expect(live(user.id, sessions), JSON.stringify(change)).toEqual([false, false]);
      expect(actions(user.email)).toContain("user.sessions_ended");
    }
    const renamed = await newUser();
    const kept = sessionsOf(renamed.id, 1);
    await updateUser({ id: renamed.id, input: { name: "New Name" }, actor: admin });
    expect(live(renamed.id, kept)).toEqual([true]);
  });

  it("an admin's reset sets a password that signs in, and is audited without the password", async () => {
    const admin = await newUser("admin");
    const user = await newUser();
    await updateUser({ id: user.id, input: { password: "reset-password" }, actor: admin });
    expect((await verifyCredentials({ email: user.email, password: "reset-password", address: "x" })).id).toBe(user.id);
    await expect(verifyCredentials({ email: user.email, password: "first-password", address: "x" })).rejects.toMatchObject({ code: "unauthorized" });
    expect(actions(user.email)).toContain("user.password_reset");
    expect(JSON.stringify(listAuditEvents({ limit: 500, offset: 0 }))).not.toContain("reset-password");
  });

  it("an admin cannot reset their own password without the current one", async () => {
    const admin = await newUser("admin");
    await expect(updateUser({ id: admin.id, input: { password: "another-pass" }, actor: admin })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an unlock clears the account's failed sign-ins from every address", async () => {
    const admin = await newUser("admin");
    const user = await newUser();
    for (let i = 0; i < 6; i++) insertSignInFailure({ email: user.email, address: "203.0.113.1", at: new Date() });
    expect(() => assertSignInAllowed({ email: user.email, address: "203.0.113.1" })).toThrow(/Too many/);
    await updateUser({ id: user.id, input: { unlock: true }, actor: admin });
    expect(() => assertSignInAllowed({ email: user.email, address: "203.0.113.1" })).not.toThrow();
    expect(actions(user.email)).toContain("user.unlocked");
  });

  it("changing one's own password keeps the current session and ends the others", async () => {
    const user = await newUser();
    const [current, other] = sessionsOf(user.id, 2);
    await changeOwnPassword({ user, input: { currentPassword: "first-password", newPassword: "second-password" }, address: "198.51.100.7", sessionId: current!.id });
    expect(getBrowserSessionById({ id: current!.id })).toBeDefined();
    expect(getBrowserSessionById({ id: other!.id })).toBeUndefined();
    expect((await verifyCredentials({ email: user.email, password: "second-password", address: "x" })).id).toBe(user.id);
    expect(actions(user.email)).toEqual(expect.arrayContaining(["user.password_changed", "user.sessions_ended"]));
  });

  it("refuses a wrong current password, counting it as a failed sign-in", async () => {
    const user = await newUser();
    const attempt = () => changeOwnPassword({ user, input: { currentPassword: "not-it", newPassword: "second-password" }, address: "198.51.100.8" });
    for (let i = 0; i < 5; i++) await expect(attempt()).rejects.toMatchObject({ code: "invalid_input", fields: { currentPassword: expect.any(String) } });
    await expect(attempt()).rejects.toMatchObject({ code: "rate_limited" });
    await expect(
      changeOwnPassword({ user, input: { currentPassword: "first-password", newPassword: "first-password" }, address: "198.51.100.9" }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { newPassword: expect.any(String) } });
  });
});
