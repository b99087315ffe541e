// The admin console's Large files page: an administrator sets the largest Git LFS file
// the git server takes (refused, saying why, for a size it cannot be), sees it kept after a
// reload, through the API and on the admin overview; others are sent away.
import { ADMIN } from "./servers";
import { expect, signInOverApi, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { LargeFilesAdminPage } from "./pages/large-files-admin-page";
import { ProjectsPage } from "./pages/projects-page";

const DEFAULT_BYTES = 5 * 1024 ** 3;

/** The default limit after each test: other specs push files. */
test.afterEach(async ({ api }) => {
  const token = await api.createToken(ADMIN);
  await api.request.put("/api/v1/admin/lfs", { headers: { authorization: `Bearer ${token}` }, data: { maxObjectBytes: DEFAULT_BYTES } });
});

test("an administrator sets the largest Git LFS file, sees it after a reload and on the overview", async ({ page, api }) => {
  await signInOverApi(page, ADMIN);
  await page.goto("/projects");
  await new AppShell(page).nav.getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Large files" }).click();
  const largeFiles = new LargeFilesAdminPage(page);
  await expect(largeFiles.heading).toBeVisible();
  await expect(largeFiles.largestFile).toHaveValue("5120");
  await expect(largeFiles.largestFile).toHaveAccessibleDescription(/The default is 5120 MB/);

  await largeFiles.setLargestFile("0");
  await expect(largeFiles.form.getByRole("alert")).toContainText("Check the highlighted fields");
  await expect(largeFiles.largestFile).toHaveAccessibleDescription(/Give a size above 0 MB/);

  await largeFiles.setLargestFile("1.5");
  await expect(largeFiles.form.getByRole("status")).toContainText("takes Git LFS files of up to 1.5 MB from now on");
  await page.reload();
  await expect(largeFiles.largestFile).toHaveValue("1.5");
  const token = await api.createToken(ADMIN);
  const current = await api.request.get("/api/v1/admin/lfs", { headers: { authorization: `Bearer ${token}` } });
  expect(await current.json()).toEqual({ maxObjectBytes: 1.5 * 1024 * 1024, defaultMaxObjectBytes: DEFAULT_BYTES });

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText("Git LFS files of up to 1.5 MB each.")).toBeVisible();
});

test("a user who is not an administrator is sent away", async ({ page, api }) => {
  const user = await api.createUser();
  await signInOverApi(page, user);
  await new ProjectsPage(page).goto();

  await page.goto("/admin/large-files");

  await expect(page).toHaveURL(/\/projects$/);
  await expect(new LargeFilesAdminPage(page).form).toHaveCount(0);
});
