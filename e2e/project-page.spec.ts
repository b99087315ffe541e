import { expect, signInOverApi, test, unique } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { ProjectsPage } from "./pages/projects-page";

test.describe("project page", () => {
  test("the owner adds a collaborator as viewer", async ({ page, api }) => {
    const owner = await api.createUser();
    const colleague = await api.createUser({ name: "Colleague Viewer" });
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: unique("shared") });
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    await project.goto(created.id);
    await expect(project.collaboratorsSection.getByText("Only the owner works on this project.")).toBeVisible();

    await project.addCollaborator({ email: colleague.email, role: "viewer" });

    await expect(project.collaboratorsSection.getByRole("status")).toContainText(`${colleague.email} can now view this project.`);
    await expect(project.collaborators.getByRole("listitem").filter({ hasText: colleague.email })).toContainText("Colleague Viewer");
    await expect(project.collaboratorRoleOf(colleague.email)).toHaveValue("viewer");
    await page.reload();
    await expect(project.collaboratorRoleOf(colleague.email)).toHaveValue("viewer");

    // The colleague finds it in their list, marked as shared with them.
    await signInOverApi(page, colleague);
    const projects = new ProjectsPage(page);
    await projects.goto();
    await expect(projects.list.getByRole("listitem").filter({ hasText: created.name })).toContainText("shared with you");
  });

  test("the owner hands the project to a collaborator and stays on it as an editor", async ({ page, api }) => {
    const owner = await api.createUser();
    const colleague = await api.createUser({ name: "Next Owner" });
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: unique("handover") });
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    await project.goto(created.id);
    await project.addCollaborator({ email: colleague.email, role: "editor" });

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain(`Hand this project to ${colleague.email}? They become its owner; you stay on it as an editor.`);
      void dialog.accept();
    });
    await page.getByRole("button", { name: `Make ${colleague.email} the owner` }).click();
    await expect(page.getByText("Your role: editor")).toBeVisible();
    await expect(page.getByText(`Projects / ${colleague.handle}`)).toBeVisible();
  });
});
