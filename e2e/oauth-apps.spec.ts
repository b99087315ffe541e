import { expect, signInOverApi, test, unique } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { ProjectsPage } from "./pages/projects-page";
import { ADMIN, APP_URL } from "./servers";

test.describe("admin OAuth apps page", () => {
  test("an administrator registers a GitHub Enterprise app; the page shows the callback URL and never the secret", async ({ page }) => {
    await signInOverApi(page, ADMIN);
    await new ProjectsPage(page).goto();
    await new AppShell(page).nav.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "OAuth apps" }).click();
    await expect(page).toHaveURL(/\/admin\/oauth-apps$/);
    await expect(page.getByRole("heading", { name: "OAuth apps", level: 1 })).toBeVisible();

    const host = `${unique("ghe")}.example.test`;
    const clientId = unique("Iv1");
    const secret = `e2e-client-secret-${unique("s")}`;
    const form = page.getByRole("form", { name: "Add or update an app" });
    await expect(form.getByLabel("Host", { exact: true })).toHaveValue("github.com");
    await form.getByLabel("Provider", { exact: true }).selectOption({ label: "GitHub Enterprise" });
    await form.getByLabel("Host", { exact: true }).fill(host);
    await form.getByLabel("Type", { exact: true }).selectOption({ label: "GitHub App (user tokens expire)" });
    await form.getByLabel("Client ID", { exact: true }).fill(clientId);
    await form.getByLabel("Client secret", { exact: true }).fill(secret);
    await form.getByRole("button", { name: "Save app" }).click();

    await expect(form.getByRole("status")).toContainText(`Added the github-enterprise app for ${host}`);
    const row = page.getByRole("table", { name: "OAuth apps" }).getByRole("row").filter({ hasText: host });
    await expect(row).toContainText("GitHub Enterprise");
    await expect(row).toContainText("GitHub App (user tokens expire)");
    await expect(row).toContainText(clientId);
    await expect(row).toContainText(`${APP_URL}/api/auth/connections/callback/github-enterprise`);
    expect(await page.content()).not.toContain(secret);

    await page.reload();
    await expect(row).toContainText(clientId);
    expect(await page.content()).not.toContain(secret);
    const html = await (await page.context().request.get("/admin/oauth-apps")).text();
    expect(html).toContain(clientId);
    expect(html).not.toContain(secret);

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: `Remove GitHub Enterprise app for ${host}` }).click();
    await expect(page.getByRole("table", { name: "OAuth apps" }).getByRole("row").filter({ hasText: host })).toHaveCount(0);
  });

  test("a user who is not an administrator is sent away", async ({ page, api }) => {
    const user = await api.createUser();
    await signInOverApi(page, user);
    await new ProjectsPage(page).goto();
    await expect(new AppShell(page).nav.getByRole("link", { name: "Admin" })).toHaveCount(0);

    await page.goto("/admin/oauth-apps");

    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole("form", { name: "Add or update an app" })).toHaveCount(0);
  });
});
