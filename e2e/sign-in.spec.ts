import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";
import { TokensPage } from "./pages/tokens-page";

test.describe("sign-in page", () => {
  test("has one email field, one password field and one sign-in button", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(login.email).toHaveCount(1);
    await expect(login.password).toHaveCount(1);
    await expect(login.submit).toHaveCount(1);
    await expect(login.email).toHaveAttribute("type", "email");
    await expect(login.password).toHaveAttribute("type", "password");
  });

  test("a wrong password shows an error and stays; the right one opens the projects", async ({ page, api }) => {
    const user = await api.createUser();
    const login = new LoginPage(page);
    await login.goto();

    await login.signIn({ email: user.email, password: "not-the-password" });
    await expect(login.error).toContainText("The email or password is not right");
    await expect(page).toHaveURL(/\/login$/);

    await login.signIn(user);
    await expect(page).toHaveURL(/\/projects$/);
    await expect(new ProjectsPage(page).heading).toBeVisible();
  });

  test("a protected page visited signed out returns to it after sign-in", async ({ page, api }) => {
    const user = await api.createUser();

    await page.goto("/settings/tokens");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Ftokens$/);

    await new LoginPage(page).signIn(user);
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await expect(new TokensPage(page).heading).toBeVisible();
  });

  test("a failed sign-in keeps the email that was typed", async ({ page, api }) => {
    const user = await api.createUser();
    const login = new LoginPage(page);
    await login.goto();

    await login.signIn({ email: user.email, password: "not-the-password" });

    await expect(login.error).toBeVisible();
    await expect(login.email).toHaveValue(user.email, { timeout: 2_000 });
  });
});
