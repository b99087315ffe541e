import { describe, expect, it } from "vitest";
import { commitFiles } from "./commit-files";
import { initRepository } from "./init-repository";
import { repoPath } from "./repo-path";
import { runGit } from "./run-git";

const show = async (projectId: string, spec: string) => (await runGit({ args: ["show", spec], cwd: repoPath(projectId) })).toString();

describe("commitFiles", () => {
  it("adds and replaces files on a branch in one commit, keeping the rest", async () => {
    const projectId = "commitfilestest1";
    const first = await initRepository({ dir: repoPath(projectId), name: "p", description: "", author: { name: "A", email: "a@x.test" } });
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const commit = await commitFiles({
      projectId,
      branch: "main",
      files: [
        { path: "data/raw.bin", content: bytes },
        { path: "README.md", content: new TextEncoder().encode("replaced\n") },
      ],
      message: "Import 2 files from somewhere",
      author: { name: "Importer", email: "imp@x.test" },
    });
    expect((await runGit({ args: ["rev-parse", "main^"], cwd: repoPath(projectId) })).toString().trim()).toBe(first);
    expect(await show(projectId, "main:README.md")).toBe("replaced\n");
    const raw = await runGit({ args: ["cat-file", "blob", "main:data/raw.bin"], cwd: repoPath(projectId) });
    expect([...raw]).toEqual([0, 1, 2, 255]);
    const log = await runGit({ args: ["log", "-1", "--format=%an|%s", "main"], cwd: repoPath(projectId) });
    expect(log.toString().trim()).toBe("Importer|Import 2 files from somewhere");
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("refuses unsafe paths", async () => {
    const projectId = "commitfilestest2";
    await initRepository({ dir: repoPath(projectId), name: "p", description: "", author: { name: "A", email: "a@x.test" } });
    for (const bad of ["../x", "/abs", ".git/config", "a/../../b", "a/.git/hooks"]) {
      await expect(commitFiles({ projectId, branch: "main", files: [{ path: bad, content: new Uint8Array() }], message: "m", author: { name: "A", email: "a@x.test" } })).rejects.toThrow(/unsafe/);
    }
  });
});
