import { describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { createBranch } from "./create-branch";
import { deepenHistory } from "./deepen-history";
import { getState } from "./get-state";
import { listCommits } from "./list-commits";
import { pullBranch } from "./pull-branch";
import { switchBranch } from "./switch-branch";
import { encode, git as nativeGit } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, nativeCommit, openSession } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();

describe("deepenHistory", () => {
  it("fetches the whole history of a shallow copy", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }, { "a.txt": "2\n" }, { "b.txt": "b\n" }, { "a.txt": "4\n" }, { "c.txt": "c\n" }]);
    const ctx = await openSession(remote);
    expect(await listCommits({ ctx, limit: 10 })).toHaveLength(1);

    const state = await deepenHistory({ ctx });

    expect(state).toMatchObject({ shallow: false, unpushed: 0, behind: false });
    const log = await listCommits({ ctx, limit: 10 });
    expect(log.map((c) => c.message.trim())).toEqual(["Commit 5", "Commit 4", "Commit 3", "Commit 2", "Commit 1"]);
    expect(log.map((c) => c.oid)).toEqual(bareGit(remote, ["rev-list", "main"]).split("\n"));
    expect(nativeGit(ctx.dir, ["fsck", "--no-progress"])).toBe("");
  });

  it("deepens the remote's default branch under a branch never pushed", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }, { "a.txt": "2\n" }, { "a.txt": "3\n" }]);
    const ctx = await openSession(remote);
    await createBranch({ ctx, name: "topic" });
    await switchBranch({ ctx, name: "topic" });
    expect(await deepenHistory({ ctx })).toMatchObject({ branch: "topic", shallow: false });
    expect(await listCommits({ ctx, limit: 10 })).toHaveLength(3);
  });

  it("is fetched on demand when a pull's merge base lies beyond the shallow edge", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n", "b.txt": "b\n" }, { "a.txt": "2\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "mine.txt", content: encode("mine\n") });
    const ours = (await commitChanges({ ctx, message: "Mine" })).oid;
    // The remote's last commit is rewritten: the common ancestor is now the first commit.
    nativeGit(remote.native, ["reset", "--quiet", "--hard", "HEAD~1"]);
    const theirs = nativeCommit(remote.native, { "b.txt": "B\n" }, "Rewritten");
    nativeGit(remote.native, ["push", "--quiet", "--force", "origin", "main"]);

    const result = await pullBranch({ ctx });

    expect(result).toMatchObject({ kind: "merged", state: { shallow: false } });
    expect(nativeGit(ctx.dir, ["rev-list", "--parents", "-n", "1", "HEAD"]).split(" ").slice(1)).toEqual([ours, theirs]);
    expect((await getState({ ctx })).unpushed).toBe(3); // the rewritten-away commit, ours, the merge
  });
});
