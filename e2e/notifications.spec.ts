// The red state and notifications end to end: a push the remote rejects in a
// session turns the project red in the list and on its page, the bell counts the
// notification, the list shows it, and Dismiss clears the mark.
import { AppShell } from "./pages/app-shell";
import { NotificationsPage } from "./pages/notifications-page";
import { ProjectPage } from "./pages/project-page";
import { ProjectsPage } from "./pages/projects-page";
import { SessionPage } from "./pages/session-page";
import { expect, NativeGit, test } from "./session-fixtures";

const REASON = "Someone pushed first. Pull to bring in their changes, then push again.";

test("a rejected push turns the project red and notifies; Dismiss clears the mark", async ({ owner, openBrowser }) => {
  const { project } = owner;
  const context = await openBrowser(owner.user);
  const page = context.pages()[0]!;
  const shell = new AppShell(page);
  const session = new SessionPage(page);

  await session.open(project.id);
  await expect(shell.bell).toHaveAccessibleName("Notifications, none unread");
  await session.openFile("README.md");
  await session.replaceText("# From the browser\n");
  await session.commit("Browser edit");
  // Meanwhile the branch moves on: the browser's push is rejected.
  new NativeGit(project.cloneUrl, owner.token).clone().commitFile("notes.md", "from the terminal\n", "Terminal edit");
  await session.pushButton.click();
  await expect(session.status).toContainText("Push rejected");
  // The session reported it; the bell in the header counts it without a reload.
  await expect(shell.bell).toHaveAccessibleName("Notifications, 1 unread");

  // Leaving the session with its unpushed commit asks first (they stay in this browser): leave.
  page.on("dialog", (dialog) => void dialog.accept());
  const projects = new ProjectsPage(page);
  await projects.goto();
  const row = projects.projectRow(project.name);
  await expect(row).toContainText("Push failed");
  await expect(row).toContainText(REASON);

  const projectPage = new ProjectPage(page);
  await projectPage.goto(project.id);
  const banner = projectPage.failureBanner("Push failed");
  await expect(banner).toContainText(REASON);
  await expect(banner.getByRole("time")).toContainText("UTC");
  await expect(banner.getByRole("link", { name: "Retry in the session" })).toHaveAttribute("href", `/projects/${project.id}/session`);

  await shell.bell.click();
  const notifications = new NotificationsPage(page);
  await expect(notifications.heading).toBeVisible();
  const item = notifications.item(`Push failed on ${project.name}: ${REASON}`);
  await expect(item).toBeVisible();
  await expect(item.getByRole("link", { name: "Open project" })).toHaveAttribute("href", `/projects/${project.id}`);
  await item.getByRole("button", { name: /^Mark as read/ }).click();
  await expect(shell.bell).toHaveAccessibleName("Notifications, none unread");
  await expect(item).toContainText("Read");

  await item.getByRole("link", { name: "Open project" }).click();
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: /^Dismiss/ }).click();
  await expect(projectPage.failureBanner()).toHaveCount(0);
  await projects.goto();
  await expect(projects.projectLink(project.name)).toBeVisible();
  await expect(projects.projectRow(project.name)).not.toContainText("failed");
});
