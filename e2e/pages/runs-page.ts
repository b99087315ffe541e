import type { Page } from "@playwright/test";

/** /projects/{id}/runs: the project's runs, newest first, filtered by status and deployment. */
export class RunsPage {
  readonly list;
  readonly filters;
  readonly status;
  readonly filter;

  constructor(readonly page: Page) {
    this.list = page.getByRole("list", { name: "Runs" });
    this.filters = page.getByRole("search", { name: "Filter the runs" });
    this.status = this.filters.getByRole("combobox", { name: /^Status/ });
    this.filter = this.filters.getByRole("button", { name: "Filter" });
  }

  async goto(projectId: string) {
    await this.page.goto(`/projects/${projectId}/runs`);
  }

  /** The runs of the deployment named `name` (each named "Run of {name}, {status}"). */
  runs(name: string, status?: string) {
    return this.list.getByRole("listitem", { name: status ? `Run of ${name}, ${status}` : new RegExp(`^Run of ${name}, `) });
  }

  async filterBy(status: string) {
    await this.status.selectOption(status);
    await this.filter.click();
  }
}
