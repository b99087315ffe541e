// Runs against the server started without any account (project "first-run").
import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";
import { SetupPage } from "./pages/setup-page";

test("the first visit creates the administrator, and the setup page closes after", async ({ page }) => {
  const admin = { name: "Ada Admin", email: "ada@first-run.test", password: "first-run-password" };

  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  const setup = new SetupPage(page);
  await expect(setup.heading).toBeVisible();

  await setup.createAdministrator(admin);

  await expect(page).toHaveURL(/\/projects$/);
  await expect(new ProjectsPage(page).heading).toBeVisible();
  const shell = new AppShell(page);
  await expect(shell.currentUser("ada")).toBeVisible();
  await expect(shell.nav.getByRole("link", { name: "Admin" }), "the first account is an administrator").toBeVisible();

  await shell.signOut();
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
  await expect(new LoginPage(page).submit).toBeVisible();

  // Signed in again, the page is just as closed.
  await new LoginPage(page).signIn(admin);
  await expect(page).toHaveURL(/\/projects$/);
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
});
