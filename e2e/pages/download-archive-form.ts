import type { Download, Page } from "@playwright/test";

/** The Download form in a project page's Clone section. */
export class DownloadArchiveForm {
  readonly form;
  readonly branch;
  readonly tagOrCommit;
  readonly withHistory;
  readonly button;

  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Download" });
    this.branch = this.form.getByLabel("Branch", { exact: true });
    this.tagOrCommit = this.form.getByLabel("or a tag or commit");
    this.withHistory = this.form.getByLabel("with full history");
    this.button = this.form.getByRole("button", { name: "Download" });
  }

  format(name: "zip" | "tar.gz") {
    return this.form.getByRole("radio", { name });
  }

  /** Clicks Download and answers the file the browser saves. */
  async download(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.button.click()]);
    return download;
  }
}
