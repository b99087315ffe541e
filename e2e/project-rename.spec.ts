import { expect, signInOverApi, test, unique } from "./fixtures";
import { ProjectPage } from "./pages/project-page";

test("renaming says that the clone URL changed and that the old one keeps working for 30 days", async ({ page, api }) => {
  const owner = await api.createUser();
  const token = await api.createToken(owner);
  const created = await api.createProject(token, { name: unique("before") });
  await signInOverApi(page, owner);
  const project = new ProjectPage(page);
  await project.goto(created.id, "settings");

  const renamed = unique("after");
  const settings = page.getByRole("region", { name: "Settings" });
  await settings.getByLabel("Name", { exact: true }).fill(renamed);
  await settings.getByRole("button", { name: "Save settings" }).click();

  const newUrl = created.cloneUrl.replace(`/${created.name}.git`, `/${renamed}.git`);
  await expect(settings.getByRole("status")).toContainText(`The clone URL is now ${newUrl}. The old one keeps working for git for 30 days`);
  await expect(project.heading(renamed)).toBeVisible();
  await project.menuLink("Overview").click();
  await expect(project.cloneUrl).toHaveValue(newUrl);
});
