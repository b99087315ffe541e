import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signInOverApi } from "./fixtures";
import { DownloadArchiveForm } from "./pages/download-archive-form";
import { expect, NativeGit, test } from "./session-fixtures";

/** The entries of a zip, as python3's zipfile reads them. */
const zipEntries = (file: string): string[] =>
  JSON.parse(execFileSync("python3", ["-c", "import json, sys, zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))", file], { encoding: "utf8" })) as string[];

/** The names in a tar.gz, as the real tar lists them. */
const tarEntries = (file: string): string[] => execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).split("\n").filter(Boolean);

test.describe("downloading a project", () => {
  test("Download saves a zip of the project's files, and a tag as tar.gz with its history", async ({ page, owner }) => {
    const git = new NativeGit(owner.project.cloneUrl, owner.token).clone();
    git.commitFile("data/measurements.csv", "day,value\n1,0.5\n", "Add measurements");
    git.run(["tag", "v1"]);
    git.run(["push", "-q", "origin", "v1"]);
    git.commitFile("notebooks/analysis.py", "print('analysis')\n", "Add analysis");
    const files = git.run(["ls-tree", "-r", "--name-only", "HEAD"]).split("\n").filter(Boolean);
    expect(files).toEqual(["README.md", "data/measurements.csv", "notebooks/analysis.py"]);

    await signInOverApi(page, owner.user);
    await page.goto(`/projects/${owner.project.id}`);
    const form = new DownloadArchiveForm(page);
    await expect(form.branch).toHaveValue("main");
    await expect(form.format("zip")).toBeChecked();

    const zip = await form.download();
    expect(zip.suggestedFilename()).toBe(`${owner.project.name}-main.zip`);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-download-")), zip.suggestedFilename());
    await zip.saveAs(saved);
    const entries = zipEntries(saved);
    expect(entries.filter((entry) => !entry.endsWith("/")).sort()).toEqual(files.map((file) => `${owner.project.name}/${file}`));
    // The page is still there: the archive came as a download, not a navigation.
    await expect(form.button).toBeVisible();

    await form.tagOrCommit.fill("--output=/tmp/x");
    await expect(form.form.getByText("A tag or commit cannot start with '-'.")).toBeVisible();
    await expect(form.button).toBeDisabled();
    await form.tagOrCommit.fill("v1");
    await expect(form.branch).toBeDisabled();
    await form.format("tar.gz").check();
    await form.withHistory.check();
    const tar = await form.download();
    expect(tar.suggestedFilename()).toBe(`${owner.project.name}-v1-history.tar.gz`);
    const tarFile = path.join(path.dirname(saved), tar.suggestedFilename());
    await tar.saveAs(tarFile);
    const names = tarEntries(tarFile);
    expect(names).toContain(`${owner.project.name}/data/measurements.csv`);
    expect(names).not.toContain(`${owner.project.name}/notebooks/analysis.py`);
    expect(names).toContain(`${owner.project.name}/.git/HEAD`);
  });
});
