import type { Page } from "@playwright/test";

/** /projects/{id}: clone URL, settings, collaborators, audit trail, delete. */
export class ProjectPage {
  readonly cloneUrl;
  readonly collaborators;
  readonly collaboratorEmail;
  readonly collaboratorRole;
  readonly addCollaboratorButton;
  readonly collaboratorsSection;
  readonly deleteSection;
  readonly deleteButton;

  constructor(readonly page: Page) {
    this.cloneUrl = page.getByRole("textbox", { name: "Clone URL" });
    this.collaboratorsSection = page.getByRole("region", { name: "Collaborators" });
    this.collaborators = this.collaboratorsSection.getByRole("list", { name: "Collaborators" });
    this.collaboratorEmail = this.collaboratorsSection.getByLabel("Collaborator email", { exact: true });
    // The label wraps the select, so its name also holds the chosen option ("Role viewer").
    this.collaboratorRole = this.collaboratorsSection.getByRole("combobox", { name: /^Role(?! of)/ });
    this.addCollaboratorButton = this.collaboratorsSection.getByRole("button", { name: "Add collaborator" });
    this.deleteSection = page.getByRole("region", { name: "Delete project" });
    this.deleteButton = this.deleteSection.getByRole("button", { name: "Delete project" });
  }

  /** The red banner of a failed operation ("Push failed"), with Retry and Dismiss. */
  failureBanner(title: string | RegExp = / failed$/) {
    return this.page.getByRole("region", { name: title });
  }

  async goto(id: string) {
    await this.page.goto(`/projects/${id}`);
  }

  heading(name: string) {
    return this.page.getByRole("heading", { name, level: 1 });
  }

  collaboratorRoleOf(email: string) {
    return this.collaborators.getByLabel(`Role of ${email}`, { exact: true });
  }

  async addCollaborator({ email, role }: { email: string; role: "viewer" | "editor" }) {
    await this.collaboratorEmail.fill(email);
    await this.collaboratorRole.selectOption(role);
    await this.addCollaboratorButton.click();
  }

  deleteConfirmation(name: string) {
    return this.deleteSection.getByLabel(`Type ${name} to confirm`, { exact: true });
  }
}
