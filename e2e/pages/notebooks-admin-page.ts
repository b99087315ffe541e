import type { Page } from "@playwright/test";

/** /admin/notebooks: where notebooks' kernels load Python packages from. */
export class NotebooksAdminPage {
  readonly heading;
  readonly form;
  readonly packagesUrl;
  readonly save;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Notebooks", level: 1 });
    this.form = page.getByRole("form", { name: "Package repository" });
    this.packagesUrl = this.form.getByLabel("Pyodide package repository URL");
    this.save = this.form.getByRole("button", { name: "Save" });
  }

  async goto() {
    await this.page.goto("/admin/notebooks");
  }

  async setPackagesUrl(url: string) {
    await this.packagesUrl.fill(url);
    await this.save.click();
  }
}
