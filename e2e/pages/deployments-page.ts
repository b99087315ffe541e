import type { Page } from "@playwright/test";

/** /projects/{id}/deployments: the project's deployments and the New deployment form. */
export class DeploymentsPage {
  readonly list;
  readonly form;
  readonly name;
  readonly ref;
  readonly follow;
  readonly visibility;
  readonly deploy;

  constructor(readonly page: Page) {
    this.list = page.getByRole("list", { name: "Deployments" });
    this.form = page.getByRole("form", { name: "New deployment" });
    this.name = this.form.getByLabel("Name", { exact: true });
    this.ref = this.form.getByLabel("Branch, tag or commit", { exact: true });
    this.follow = this.form.getByLabel("Follow the branch (redeploy its latest commit)");
    this.visibility = this.form.getByLabel("Who can open it", { exact: true });
    this.deploy = this.form.getByRole("button", { name: "Deploy" });
  }

  async goto(projectId: string) {
    await this.page.goto(`/projects/${projectId}/deployments`);
  }

  /** The list's entry of the deployment named `name`. */
  row(name: string) {
    return this.list.getByRole("listitem").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async create({ name, ref, follow = true, visibility = "Project members" }: { name: string; ref: string; follow?: boolean; visibility?: string }) {
    await this.name.fill(name);
    await this.ref.fill(ref);
    await this.follow.setChecked(follow);
    await this.visibility.selectOption({ label: visibility });
    await this.deploy.click();
  }
}
