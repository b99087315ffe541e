// Full-page screenshots of the main screens for a person to look at, saved under
// test-results/screenshots/ (gitignored). They are also checked for content that
// spills out sideways, the most common layout breakage.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signInOverApi, test, unique, type Api, type SeededProject, type SeededUser } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { ProjectsPage } from "./pages/projects-page";
import { ADMIN } from "./servers";

const dir = path.join(process.cwd(), "test-results", "screenshots");
const viewports = {
  desktop: { width: 1280, height: 800 },
  narrow: { width: 390, height: 844 },
} as const;

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways by this many pixels").toBeLessThanOrEqual(0);
}

/** An owner with three projects of varied names and descriptions, and a colleague. */
async function seed(api: Api): Promise<{ owner: SeededUser; colleague: SeededUser; main: SeededProject }> {
  const owner = await api.createUser({ name: "Margaret Hamilton" });
  const colleague = await api.createUser({ name: "Katherine Johnson" });
  const token = await api.createToken(owner);
  const main = await api.createProject(token, { name: unique("apollo-guidance"), description: "Flight software for the command and lunar modules." });
  await api.createProject(token, { name: unique("trajectory-tables") });
  await api.createProject(token, { name: unique("a-rather-long-project-name-that-tests-wrapping_in_the_list"), description: "x ".repeat(200).trim() });
  return { owner, colleague, main };
}

for (const [label, viewport] of Object.entries(viewports)) {
  test(`projects page screenshot (${label})`, async ({ page, api }) => {
    await page.setViewportSize(viewport);
    const { owner } = await seed(api);
    await signInOverApi(page, owner);
    const projects = new ProjectsPage(page);
    await projects.goto();
    await expect(projects.list.getByRole("listitem")).toHaveCount(3);
    await page.screenshot({ path: path.join(dir, `projects-${label}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
  });

  test(`project page screenshot (${label})`, async ({ page, api }) => {
    await page.setViewportSize(viewport);
    const { owner, colleague, main } = await seed(api);
    await signInOverApi(page, owner);
    const project = new ProjectPage(page);
    await project.goto(main.id, "share");
    await project.addCollaborator({ email: colleague.email, role: "editor" });
    await expect(project.collaboratorRoleOf(colleague.email)).toHaveValue("editor");
    await page.screenshot({ path: path.join(dir, `project-${label}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
  });

  test(`version control page screenshot (${label})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signInOverApi(page, ADMIN);
    await page.goto("/admin/version-control");
    await expect(page.getByRole("heading", { name: "Version control", level: 1 })).toBeVisible();
    await page.screenshot({ path: path.join(dir, `version-control-${label}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
  });
}
