import nodeFs from "node:fs";
import git from "isomorphic-git";
import { describe, expect, it } from "vitest";
import { cloneRepository } from "./clone-repository";
import { getState } from "./get-state";
import { isCloned } from "./is-cloned";
import { pullBranch } from "./pull-branch";
import { readFile } from "./read-file";
import { git as nativeGit } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, sessionContext } from "./test-support/remote-session";
import type { Progress } from "./types";

const server = gitHttpServerForFile();

describe("cloneRepository", () => {
  it("makes a shallow copy of the default branch without checking anything out", async () => {
    const remote = createRemote(server, [{ "README.md": "# One\n" }, { "src/app.py": "print(1)\n" }, { "README.md": "# Three\n" }]);
    const ctx = sessionContext(remote.url);
    const progress: Progress[] = [];

    const state = await cloneRepository({ ctx, onProgress: (p) => progress.push(p) });

    const head = bareGit(remote, ["rev-parse", "main"]);
    expect(state).toEqual({ cloned: true, branch: "main", head, remoteHead: head, unpushed: 0, behind: false, shallow: true, merging: null, changes: 0 });
    expect(await getState({ ctx })).toEqual(state);
    expect(nodeFs.readdirSync(ctx.dir)).toEqual([".git"]); // no checkout
    expect(nodeFs.existsSync(`${ctx.gitdir}/index`)).toBe(false);
    expect(nativeGit(ctx.dir, ["config", "branch.main.remote"])).toBe("origin");
    expect(nativeGit(ctx.dir, ["config", "branch.main.merge"])).toBe("refs/heads/main");
    expect(nativeGit(ctx.dir, ["rev-list", "--count", "HEAD"])).toBe("1");
    expect((await readFile({ ctx, path: "README.md" })).text).toBe("# Three\n");
    expect(nativeGit(ctx.dir, ["fsck", "--no-progress"])).toBe("");

    const phases = new Set(progress.map((p) => p.phase));
    expect(phases).toContain("Downloading");
    expect(phases).toContain("Indexing");
    expect(progress.filter((p) => p.total !== undefined).every((p) => p.percent !== undefined && p.percent >= 0 && p.percent <= 100)).toBe(true);
  });

  it("clones the given depth", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }, { "a.txt": "2\n" }, { "a.txt": "3\n" }]);
    const ctx = sessionContext(remote.url);
    await cloneRepository({ ctx, depth: 2 });
    expect(nativeGit(ctx.dir, ["rev-list", "--count", "HEAD"])).toBe("2");
  });

  it("refuses to clone over a complete copy", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = sessionContext(remote.url);
    await cloneRepository({ ctx });
    await expect(cloneRepository({ ctx })).rejects.toMatchObject({ code: "exists" });
  });

  it("leaves nothing behind when the clone fails, and starts clean over leftovers", async () => {
    const failing = sessionContext(server.statusUrl(404));
    await expect(cloneRepository({ ctx: failing })).rejects.toMatchObject({ code: "not_found" });
    expect(nodeFs.existsSync(failing.gitdir)).toBe(false);
    expect(await isCloned({ ctx: failing })).toBe(false);

    // An interrupted clone: a git folder without the completion mark.
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = sessionContext(remote.url);
    await git.init({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir });
    nodeFs.writeFileSync(`${ctx.gitdir}/leftover`, "partial");
    expect(await isCloned({ ctx })).toBe(false);
    const state = await cloneRepository({ ctx });
    expect(state.cloned).toBe(true);
    expect(nodeFs.existsSync(`${ctx.gitdir}/leftover`)).toBe(false);
  });
});

describe("cloneRepository of an empty repository", () => {
  it("gives a copy on main without commits that a pull fast-forwards once someone pushes", async () => {
    const name = "empty-project";
    nativeGit(server.root, ["init", "--quiet", "--bare", "--initial-branch=main", server.gitdirOf(name)]);
    const ctx = sessionContext(server.urlOf(name));

    expect(await cloneRepository({ ctx })).toMatchObject({ cloned: true, branch: "main", head: null, remoteHead: null, unpushed: 0 });

    const native = `${server.root}/empty-work`;
    nativeGit(server.root, ["clone", "--quiet", server.gitdirOf(name), native]);
    nodeFs.writeFileSync(`${native}/a.txt`, "first\n");
    nativeGit(native, ["add", "-A"]);
    nativeGit(native, ["commit", "--quiet", "-m", "First"]);
    nativeGit(native, ["push", "--quiet", "origin", "HEAD:main"]);

    const result = await pullBranch({ ctx });
    expect(result).toMatchObject({ kind: "fast-forward", state: { head: nativeGit(native, ["rev-parse", "HEAD"]), unpushed: 0, behind: false } });
    expect((await readFile({ ctx, path: "a.txt" })).text).toBe("first\n");
  });
});
