import type { Page } from "@playwright/test";

/** /projects/{id}/deployments/{deploymentId}: one deployment, its buttons, history, schedules, edit form and deletion. */
export class DeploymentPage {
  readonly summary;
  readonly status;
  readonly commit;
  readonly runUnderWay;
  readonly redeploy;
  readonly stop;
  readonly start;
  readonly history;
  readonly schedules;
  readonly editForm;
  readonly deleteForm;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.summary = page.getByRole("region", { name, exact: true });
    this.status = page.getByTestId("deployment-status");
    this.commit = page.getByTestId("deployment-commit");
    this.runUnderWay = this.summary.getByRole("status");
    this.redeploy = this.summary.getByRole("button", { name: "Redeploy" });
    this.stop = this.summary.getByRole("button", { name: "Stop" });
    this.start = this.summary.getByRole("button", { name: "Start" });
    this.history = page.getByRole("table", { name: "Deploys" });
    this.schedules = page.getByRole("region", { name: "Schedules" });
    this.editForm = page.getByRole("form", { name: "Edit deployment" });
    this.deleteForm = page.getByRole("form", { name: "Delete deployment" });
  }

  /** The address, a link that opens the deployment in a new tab. */
  address() {
    return this.summary.getByRole("link", { name: /\/deploy\// });
  }

  /** The red notice of a failed run ("Deploying {name} failed"). */
  failure() {
    return this.page.getByRole("region", { name: `Deploying ${this.name} failed` });
  }
}
