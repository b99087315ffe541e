import { describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { countUnpushed } from "./count-unpushed";
import { createBranch } from "./create-branch";
import { fetchRemote } from "./fetch-remote";
import { compareCommits } from "./compare-commits";
import { pullBranch } from "./pull-branch";
import { switchBranch } from "./switch-branch";
import { encode, git as nativeGit } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { createRemote, openSession, pushFromNative } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();

const commit = async (ctx: Parameters<typeof countUnpushed>[0]["ctx"], path: string, text: string) => {
  await writeFile({ ctx, path, content: encode(text) });
  return (await commitChanges({ ctx, message: `Change ${path}` })).oid;
};

describe("countUnpushed", () => {
  it("counts what HEAD has and origin lacks, through merges, and agrees with native git", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }, { "a.txt": "2\n" }]);
    const ctx = await openSession(remote, 10);
    expect(await countUnpushed({ ctx })).toBe(0);
    await commit(ctx, "x.txt", "x\n");
    await commit(ctx, "y.txt", "y\n");
    pushFromNative(remote, { "b.txt": "b\n" });
    pushFromNative(remote, { "c.txt": "c\n" });
    expect((await fetchRemote({ ctx })).unpushed).toBe(2);

    const result = await pullBranch({ ctx });
    expect(result.kind).toBe("merged");
    expect(await countUnpushed({ ctx })).toBe(3);
    expect(String(await countUnpushed({ ctx }))).toBe(nativeGit(ctx.dir, ["rev-list", "--count", "origin/main..HEAD"]));
    // The merge and their two commits are not in our side's last commit (HEAD^1).
    const both = await compareCommits({ ctx, ours: result.state.head, theirs: [nativeGit(ctx.dir, ["rev-parse", "HEAD^1"])] });
    expect(both).toMatchObject({ ahead: 3, behind: 0, complete: true });
    expect(nativeGit(ctx.dir, ["rev-list", "--count", "HEAD^1..HEAD"])).toBe("3");
  });

  it("counts a branch never pushed from its fork off the remote's branches", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await commit(ctx, "x.txt", "x\n");
    await createBranch({ ctx, name: "topic" });
    await switchBranch({ ctx, name: "topic" });
    await commit(ctx, "t.txt", "t\n");
    await commit(ctx, "u.txt", "u\n");
    expect(await countUnpushed({ ctx })).toBe(3);
  });

  it("stops at the limit", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    for (let i = 0; i < 5; i++) await commit(ctx, "a.txt", `${i}\n`);
    const head = nativeGit(ctx.dir, ["rev-parse", "HEAD"]);
    const origin = nativeGit(ctx.dir, ["rev-parse", "origin/main"]);
    expect(await compareCommits({ ctx, ours: head, theirs: [origin], limit: 2 })).toMatchObject({ complete: false });
    const ahead = await compareCommits({ ctx, ours: head, theirs: [origin] });
    expect(ahead).toMatchObject({ ahead: 5, behind: 0, complete: true });
    expect(ahead.aheadCommits.sort()).toEqual(nativeGit(ctx.dir, ["rev-list", "origin/main..HEAD"]).split("\n").sort());
    expect(await compareCommits({ ctx, ours: origin, theirs: [head] })).toMatchObject({ ahead: 0, behind: 5, complete: true });
  });
});
