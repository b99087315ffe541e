import type { Page } from "@playwright/test";

/** /projects: the list and the new-project form. */
export class ProjectsPage {
  readonly heading;
  readonly list;
  readonly newProjectForm;
  readonly name;
  readonly description;
  readonly create;
  readonly formError;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Projects", level: 1 });
    this.list = page.getByRole("list", { name: "Projects" });
    this.newProjectForm = page.getByRole("form", { name: "New project" });
    this.name = page.getByLabel("Project name", { exact: true });
    this.description = page.getByLabel("Description", { exact: true });
    this.create = page.getByRole("button", { name: "Create project" });
    this.formError = this.newProjectForm.getByRole("alert");
  }

  async goto() {
    await this.page.goto("/projects");
  }

  /** The link to a project in the list. */
  projectLink(name: string) {
    return this.page.getByRole("main").getByRole("link", { name, exact: true });
  }

  /** A project's row in the list (its red mark and reason are inside). */
  projectRow(name: string) {
    return this.list.getByRole("listitem").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async createProject({ name, description = "" }: { name: string; description?: string }) {
    await this.name.fill(name);
    await this.description.fill(description);
    await this.create.click();
  }
}
