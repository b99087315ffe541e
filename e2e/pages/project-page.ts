import type { Page } from "@playwright/test";

type ProjectPageName = "overview" | "share" | "audit" | "settings";

/** A project's pages: Overview (/projects/{id}), Share, Audit trail and Settings, with the project's menu. */
export class ProjectPage {
  readonly menu;
  readonly cloneUrl;
  readonly readme;
  readonly collaborators;
  readonly collaboratorEmail;
  readonly collaboratorRole;
  readonly addCollaboratorButton;
  readonly collaboratorsSection;
  readonly deleteSection;
  readonly deleteButton;

  constructor(readonly page: Page) {
    this.menu = page.getByRole("navigation", { name: "Project" });
    this.cloneUrl = page.getByRole("textbox", { name: "Clone URL" });
    this.readme = page.getByTestId("readme");
    this.collaboratorsSection = page.getByRole("region", { name: "Share" });
    this.collaborators = this.collaboratorsSection.getByRole("list", { name: "Collaborators" });
    this.collaboratorEmail = this.collaboratorsSection.getByRole("combobox", { name: "Person (name or email)" });
    // The label wraps the select, so its name also holds the chosen option ("Role viewer").
    this.collaboratorRole = this.collaboratorsSection.getByRole("combobox", { name: /^Role(?! of)/ });
    this.addCollaboratorButton = this.collaboratorsSection.getByRole("button", { name: "Add collaborator" });
    this.deleteSection = page.getByRole("region", { name: "Danger zone" });
    this.deleteButton = this.deleteSection.getByRole("button", { name: "Delete project" });
  }

  /** The red banner of a failed operation ("Push failed"), with Retry and Dismiss. */
  failureBanner(title: string | RegExp = / failed$/) {
    return this.page.getByRole("region", { name: title });
  }

  async goto(id: string, which: ProjectPageName = "overview") {
    await this.page.goto(which === "overview" ? `/projects/${id}` : `/projects/${id}/${which}`);
  }

  /** The project's name above its menu (the README on the Overview may hold a heading with the same words). */
  heading(name: string) {
    return this.page.getByRole("heading", { name, level: 1 }).first();
  }

  menuLink(name: string) {
    return this.menu.getByRole("link", { name, exact: true });
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
