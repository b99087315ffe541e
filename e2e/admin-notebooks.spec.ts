// The admin console's Notebooks page: an administrator points notebooks' kernels at a
// Pyodide package repository (refused, saying why, when the URL cannot serve), sees it
// kept after a reload and on the admin overview; others are sent away.
import { ADMIN } from "./servers";
import { expect, signInOverApi, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { NotebooksAdminPage } from "./pages/notebooks-admin-page";
import { ProjectsPage } from "./pages/projects-page";

const MIRROR = "http://pyodide-mirror.lab.internal/v0.27/full";

/** No repository after each test: the notebook specs expect the isolated network's message. */
test.afterEach(async ({ api }) => {
  const token = await api.createToken(ADMIN);
  await api.request.put("/api/v1/admin/notebooks", { headers: { authorization: `Bearer ${token}` }, data: { pyodidePackagesUrl: null } });
});

test("an administrator sets the package repository, sees it after a reload, and clears it", async ({ page, api }) => {
  await signInOverApi(page, ADMIN);
  await page.goto("/projects");
  await new AppShell(page).nav.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Notebooks" }).click();
  const notebooks = new NotebooksAdminPage(page);
  await expect(notebooks.heading).toBeVisible();
  await expect(page.getByText(/the full\/ folder of the Pyodide \d+\.\d+\.\d+/)).toBeVisible();
  await expect(notebooks.packagesUrl).toHaveValue("");

  await notebooks.setPackagesUrl("pyodide-mirror.lab.internal/full");
  await expect(notebooks.form.getByRole("alert")).toContainText("Check the highlighted fields");
  await expect(notebooks.packagesUrl).toHaveAccessibleDescription(/Give an absolute URL/);
  await expect(notebooks.packagesUrl).toHaveValue("pyodide-mirror.lab.internal/full");

  await notebooks.setPackagesUrl(MIRROR);
  await expect(notebooks.form.getByRole("status")).toContainText(`Saved. Notebooks load packages from ${MIRROR}/`);
  await page.reload();
  await expect(notebooks.packagesUrl).toHaveValue(`${MIRROR}/`);
  const token = await api.createToken(ADMIN);
  const current = await api.request.get("/api/v1/admin/notebooks", { headers: { authorization: `Bearer ${token}` } });
  expect(await current.json()).toEqual({ pyodidePackagesUrl: `${MIRROR}/`, source: "setting" });

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText(`Python packages load from ${MIRROR}/`)).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Notebooks" }).click();

  await notebooks.setPackagesUrl("");
  await expect(notebooks.form.getByRole("status")).toContainText("Saved. No package repository");
  await page.reload();
  await expect(notebooks.packagesUrl).toHaveValue("");
});

test("a user who is not an administrator is sent away", async ({ page, api }) => {
  const user = await api.createUser();
  await signInOverApi(page, user);
  await new ProjectsPage(page).goto();

  await page.goto("/admin/notebooks");

  await expect(page).toHaveURL(/\/projects$/);
  await expect(new NotebooksAdminPage(page).form).toHaveCount(0);
});
