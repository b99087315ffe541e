import type { Page } from "@playwright/test";

/** /projects/upload: the Upload project form, its progress and its answer. */
export class UploadProjectPage {
  readonly heading;
  readonly form;
  readonly name;
  readonly description;
  readonly file;
  readonly upload;
  readonly progress;
  readonly creating;
  readonly error;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Upload project", level: 1 });
    this.form = page.getByRole("form", { name: "Upload project" });
    this.name = this.form.getByLabel("Project name", { exact: true });
    this.description = this.form.getByLabel("Description", { exact: true });
    this.file = this.form.getByLabel("Archive", { exact: true });
    this.upload = this.form.getByRole("button", { name: "Upload project" });
    this.progress = this.form.getByRole("progressbar", { name: "Upload progress" });
    this.creating = this.form.getByText("Creating project...");
    this.error = this.form.getByRole("alert");
  }

  async goto() {
    await this.page.goto("/projects/upload");
  }

  async uploadProject({ name, description = "", file }: { name: string; description?: string; file: { name: string; mimeType: string; buffer: Buffer } }) {
    await this.name.fill(name);
    await this.description.fill(description);
    await this.file.setInputFiles(file);
    await this.upload.click();
  }
}
