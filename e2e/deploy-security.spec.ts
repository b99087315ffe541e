// A deployed page's own script, run in a signed-in member's browser, tries to act as
// them: read Benchtop's cookies, read Benchtop's API and pages, create a project
// through the API. Deployed content is served in an opaque origin (CSP sandbox), so
// all of it must fail, while the script itself demonstrably ran (the positive
// control). A deployed notebook and Markdown file carrying script injections are
// rendered with nothing of theirs running.
import { NativeGit, expect, test } from "./session-fixtures";

const ATTACK = `<!doctype html><title>Quarterly numbers</title><h1>Quarterly numbers</h1><pre id="out">not run</pre>
<script>
(async () => {
  const result = { ran: true, origin: self.origin };
  try { result.cookie = document.cookie; } catch (error) { result.cookie = "threw " + error.name; }
  try { localStorage.setItem("x", "1"); result.storage = "usable"; } catch (error) { result.storage = "threw " + error.name; }
  const attempt = async (label, url, init) => {
    try {
      const response = await fetch(url, { credentials: "include", ...init });
      result[label] = "read " + response.status + " " + (await response.text()).slice(0, 120);
    } catch (error) {
      result[label] = "blocked " + error.name;
    }
  };
  await attempt("projects", "/api/v1/projects");
  await attempt("page", "/projects");
  await attempt("create", "/api/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "stolen-by-script" }) });
  await attempt("simplePost", "/api/v1/projects", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "stolen-by-simple-post" }) });
  document.getElementById("out").textContent = JSON.stringify(result);
})();
</script>
`;

const MARKER = "__deployInjected";
const INJECTED_MARKDOWN = `# Notes\n\n<script>window.${MARKER}=1</script>\n\n<img src=x onerror="window.${MARKER}=1">\n\n[click](javascript:window.${MARKER}=1)\n`;
const INJECTED_NOTEBOOK = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
  cells: [
    { cell_type: "markdown", id: "m1", metadata: {}, source: [`Hello <script>window.${MARKER}=1</script><img src=x onerror="window.${MARKER}=1">`] },
    {
      cell_type: "code",
      id: "c1",
      metadata: {},
      execution_count: 1,
      source: ["display(HTML(...))"],
      outputs: [
        { output_type: "display_data", metadata: {}, data: { "text/html": [`<b>bold output</b><script>parent.window.${MARKER}=1; top.window.${MARKER}=1</script>`], "text/plain": ["<HTML>"] } },
        { output_type: "display_data", metadata: {}, data: { "image/svg+xml": [`<svg xmlns="http://www.w3.org/2000/svg" onload="window.${MARKER}=1"><script>window.${MARKER}=1</script></svg>`] } },
      ],
    },
  ],
});

test("a deployed page's script runs, but cannot read Benchtop's cookies, pages or API, nor act as the signed-in member", async ({ owner, openBrowser, request }) => {
  test.setTimeout(120_000);
  new NativeGit(owner.project.cloneUrl, owner.token).clone().commitFile("index.html", ATTACK, "A page with a script");
  const created = await request.post(`/api/v1/projects/${owner.project.id}/deployments`, {
    headers: { authorization: `Bearer ${owner.token}` },
    data: { name: "Numbers", ref: "main", visibility: "private" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const deployment = await created.json();

  const context = await openBrowser(owner.user);
  const page = context.pages()[0] ?? (await context.newPage());
  await expect(async () => {
    await page.goto(deployment.url);
    await expect(page.getByRole("heading", { name: "Quarterly numbers" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // The positive control: the script ran and wrote its findings.
  await expect(page.locator("#out")).not.toHaveText("not run", { timeout: 15_000 });
  const result = JSON.parse((await page.locator("#out").textContent()) ?? "{}");
  expect(result.ran).toBe(true);
  expect(result.origin).toBe("null");
  expect(result.cookie === "" || String(result.cookie).startsWith("threw")).toBe(true);
  expect(result.storage).toMatch(/^threw/);
  for (const attempt of ["projects", "page", "create", "simplePost"]) expect(result[attempt], attempt).toMatch(/^blocked/);
  // And nothing reached Benchtop as the member: no project was made.
  const projects = await request.get("/api/v1/projects", { headers: { authorization: `Bearer ${owner.token}` } });
  expect(JSON.stringify(await projects.json())).not.toContain("stolen-by");
  // The browser held the member's session all along (the deployment is private and was served).
  expect((await context.cookies()).some((cookie) => cookie.name.includes("authjs.session-token"))).toBe(true);
});

test("a deployed Markdown file and notebook carrying script injections render with nothing of theirs running", async ({ owner, openBrowser, request }) => {
  test.setTimeout(120_000);
  const git = new NativeGit(owner.project.cloneUrl, owner.token).clone();
  git.commitFile("notes.md", INJECTED_MARKDOWN, "Injected notes");
  git.commitFile("analysis.ipynb", INJECTED_NOTEBOOK, "Injected notebook");
  const created = await request.post(`/api/v1/projects/${owner.project.id}/deployments`, {
    headers: { authorization: `Bearer ${owner.token}` },
    data: { name: "Injected", ref: "main", visibility: "private" },
  });
  const deployment = await created.json();
  const context = await openBrowser(owner.user);
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await expect(async () => {
    await page.goto(`${deployment.url}notes.md`);
    await expect(page.getByRole("heading", { name: "Notes" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.waitForTimeout(300);
  expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], MARKER)).toBeUndefined();

  await page.goto(`${deployment.url}analysis.ipynb`);
  await expect(page.getByText("Hello")).toBeVisible();
  // The HTML output is shown (in its sandboxed frame), its script reaching nothing outside it.
  await expect(page.frameLocator("iframe").first().getByText("bold output")).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], MARKER)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
