import { describe, expect, it } from "vitest";
import { getUserById } from "../db";
import { verifyCredentials } from "../auth/verify-credentials";
import { bootstrapAdminFromEnv, createFirstAdmin, needsFirstAdmin } from "./bootstrap-admin";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";

describe("accounts", () => {
  it("creates the first admin once, then refuses the first-run path", async () => {
    expect(needsFirstAdmin()).toBe(true);
    const admin = await createFirstAdmin({ email: "Root@Example.test", name: "Root", password: "correct horse" });
    expect(admin.role).toBe("admin");
    expect(admin.email).toBe("root@example.test");
    expect(needsFirstAdmin()).toBe(false);
    await expect(createFirstAdmin({ email: "x@example.test", name: "X", password: "password1" })).rejects.toMatchObject({ code: "conflict" });
    expect(await bootstrapAdminFromEnv({ email: "y@example.test", password: "password1" })).toBeUndefined();
  });

  it("hashes passwords and verifies them", async () => {
    const user = await createUser({ input: { email: "hash@example.test", name: "H", password: "s3cret-pass", role: "user" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await verifyCredentials({ email: "HASH@example.test", password: "s3cret-pass", address: "a" })).id).toBe(user.id);
    await expect(verifyCredentials({ email: "hash@example.test", password: "wrong-pass", address: "a" })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(verifyCredentials({ email: "nobody@example.test", password: "wrong-pass", address: "a" })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("gives unique handles and refuses a second account for an email", async () => {
    const a = await createUser({ input: { email: "sam@one.test", name: "Sam", password: "password1", role: "user" } });
    const b = await createUser({ input: { email: "Sam@two.test", name: "Sam", password: "password1", role: "user" } });
    expect([a.handle, b.handle]).toEqual(["sam", "sam2"]);
    await expect(createUser({ input: { email: "sam@one.test", name: "S", password: "password1", role: "user" } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("keeps at least one enabled administrator", async () => {
    const admin = await createUser({ input: { email: "only-admin@example.test", name: "A", password: "password1", role: "admin" } });
    const root = (await verifyCredentials({ email: "root@example.test", password: "correct horse", address: "b" }))!;
    await updateUser({ id: root.id, input: { disabled: true }, actor: admin });
    await expect(updateUser({ id: admin.id, input: { role: "user" }, actor: admin })).rejects.toThrow(/last enabled administrator/);
    await expect(updateUser({ id: admin.id, input: { disabled: true }, actor: admin })).rejects.toThrow(/last enabled administrator/);
    await updateUser({ id: root.id, input: { disabled: false }, actor: admin });
    expect((await updateUser({ id: admin.id, input: { role: "user" }, actor: root })).role).toBe("user");
    expect(getUserById({ id: admin.id })?.role).toBe("user");
  });

  it("refuses a disabled account at sign-in", async () => {
    const user = await createUser({ input: { email: "gone@example.test", name: "G", password: "password1", role: "user" } });
    const root = (await verifyCredentials({ email: "root@example.test", password: "correct horse", address: "c" }))!;
    await updateUser({ id: user.id, input: { disabled: true }, actor: root });
    await expect(verifyCredentials({ email: "gone@example.test", password: "password1", address: "c" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
