// Deployments, schedules and runs through their pages: an editor deploys a
// pushed commit and sees it served; writes a schedule with its live preview;
// redeploys and reads the run's log; a redeploy of a deleted branch fails in red,
// in the Runs page's failed filter and in the owner's notifications; a viewer sees
// every page without a button that would be refused; an administrator turns
// public deployments off and the form says so.
import type { Page } from "@playwright/test";
import { signInOverApi, unique, type Api } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { DeploymentPage } from "./pages/deployment-page";
import { DeploymentsPage } from "./pages/deployments-page";
import { NotificationsPage } from "./pages/notifications-page";
import { ProjectPage } from "./pages/project-page";
import { RunsPage } from "./pages/runs-page";
import { SchedulesPage } from "./pages/schedules-page";
import { ADMIN } from "./servers";
import { expect, NativeGit, test } from "./session-fixtures";

const INDEX_HTML = "<!doctype html><title>Quarterly report</title><h1>Revenue is up</h1>\n";
/** A run builds from git objects in a moment; the page refreshes every two seconds while it goes. */
const RUN_DONE = { timeout: 20_000 };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Makes a deployment over the API (for tests about what comes after). */
async function createDeployment(api: Api, token: string, projectId: string, body: { name: string; ref: string; track?: boolean }): Promise<{ id: string; name: string }> {
  const response = await api.request.post(`/api/v1/projects/${projectId}/deployments`, { headers: bearer(token), data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

async function openDeployment(page: Page, projectId: string, deployment: { id: string; name: string }): Promise<DeploymentPage> {
  await page.goto(`/projects/${projectId}/deployments/${deployment.id}`);
  return new DeploymentPage(page, deployment.name);
}

test("an editor deploys a pushed commit from the Deployments page and it runs with that commit", async ({ page, owner }) => {
  const commit = new NativeGit(owner.project.cloneUrl, owner.token).clone().commitFile("index.html", INDEX_HTML, "A page to publish");
  await signInOverApi(page, owner.user);
  const project = new ProjectPage(page);
  await project.goto(owner.project.id);
  await project.menuLink("Deployments").click();
  const deployments = new DeploymentsPage(page);
  await expect(page.getByText("No deployments yet.")).toBeVisible();
  await expect(deployments.ref).toHaveValue("main");
  await expect(deployments.follow).toBeChecked();

  const name = unique("Quarterly report");
  await deployments.create({ name, ref: "main" });
  // The deployment's own page opens and follows its first run until it serves.
  const deployment = new DeploymentPage(page, name);
  await expect(page).toHaveURL(new RegExp(`/projects/${owner.project.id}/deployments/[^/]+$`));
  await expect(deployment.status).toHaveText("running", RUN_DONE);
  await expect(deployment.commit).toHaveText(commit.slice(0, 7));
  await expect(deployment.summary).toContainText("by Session Owner");
  await expect(deployment.history.getByRole("row")).toHaveCount(2);
  await expect(deployment.history).toContainText("serving");

  const address = deployment.address();
  await expect(address).toHaveAttribute("href", new RegExp(`^http://localhost:\\d+/deploy/[a-z0-9-]+/$`));
  await expect(address).toHaveAttribute("target", "_blank");
  await expect(address).toHaveAttribute("rel", "noopener noreferrer");
  // The address opens the pushed page in a new tab.
  const [tab] = await Promise.all([page.context().waitForEvent("page"), address.click()]);
  await expect(tab.getByRole("heading", { name: "Revenue is up" })).toBeVisible();
  await tab.close();

  // The list shows it with its address, ref, commit and who can open it.
  await project.menuLink("Deployments").click();
  const row = deployments.row(name);
  await expect(row).toContainText("running");
  await expect(row).toContainText("main · follows the branch");
  await expect(row).toContainText(`commit ${commit.slice(0, 7)}`);
  await expect(row).toContainText("Project members");
  await expect(row.getByRole("link", { name: /\/deploy\// })).toHaveAttribute("rel", "noopener noreferrer");

  // Stopped, it keeps its configuration; started, it serves its deploy again; deleted after its name is typed.
  await row.getByRole("link", { name, exact: true }).click();
  await deployment.stop.click();
  await expect(deployment.status).toHaveText("stopped");
  await expect(deployment.redeploy).toHaveCount(0);
  await deployment.start.click();
  await expect(deployment.status).toHaveText("running");
  await expect(deployment.commit).toHaveText(commit.slice(0, 7));
  const deleteButton = deployment.deleteForm.getByRole("button", { name: "Delete deployment" });
  await expect(deleteButton).toBeDisabled();
  await deployment.deleteForm.getByLabel(`Type ${name} to confirm`).fill(name);
  await deleteButton.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${owner.project.id}/deployments$`));
  await expect(page.getByText("No deployments yet.")).toBeVisible();
});

test("a schedule is written with a live preview, refused when invalid, then disabled and deleted", async ({ page, api, owner }) => {
  const deployment = await createDeployment(api, owner.token, owner.project.id, { name: unique("Nightly"), ref: "main", track: true });
  await signInOverApi(page, owner.user);
  const schedules = new SchedulesPage(page);
  await schedules.goto(owner.project.id);
  await expect(schedules.empty).toBeVisible();
  await schedules.deployment.selectOption({ label: deployment.name });
  // The zone starts as the browser's own.
  await expect(schedules.timezone).toHaveValue(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));

  await schedules.cron.fill("0 25 * * *");
  await expect(schedules.cron).toHaveAccessibleDescription(/"0 25 \* \* \*" is not a valid cron expression/);
  await expect(schedules.preview).toContainText("Type a cron expression and a time zone");
  // Sent anyway, the server refuses it in the same words under the field.
  await schedules.add.click();
  await expect(schedules.form.getByRole("alert")).toHaveText("Check the highlighted fields.");
  await expect(schedules.cron).toHaveAccessibleDescription(/is not a valid cron expression/);
  await schedules.timezone.fill("Mars/Olympus");
  await expect(schedules.timezone).toHaveAccessibleDescription(/Mars\/Olympus/);

  await schedules.cron.fill("0 6 * * 1-5");
  await schedules.timezone.fill("Europe/Berlin");
  await expect(schedules.preview).toContainText("At 06:00, Monday through Friday, Europe/Berlin");
  await expect(schedules.previewTimes()).toHaveCount(6); // the header and five runs
  await expect(schedules.preview.getByRole("columnheader").first()).toHaveText("Europe/Berlin");
  await schedules.add.click();
  await expect(schedules.form.getByRole("status")).toContainText(`Schedule added: ${deployment.name}`);

  const item = schedules.item(deployment.name);
  await expect(item).toContainText("0 6 * * 1-5");
  await expect(item).toContainText("enabled");
  await expect(item.getByRole("table", { name: `Next runs of ${deployment.name}` }).getByRole("row")).toHaveCount(6);
  // Edited in place, with the same preview.
  await item.getByRole("button", { name: "Edit" }).click();
  const edit = item.getByRole("form", { name: "Edit schedule" });
  await edit.getByLabel("Cron expression", { exact: true }).fill("15 7 * * *");
  await expect(edit.getByRole("region", { name: "Preview" })).toContainText("At 07:15, Europe/Berlin");
  await edit.getByRole("button", { name: "Save schedule" }).click();
  await expect(edit).toHaveCount(0);
  await expect(item).toContainText("15 7 * * *");
  await expect(item.getByText("At 07:15, Europe/Berlin", { exact: true })).toBeVisible();
  await item.getByRole("button", { name: `Disable the schedule of ${deployment.name}` }).click();
  await expect(item).toContainText("Disabled: it does not run");
  await expect(item.getByRole("table")).toHaveCount(0);

  // The deployment's page lists it, disabled.
  const deploymentPage = await openDeployment(page, owner.project.id, deployment);
  await expect(deploymentPage.schedules).toContainText("At 07:15, Europe/Berlin");
  await expect(deploymentPage.schedules).toContainText("disabled");

  await schedules.goto(owner.project.id);
  page.once("dialog", (dialog) => void dialog.accept());
  await schedules.item(deployment.name).getByRole("button", { name: `Delete the schedule of ${deployment.name}` }).click();
  await expect(schedules.empty).toBeVisible();
});

test("a redeploy shows as a run with its log; a failed one shows red, under the failed filter and in the owner's notifications", async ({ page, api, owner }) => {
  test.setTimeout(90_000); // five runs, each waited for
  const git = new NativeGit(owner.project.cloneUrl, owner.token).clone();
  git.commitFile("index.html", INDEX_HTML, "First page");
  git.run(["push", "-q", "origin", "HEAD:feature"]);
  const report = await createDeployment(api, owner.token, owner.project.id, { name: unique("Report"), ref: "main", track: true });
  const preview = await createDeployment(api, owner.token, owner.project.id, { name: unique("Preview"), ref: "feature", track: true });
  await signInOverApi(page, owner.user);
  const shell = new AppShell(page);

  // Redeploy picks up a new commit of the branch it follows.
  let deployment = await openDeployment(page, owner.project.id, report);
  await expect(deployment.status).toHaveText("running", RUN_DONE);
  const first = (await deployment.commit.textContent()) ?? "";
  const second = git.commitFile("index.html", "<h1>Revenue is up again</h1>\n", "Second page");
  await deployment.redeploy.click();
  await expect(deployment.commit).toHaveText(second.slice(0, 7), RUN_DONE);
  // Then back to the first deploy: a rollback is a new deploy of the earlier commit.
  await deployment.history.getByRole("button", { name: `Roll back to ${first}` }).click();
  await expect(deployment.commit).toHaveText(first, RUN_DONE);
  await expect(deployment.history.getByRole("row")).toHaveCount(4);
  await expect(deployment.history.getByRole("row").nth(1)).toContainText("(rollback)");

  const runs = new RunsPage(page);
  await runs.goto(owner.project.id);
  await expect(runs.runs(report.name)).toHaveCount(3);
  await expect(runs.runs(report.name).first()).toContainText("rollback");
  const redeployed = runs.runs(report.name).nth(1);
  await expect(redeployed).toHaveAccessibleName(`Run of ${report.name}, succeeded`);
  await expect(redeployed).toContainText(second.slice(0, 7));
  await expect(redeployed).toContainText("manual");
  await expect(redeployed).toContainText("by Session Owner");
  await redeployed.getByText("Log").click();
  await expect(redeployed.locator("pre")).toContainText(`Serving commit ${second.slice(0, 7)}`);

  // The branch the preview follows is deleted; its redeploy fails and the old deploy keeps serving.
  deployment = await openDeployment(page, owner.project.id, preview);
  await expect(deployment.status).toHaveText("running", RUN_DONE);
  git.run(["push", "-q", "origin", ":feature"]);
  await deployment.redeploy.click();
  const failure = deployment.failure();
  await expect(failure).toContainText('no branch, tag or commit named "feature"', RUN_DONE);
  await expect(failure).toContainText("keeps serving");
  await expect(deployment.status).toHaveText("running");

  const deployments = new DeploymentsPage(page);
  await deployments.goto(owner.project.id);
  const row = deployments.row(preview.name);
  await expect(row).toContainText("Deploy failed");
  await expect(row).toContainText('no branch, tag or commit named "feature"');
  await expect(row).toHaveClass(/bg-red-50/);
  await expect(deployments.row(report.name)).not.toContainText("Deploy failed");

  await runs.goto(owner.project.id);
  await runs.filterBy("failed");
  await expect(page).toHaveURL(/status=failed/);
  await expect(runs.list.getByRole("listitem")).toHaveCount(1);
  await expect(runs.runs(preview.name, "failed")).toContainText('no branch, tag or commit named "feature"');

  // From the red notice to the run, and the owner is told.
  deployment = await openDeployment(page, owner.project.id, preview);
  await deployment.failure().getByRole("link", { name: "See the failed run" }).click();
  await expect(runs.runs(preview.name, "failed")).toBeVisible();
  await expect(shell.bell).toHaveAccessibleName("Notifications, 1 unread");
  await shell.bell.click();
  const notifications = new NotificationsPage(page);
  await expect(notifications.item(`Deploying ${preview.name} of ${owner.project.name} failed`)).toContainText('no branch, tag or commit named "feature"');

  // Pointed at a branch that exists, it deploys again and is no longer red.
  deployment = await openDeployment(page, owner.project.id, preview);
  await deployment.editForm.getByLabel("Branch, tag or commit", { exact: true }).fill("main");
  await deployment.editForm.getByRole("button", { name: "Save changes" }).click();
  await expect(deployment.editForm.getByRole("status")).toContainText("Saved. Deploying what it now names");
  await expect(deployment.failure()).toHaveCount(0, RUN_DONE);
  await expect(deployment.commit).toHaveText(second.slice(0, 7), RUN_DONE);
});

test("a viewer sees the deployments, schedules and runs without a button that would be refused", async ({ page, api, owner }) => {
  new NativeGit(owner.project.cloneUrl, owner.token).clone().commitFile("index.html", INDEX_HTML, "A page");
  const deployment = await createDeployment(api, owner.token, owner.project.id, { name: unique("Shared"), ref: "main", track: true });
  const scheduled = await api.request.post(`/api/v1/projects/${owner.project.id}/deployments/${deployment.id}/schedules`, { headers: bearer(owner.token), data: { cron: "@daily", timezone: "UTC" } });
  expect(scheduled.status()).toBe(201);
  const viewer = await api.createUser();
  await api.addCollaborator(owner.token, owner.project.id, { email: viewer.email, role: "viewer" });
  await signInOverApi(page, viewer);

  const project = new ProjectPage(page);
  await project.goto(owner.project.id);
  await expect(project.menu.getByRole("link")).toHaveText(["Overview", "Session", "Deployments", "Schedules", "Runs", "Share", "Audit trail"]);

  const deployments = new DeploymentsPage(page);
  await project.menuLink("Deployments").click();
  await expect(deployments.row(deployment.name)).toBeVisible();
  await expect(deployments.form).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Deployments" }).getByRole("button")).toHaveCount(0);

  const deploymentPage = await openDeployment(page, owner.project.id, deployment);
  await expect(deploymentPage.status).toHaveText("running", RUN_DONE);
  await expect(deploymentPage.history).toContainText("serving");
  await expect(deploymentPage.schedules).toContainText("At 00:00, UTC");
  for (const form of [deploymentPage.editForm, deploymentPage.deleteForm]) await expect(form).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Redeploy|Stop|Start|Roll back)/ })).toHaveCount(0);

  const schedules = new SchedulesPage(page);
  await project.menuLink("Schedules").click();
  await expect(schedules.item(deployment.name)).toContainText("@daily");
  await expect(schedules.form).toHaveCount(0);
  await expect(schedules.list.getByRole("button")).toHaveCount(0);

  const runs = new RunsPage(page);
  await project.menuLink("Runs").click();
  await expect(runs.runs(deployment.name, "succeeded")).toBeVisible();
});

test("an administrator turns public deployments off: the form says so and offers only the other choices", async ({ page, api, adminToken, owner }) => {
  try {
    await signInOverApi(page, ADMIN);
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Deployments" }).click();
    const settings = page.getByRole("form", { name: "Public deployments" });
    await expect(settings).toContainText("Allow public deployments: on");
    await settings.getByRole("button", { name: "Turn public deployments off" }).click();
    await expect(settings.getByRole("status")).toContainText("existing public ones are served to people signed in only");
    await expect(settings).toContainText("Allow public deployments: off");

    await page.context().clearCookies();
    await signInOverApi(page, owner.user);
    const deployments = new DeploymentsPage(page);
    await deployments.goto(owner.project.id);
    await expect(deployments.visibility.getByRole("option", { name: /^Anyone with the link/ })).toBeDisabled();
    await expect(deployments.visibility).toHaveAccessibleDescription(/An administrator has turned public deployments off/);
  } finally {
    const restored = await api.request.put("/api/v1/admin/deployments", { headers: bearer(adminToken), data: { allowPublic: true } });
    expect(restored.ok()).toBe(true);
  }
});
