import { ADMIN } from "./servers";
import { expect, signInOverApi, test, unique } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { ProjectsPage } from "./pages/projects-page";
import { UsersPage } from "./pages/users-page";

test.describe("admin users page", () => {
  test("an administrator creates a user, changes their role and disables them", async ({ page, api }) => {
    await signInOverApi(page, ADMIN);
    const users = new UsersPage(page);
    await users.goto();
    await expect(users.heading).toBeVisible();
    const local = unique("grace");
    const input = { name: "Grace Hopper", email: `${local}@e2e.test`, password: "grace-password", role: "user" as const };

    await users.createUser(input);

    await expect(users.newUserForm.getByRole("status")).toContainText(`Created ${input.email} (handle ${local})`);
    const row = users.row(input.email);
    await expect(row).toContainText("Grace Hopper");
    await expect(row).toContainText("active");
    await expect(row.getByLabel(`Role of ${input.email}`)).toHaveValue("user");
    const { id, role } = await api.findUserByEmail(input.email);
    expect(role).toBe("user");

    await users.setRole(input.email, "admin");
    await expect.poll(async () => (await api.getUser(id)).role).toBe("admin");
    await page.reload();
    await expect(users.row(input.email).getByLabel(`Role of ${input.email}`)).toHaveValue("admin");

    await users.row(input.email).getByRole("button", { name: `Disable ${input.email}` }).click();
    await expect(users.row(input.email)).toContainText("disabled");
    await expect(users.row(input.email).getByRole("button", { name: `Enable ${input.email}` })).toBeVisible();
    expect((await api.getUser(id)).disabled).toBe(true);
  });

  test("a user who is not an administrator is sent away", async ({ page, api }) => {
    const user = await api.createUser();
    await signInOverApi(page, user);
    await new ProjectsPage(page).goto();
    await expect(new AppShell(page).nav.getByRole("link", { name: "Admin" })).toHaveCount(0);

    await page.goto("/admin/users");

    await expect(page).toHaveURL(/\/projects$/);
    await expect(new UsersPage(page).newUserForm).toHaveCount(0);
  });
});
