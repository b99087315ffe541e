import { expect, signInOverApi, test, unique } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { ProjectsPage } from "./pages/projects-page";

test.describe("project page: Share", () => {
  test("the owner finds a colleague by typing part of their name, adds them as viewer, and the saved role shows at once when changed", async ({ page, api }) => {
    const owner = await api.createUser();
    const colleague = await api.createUser({ name: `Colleague ${unique("Viewer")}` });
    const token = await api.createToken(owner);
    const created = await api.createProject(token, { name: unique("shared") });
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    await project.goto(created.id, "share");
    await expect(project.collaboratorsSection.getByText("Only the owner works on this project.")).toBeVisible();

    // Search as you type: part of the name offers the person; picking fills in their email.
    await project.collaboratorEmail.pressSequentially(colleague.name.slice(0, 14), { delay: 20 });
    const suggestion = page.getByRole("listbox", { name: "Matching people" }).getByRole("option").filter({ hasText: colleague.email });
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expect(project.collaboratorEmail).toHaveValue(colleague.email);
    await project.collaboratorRole.selectOption("viewer");
    await project.addCollaboratorButton.click();

    await expect(project.collaboratorsSection.getByRole("status").first()).toContainText(`${colleague.email} can now view this project.`);
    await expect(project.collaborators.getByRole("listitem").filter({ hasText: colleague.email })).toContainText(colleague.name);
    await expect(project.collaboratorEmail, "the field is empty for the next person").toHaveValue("");
    await expect(project.collaboratorRoleOf(colleague.email)).toHaveValue("viewer");

    // Changing the role saves at once and the page shows the saved role without a reload.
    await project.collaboratorRoleOf(colleague.email).selectOption("editor");
    await expect(project.collaborators.getByRole("status")).toHaveText(`Saved: ${colleague.email} is now an editor.`);
    await expect(project.collaboratorRoleOf(colleague.email)).toHaveValue("editor");
    await page.reload();
    await expect(project.collaboratorRoleOf(colleague.email)).toHaveValue("editor");

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
    await api.addCollaborator(token, created.id, { email: colleague.email, role: "editor" });
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    await project.goto(created.id, "share");

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toBe(`Hand this project to ${colleague.email}? They will become its owner, and you will stay on it as an editor.`);
      void dialog.accept();
    });
    await page.getByRole("button", { name: `Make ${colleague.email} the owner` }).click();
    await expect(page.getByText(`Owned by ${colleague.email}`)).toBeVisible();
    await expect(page.getByText(`Projects / ${colleague.handle}`)).toBeVisible();
    await expect(project.collaboratorsSection.getByText("Only the owner or an administrator can change who works on this project.")).toBeVisible();
    await project.goto(created.id);
    await expect(page.getByRole("definition").filter({ hasText: /^editor$/ })).toBeVisible();
  });
});
