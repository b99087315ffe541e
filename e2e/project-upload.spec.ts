import { randomBytes } from "node:crypto";
import { zipBytes } from "../lib/archives/upload/test-support/archives";
import { expect, signInOverApi, test, unique } from "./fixtures";
import { ProjectPage } from "./pages/project-page";
import { UploadProjectPage } from "./pages/upload-project-page";

test.describe("uploading a project", () => {
  test("uploads a zip with a progress bar, then creates the project and opens it", async ({ page, api }) => {
    const user = await api.createUser();
    const token = await api.createToken(user);
    await signInOverApi(page, user);
    await page.goto("/projects");
    await page.getByRole("link", { name: "Upload project" }).click();
    const upload = new UploadProjectPage(page);
    await expect(upload.heading).toBeVisible();

    // A few MB sent at 1 MB/s (Chromium's network throttling), so the progress can be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    const name = unique("uploaded");
    const zip = zipBytes([
      { name: "analysis/README.md", data: "# Uploaded analysis\n" },
      { name: "analysis/data.bin", data: randomBytes(4 * 1024 * 1024), method: 0 },
    ]);
    await upload.uploadProject({ name, description: "From a zip.", file: { name: "analysis.zip", mimeType: "application/zip", buffer: zip } });

    await expect(upload.progress).toBeVisible();
    await expect(upload.form).toContainText(/Uploading: [\d.]+ MB of 4\.\d MB \(\d+%\)/);
    await expect(upload.upload).toBeDisabled();
    await expect(page).toHaveURL(/\/projects\/[^/]+$/, { timeout: 30_000 });
    await expect(new ProjectPage(page).heading(name)).toBeVisible();
    expect(await api.listProjectNames(token)).toEqual([name]);
  });

  test("a file that is not an archive shows the server's message and keeps the form filled", async ({ page, api }) => {
    const user = await api.createUser();
    const token = await api.createToken(user);
    await signInOverApi(page, user);
    const upload = new UploadProjectPage(page);
    await upload.goto();
    const name = unique("notes");

    await upload.uploadProject({ name, description: "Kept", file: { name: "notes.zip", mimeType: "application/zip", buffer: Buffer.from("just some notes\n") } });

    await expect(upload.error).toHaveText('"notes.zip" is not a zip or tar.gz archive (its first bytes are neither). Upload a .zip, .tar.gz or .tgz file.');
    await expect(upload.name).toHaveValue(name);
    await expect(upload.description).toHaveValue("Kept");
    await expect(upload.file).toHaveAttribute("aria-invalid", "true");
    await expect(upload.upload).toBeEnabled();
    await expect(page).toHaveURL(/\/projects\/upload$/);
    expect(await api.listProjectNames(token)).toEqual([]);
  });
});
