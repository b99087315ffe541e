import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveRevision } from "./resolve-revision";
import { makeFixtureRepository } from "./test-support/fixture-repository";

let dir: string;
let commits: ReturnType<typeof makeFixtureRepository>;
const project = { id: "p1", name: "fixture", defaultBranch: "main" };
const resolve = (ref: string) => resolveRevision({ dir, ref, project });

beforeAll(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "resolve-")), "repo.git");
  commits = makeFixtureRepository(dir);
});

describe("resolveRevision", () => {
  it("resolves HEAD to the default branch, branches, tags (to their commit) and commit ids", async () => {
    await expect(resolve("HEAD")).resolves.toEqual({ kind: "branch", name: "main", commit: commits.main });
    await expect(resolve("feature/x")).resolves.toEqual({ kind: "branch", name: "feature/x", commit: commits.feature });
    await expect(resolve("v1")).resolves.toEqual({ kind: "tag", name: "v1", commit: commits.first });
    await expect(resolve(commits.first)).resolves.toEqual({ kind: "commit", name: commits.first, commit: commits.first });
    await expect(resolve(commits.first.slice(0, 8))).resolves.toMatchObject({ kind: "commit", commit: commits.first });
  });

  it("answers not_found naming the ref and where the branches are listed", async () => {
    await expect(resolve("nope")).rejects.toMatchObject({ code: "not_found", message: expect.stringMatching(/no branch, tag or commit named "nope".*\/api\/v1\/projects\/p1\/branches/) });
    await expect(resolve("deadbeef")).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveRevision({ dir, ref: "HEAD", project: { ...project, defaultBranch: "gone" } })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("no commit on its default branch gone") });
  });

  it("never hands git an option or a revision expression", async () => {
    for (const ref of ["--output=/tmp/x", "-h", "main~1", "main^{tree}", "HEAD@{1}", "a..b", "main:README.md", "x y"]) {
      await expect(resolve(ref), ref).rejects.toMatchObject({ code: "invalid_input", fields: { ref: expect.any(String) } });
    }
    // git's other guesses (a file in the repository folder) are not looked at.
    await expect(resolve("config")).rejects.toMatchObject({ code: "not_found" });
    expect(fs.existsSync("/tmp/x")).toBe(false);
  });
});
