import type { Page } from "@playwright/test";

/** /admin/large-files: the largest Git LFS file Benchtop's git server takes. */
export class LargeFilesAdminPage {
  readonly heading;
  readonly form;
  readonly largestFile;
  readonly save;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Large files", level: 1 });
    this.form = page.getByRole("form", { name: "Largest file" });
    this.largestFile = this.form.getByLabel("Largest file (MB)");
    this.save = this.form.getByRole("button", { name: "Save" });
  }

  async goto() {
    await this.page.goto("/admin/large-files");
  }

  async setLargestFile(megabytes: string) {
    await this.largestFile.fill(megabytes);
    await this.save.click();
  }
}
