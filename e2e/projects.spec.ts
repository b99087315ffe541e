import { expect, signInOverApi, test, unique } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { ProjectsPage } from "./pages/projects-page";

test.describe("creating a project", () => {
  test("opens the new project with its clone URL and lists it", async ({ page, api }) => {
    const user = await api.createUser();
    await signInOverApi(page, user);
    const name = unique("widget");
    const projects = new ProjectsPage(page);
    await projects.goto();

    await projects.createProject({ name, description: "Parts for the widget machine." });

    await expect(page).toHaveURL(/\/projects\/[^/]+$/);
    const project = new ProjectPage(page);
    await expect(project.heading(name)).toBeVisible();
    await expect(page.getByRole("region", { name: "About" }).getByText("Parts for the widget machine.")).toBeVisible();
    const cloneUrl = await project.cloneUrl.inputValue();
    expect(cloneUrl.endsWith(`/git/${user.handle}/${name}.git`), `clone URL ${cloneUrl}`).toBe(true);
    expect(new URL(cloneUrl).origin).toBe(new URL(page.url()).origin);

    await projects.goto();
    await expect(projects.list.getByRole("link", { name, exact: true })).toBeVisible();
    // Where it lives and when it was last pushed to; not shared, it is the user's own.
    const row = projects.list.getByRole("listitem").filter({ hasText: name });
    await expect(row).toContainText("Benchtop");
    await expect(row).toContainText("no push yet");
    await expect(row).not.toContainText("shared with you");
  });

  test("an invalid name shows why and creates nothing", async ({ page, api }) => {
    const user = await api.createUser();
    const token = await api.createToken(user);
    await signInOverApi(page, user);
    const projects = new ProjectsPage(page);
    await projects.goto();

    await projects.createProject({ name: ".hidden" });

    await expect(projects.newProjectForm.getByText("The name cannot start with '.'.")).toBeVisible();
    await expect(projects.formError).toContainText("Check the highlighted fields");
    await expect(projects.name).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/projects$/);
    expect(await api.listProjectNames(token)).toEqual([]);
    await page.reload();
    // The empty list says how to start: create, upload, or from a registered repository.
    await expect(page.getByText(/^No projects yet\./)).toBeVisible();
    await expect(page.getByRole("link", { name: "upload", exact: true })).toHaveAttribute("href", "/projects/upload");
    await expect(page.getByRole("link", { name: "Repositories", exact: true }).last()).toHaveAttribute("href", "/repositories");
  });

  test("a name the user already has shows the conflict", async ({ page, api }) => {
    const user = await api.createUser();
    const token = await api.createToken(user);
    const name = unique("twice");
    await api.createProject(token, { name });
    await signInOverApi(page, user);
    const projects = new ProjectsPage(page);
    await projects.goto();

    await projects.createProject({ name });

    await expect(projects.formError).toContainText(`You already have a project named "${name}"`);
    await expect(page).toHaveURL(/\/projects$/);
    expect(await api.listProjectNames(token)).toEqual([name]);
  });

  test("a refused name keeps what was typed in the form", async ({ page, api }) => {
    const user = await api.createUser();
    await signInOverApi(page, user);
    const projects = new ProjectsPage(page);
    await projects.goto();

    await projects.createProject({ name: ".hidden", description: "A long description worth keeping." });

    await expect(projects.formError).toBeVisible();
    await expect(projects.name).toHaveValue(".hidden", { timeout: 2_000 });
    await expect(projects.description).toHaveValue("A long description worth keeping.", { timeout: 2_000 });
  });
});
