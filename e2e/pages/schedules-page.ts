import type { Page } from "@playwright/test";

/** /projects/{id}/schedules: the project's schedules and the New schedule form with its live preview. */
export class SchedulesPage {
  readonly list;
  readonly form;
  readonly deployment;
  readonly cron;
  readonly timezone;
  readonly preview;
  readonly add;
  readonly empty;

  constructor(readonly page: Page) {
    this.list = page.getByRole("list", { name: "Schedules" });
    this.form = page.getByRole("form", { name: "New schedule" });
    this.deployment = this.form.getByLabel("Deployment", { exact: true });
    this.cron = this.form.getByLabel("Cron expression", { exact: true });
    this.timezone = this.form.getByLabel("Time zone", { exact: true });
    this.preview = this.form.getByRole("region", { name: "Preview" });
    this.add = this.form.getByRole("button", { name: "Add schedule" });
    this.empty = page.getByText("No schedules yet.");
  }

  async goto(projectId: string) {
    await this.page.goto(`/projects/${projectId}/schedules`);
  }

  /** The preview's table of the next runs: a header row and one row per run. */
  previewTimes() {
    return this.preview.getByRole("table", { name: "Next runs" }).getByRole("row");
  }

  /** The schedule of the deployment named `deploymentName`. */
  item(deploymentName: string) {
    return this.list.getByRole("listitem", { name: new RegExp(`^Schedule of ${deploymentName}:`) });
  }
}
