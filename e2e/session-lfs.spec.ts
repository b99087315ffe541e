// Git LFS in a session: files .gitattributes gives to LFS open as their real content
// (a CSV in the editor, an image previewed), an edit is committed as a pointer and its
// object uploaded before the push, and the real git lfs client sees it all. A push whose
// upload is refused pushes nothing and keeps the commit. Track with LFS, and the warning for
// a large file LFS does not track.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ADMIN } from "./servers";
import { SessionPage } from "./pages/session-page";
import { expect, lfsHome, NativeGit, test } from "./session-fixtures";

// A 1x1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const CSV = "day,sales\nmon,3\ntue,5\n";
const EDITED = "day,sales\nmon,3\ntue,5\nwed,8\n";
const DEFAULT_LFS_LIMIT = 5 * 1024 ** 3;

test("an LFS-tracked image and CSV open as their content; the edited CSV is pushed as an LFS object git lfs reads", async ({ owner, openBrowser, api }) => {
  // Native git lfs, a session and two pushes: more than the default on a 2-core machine.
  test.setTimeout(120_000);
  const native = new NativeGit(owner.project.cloneUrl, owner.token, lfsHome()).clone();
  native.run(["lfs", "track", "*.csv", "*.png"]);
  native.run(["add", ".gitattributes"]);
  native.run(["commit", "-q", "-m", "Keep data and images in Git LFS"]);
  native.commitFile("plot.png", PNG, "Add a plot");
  native.commitFile("data.csv", CSV, "Add data");
  expect(native.run(["lfs", "ls-files", "--name-only"]).split("\n").filter(Boolean).sort()).toEqual(["data.csv", "plot.png"]);

  const context = await openBrowser(owner.user);
  const session = new SessionPage(context.pages()[0]!);
  await session.open(owner.project.id);

  await session.item("plot.png").click();
  const preview = session.page.getByRole("img", { name: "Preview of plot.png" });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  await session.openFile("data.csv");
  await session.expectEditorText(CSV);
  await expect(session.page.getByText("Large file (Git LFS)")).toBeVisible();
  await expect(session.page.getByRole("region", { name: "Large files in this browser" })).toContainText("Large files kept here");

  await session.replaceText(EDITED);
  await session.commit("Another day of sales");

  // An object over the server's limit is refused: nothing is pushed, the commit stays.
  const adminToken = await api.createToken(ADMIN);
  const setLimit = (maxObjectBytes: number) => api.request.put("/api/v1/admin/lfs", { headers: { authorization: `Bearer ${adminToken}` }, data: { maxObjectBytes } });
  const before = native.run(["ls-remote", "origin", "HEAD"]);
  await setLimit(10);
  try {
    await session.pushButton.click();
    await expect(session.status).toContainText("Nothing was pushed: a large file (Git LFS) could not be uploaded");
    await expect(session.page.locator("#push-description")).toContainText("1 unpushed");
    expect(native.run(["ls-remote", "origin", "HEAD"])).toBe(before);
  } finally {
    await setLimit(DEFAULT_LFS_LIMIT);
  }
  await session.push();

  native.pull();
  expect(native.read("data.csv").toString("utf8")).toBe(EDITED);
  expect(native.run(["cat-file", "-p", "HEAD:data.csv"])).toMatch(new RegExp(`^version https://git-lfs\\.github\\.com/spec/v1\noid sha256:[0-9a-f]{64}\nsize ${Buffer.byteLength(EDITED)}\n$`));
  native.run(["lfs", "fsck"]);
  const fresh = new NativeGit(owner.project.cloneUrl, owner.token, lfsHome()).clone();
  expect(fresh.read("data.csv").toString("utf8")).toBe(EDITED);
  expect(fresh.read("plot.png").equals(PNG)).toBe(true);
});

test("Track with LFS adds the pattern to .gitattributes; a 150 MB file LFS does not track is offered tracking before it is added", async ({ owner, openBrowser }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-track-"));
  const big = path.join(dir, "disk.iso");
  fs.closeSync(fs.openSync(big, "w"));
  fs.truncateSync(big, 150 * 1024 * 1024);
  try {
    const context = await openBrowser(owner.user);
    const session = new SessionPage(context.pages()[0]!);
    await session.open(owner.project.id);
    const page = session.page;

    await page.getByLabel("Files to upload").setInputFiles({ name: "notes.dat", mimeType: "application/octet-stream", buffer: Buffer.from("plain") });
    await expect(session.status).toContainText("Added notes.dat (5 bytes)");
    await session.item("notes.dat").click();
    await page.getByRole("button", { name: "Track with LFS" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Pattern to keep in Git LFS")).toHaveValue("*.dat");
    await dialog.getByRole("button", { name: "Track" }).click();
    await expect(session.status).toContainText("Tracking *.dat with Git LFS");

    await page.getByLabel("Files to upload").setInputFiles(big);
    await expect(dialog).toContainText("disk.iso is 150 MB: track it with Git LFS?");
    await dialog.getByRole("button", { name: "Track *.iso with LFS" }).click();
    await expect(session.status).toContainText("Added disk.iso (Git LFS) (150 MB)", { timeout: 60_000 });

    await session.changeRow(".gitattributes").getByRole("button", { name: ".gitattributes" }).click();
    await expect(session.changedFiles).toContainText("*.dat filter=lfs diff=lfs merge=lfs -text");
    await expect(session.changedFiles).toContainText("*.iso filter=lfs diff=lfs merge=lfs -text");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
