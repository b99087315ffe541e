import { expect, signInOverApi, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { ProjectsPage } from "./pages/projects-page";

test("a disabled user's open session ends at the next request", async ({ page, api }) => {
  const user = await api.createUser();
  await signInOverApi(page, user);
  const projects = new ProjectsPage(page);
  await projects.goto();
  await expect(projects.heading).toBeVisible();

  await api.updateUser(user.id, { disabled: true });
  await page.reload();

  await expect(page).toHaveURL(/\/login(\?|$)/);
  const login = new LoginPage(page);
  await expect(login.submit).toBeVisible();

  await login.signIn(user);
  await expect(login.error).toContainText("This account is disabled");
  await expect(page).toHaveURL(/\/login(\?|$)/);
});
