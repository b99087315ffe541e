import { expect, signInOverApi, test, unique } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { ProjectsPage } from "./pages/projects-page";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test.describe("deleting a project", () => {
  test("the button waits for the exact name; the list then says what was deleted, and the project is gone", async ({ page, api }) => {
    const owner = await api.createUser();
    const token = await api.createToken(owner);
    const name = unique("Doomed");
    const created = await api.createProject(token, { name });
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    await project.goto(created.id, "settings");

    // It says what will happen, before anything happens.
    await expect(project.deleteSection).toContainText("This deletes the repository and everything Benchtop keeps about the project; it cannot be undone");
    await expect(project.deleteButton).toBeDisabled();
    await project.deleteConfirmation(name).fill(name.slice(0, -1));
    await expect(project.deleteButton).toBeDisabled();
    await project.deleteConfirmation(name).fill(name.toLowerCase());
    await expect(project.deleteButton).toBeDisabled();
    await project.deleteConfirmation(name).fill(`${name} `);
    await expect(project.deleteButton).toBeDisabled();
    await project.deleteConfirmation(name).fill(name);
    await expect(project.deleteButton).toBeEnabled();
    await project.deleteButton.click();

    await expect(page).toHaveURL(new RegExp(`/projects\\?deleted=${name}$`));
    const projects = new ProjectsPage(page);
    await expect(projects.heading).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Deleted project" })).toHaveText(`Deleted project ${name}.`);
    await expect(projects.projectLink(name)).toHaveCount(0);
    expect(await api.listProjectNames(token)).toEqual([]);
    const response = await page.goto(`/projects/${created.id}`);
    expect(response?.status()).toBe(404);
  });

  test("the notice shows only a project name, as text", async ({ page, api }) => {
    const user = await api.createUser();
    await signInOverApi(page, user);
    const projects = new ProjectsPage(page);
    await page.goto(`/projects?deleted=${encodeURIComponent('<img src=x onerror="alert(1)">')}`);
    await expect(projects.heading).toBeVisible();
    await expect(page.getByText("Deleted project")).toHaveCount(0);
    await expect(page.locator("main img")).toHaveCount(0);
  });

  test("an editor sees no delete form, and the API refuses them", async ({ page, api }) => {
    const owner = await api.createUser();
    const editor = await api.createUser();
    const ownerToken = await api.createToken(owner);
    const created = await api.createProject(ownerToken, { name: unique("kept") });
    const shared = await api.request.post(`/api/v1/projects/${created.id}/collaborators`, { headers: bearer(ownerToken), data: { email: editor.email, role: "editor" } });
    expect(shared.status()).toBe(201);
    await signInOverApi(page, editor);
    const project = new ProjectPage(page);
    await project.goto(created.id, "settings");
    await expect(project.heading(created.name)).toBeVisible();
    await expect(project.deleteSection).toHaveCount(0);
    const refused = await api.request.delete(`/api/v1/projects/${created.id}`, { headers: bearer(await api.createToken(editor)) });
    expect(refused.status()).toBe(403);
  });
});
