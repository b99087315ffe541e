import { describe, expect, it } from "vitest";
import { abortMerge } from "./abort-merge";
import { commitChanges } from "./commit-changes";
import { deletePath } from "./delete-path";
import { getState } from "./get-state";
import { getStatus } from "./get-status";
import { pullBranch } from "./pull-branch";
import { pushBranch } from "./push-branch";
import { readFile } from "./read-file";
import { readFileBytes } from "./read-file-bytes";
import { resolveConflict } from "./resolve-conflict";
import { BINARY, encode, git as nativeGit, put } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, openSession, pushFromNative, type Remote } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();

const TEXT = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n";
const text = async (ctx: Parameters<typeof readFile>[0]["ctx"], path: string) => (await readFile({ ctx, path })).text;
const parentsOf = (dir: string, rev: string) => nativeGit(dir, ["rev-list", "--parents", "-n", "1", rev]).split(" ").slice(1);

/** A session and a native client that changed line two of a.txt differently. */
async function conflictOnLineTwo(): Promise<{ remote: Remote; ctx: Awaited<ReturnType<typeof openSession>>; ours: string; theirs: string }> {
  const remote = createRemote(server, [{ "a.txt": TEXT, "b.txt": "b\n" }]);
  const ctx = await openSession(remote);
  await writeFile({ ctx, path: "a.txt", content: encode(TEXT.replace("two", "two (ours)")) });
  const ours = (await commitChanges({ ctx, message: "Ours" })).oid;
  const theirs = pushFromNative(remote, { "a.txt": TEXT.replace("two", "two (theirs)"), "c.txt": "c\n" });
  const result = await pullBranch({ ctx });
  expect(result).toMatchObject({ kind: "conflicts", conflicts: ["a.txt"] });
  return { remote, ctx, ours, theirs };
}

describe("pullBranch", () => {
  it("is up to date when nothing moved", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    expect(await pullBranch({ ctx })).toMatchObject({ kind: "up-to-date", state: { behind: false } });
  });

  it("fast-forwards and keeps uncommitted changes to other files", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n", "b.txt": "b\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "b.txt", content: encode("my draft\n") });
    const theirs = pushFromNative(remote, { "a.txt": "2\n", "new/c.txt": "c\n" });

    const result = await pullBranch({ ctx });

    expect(result).toMatchObject({ kind: "fast-forward", state: { head: theirs, remoteHead: theirs, behind: false, changes: 1 } });
    expect(await text(ctx, "a.txt")).toBe("2\n");
    expect(await text(ctx, "new/c.txt")).toBe("c\n");
    expect(await text(ctx, "b.txt")).toBe("my draft\n");
    expect(await getStatus({ ctx })).toEqual([{ path: "b.txt", kind: "modified", conflict: false }]);
  });

  it("refuses when uncommitted changes touch incoming files, and moves nothing", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n", "b.txt": "b\n" }]);
    const ctx = await openSession(remote);
    const head = (await getState({ ctx })).head;
    await writeFile({ ctx, path: "a.txt", content: encode("my draft\n") });
    await writeFile({ ctx, path: "b.txt", content: encode("fine\n") });
    pushFromNative(remote, { "a.txt": "2\n" });

    await expect(pullBranch({ ctx })).rejects.toMatchObject({ code: "dirty", paths: ["a.txt"], message: expect.stringContaining("Commit or discard") });

    expect(await getState({ ctx })).toMatchObject({ head, behind: true, changes: 2 });
    expect(await text(ctx, "a.txt")).toBe("my draft\n");
  });

  it("refuses a merge too when an uncommitted new file meets an incoming one", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "x.txt", content: encode("x\n") });
    await commitChanges({ ctx, message: "Mine" });
    await writeFile({ ctx, path: "notes.md", content: encode("my notes\n") });
    pushFromNative(remote, { "notes.md": "their notes\n" });
    await expect(pullBranch({ ctx })).rejects.toMatchObject({ code: "dirty", paths: ["notes.md"] });
  });

  it("merges cleanly into a two-parent commit holding both changes", async () => {
    const remote = createRemote(server, [{ "a.txt": TEXT, "b.txt": "b\n", "dir/d.txt": "d\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "a.txt", content: encode(TEXT.replace("two", "TWO")) });
    const ours = (await commitChanges({ ctx, message: "Ours" })).oid;
    await writeFile({ ctx, path: "draft.txt", content: encode("uncommitted\n") });
    const theirs = pushFromNative(remote, { "a.txt": TEXT.replace("seven", "SEVEN"), "dir/d.txt": null, "dir/e.txt": "e\n" });

    const result = await pullBranch({ ctx });

    expect(result).toMatchObject({ kind: "merged", state: { unpushed: 2, behind: false, changes: 1, merging: null } });
    const head = result.state.head as string;
    expect(parentsOf(ctx.dir, head)).toEqual([ours, theirs]);
    expect(nativeGit(ctx.dir, ["show", `${head}:a.txt`]) + "\n").toBe(TEXT.replace("two", "TWO").replace("seven", "SEVEN"));
    expect(nativeGit(ctx.dir, ["ls-tree", "-r", "--name-only", head]).split("\n")).toEqual(["a.txt", "b.txt", "dir/e.txt"]);
    expect(nativeGit(ctx.dir, ["log", "-1", "--format=%an <%ae>", head])).toBe("Ada Tester <ada@example.com>");

    await pushBranch({ ctx });
    expect(bareGit(remote, ["rev-parse", "main"])).toBe(head);
    expect(bareGit(remote, ["fsck", "--no-progress"])).toBe("");
  });

  it("stops on a conflict with markers in the overlay; taking theirs, committing and pushing finishes it", async () => {
    const { remote, ctx, ours, theirs } = await conflictOnLineTwo();

    const state = await getState({ ctx });
    expect(state).toMatchObject({ head: ours, merging: { theirs, conflicts: ["a.txt"] }, changes: 1 });
    expect(nativeGit(ctx.dir, ["rev-parse", "refs/heads/main"])).toBe(ours); // the branch did not move
    const marked = await text(ctx, "a.txt");
    expect(marked).toBe("one\n<<<<<<< yours (main)\ntwo (ours)\n=======\ntwo (theirs)\n>>>>>>> theirs (origin/main)\nthree\nfour\nfive\nsix\nseven\neight\n");
    expect(await text(ctx, "c.txt")).toBe("c\n"); // their clean changes are in the working tree
    expect(await getStatus({ ctx })).toEqual([{ path: "a.txt", kind: "modified", conflict: true }]);
    await expect(pushBranch({ ctx })).rejects.toMatchObject({ code: "merging" });
    await expect(pullBranch({ ctx })).rejects.toMatchObject({ code: "merging" });
    await expect(commitChanges({ ctx, message: "Too early" })).rejects.toMatchObject({ code: "conflict" });

    await resolveConflict({ ctx, path: "a.txt", take: "theirs" });
    expect(await text(ctx, "a.txt")).toBe(TEXT.replace("two", "two (theirs)"));
    expect((await getState({ ctx })).merging).toEqual({ theirs, conflicts: [], notebooks: [] });

    const merge = await commitChanges({ ctx, message: "Merge origin/main" });
    expect(merge.parents).toEqual([ours, theirs]);
    expect(await getState({ ctx })).toMatchObject({ merging: null, changes: 0, unpushed: 2 });
    await pushBranch({ ctx });
    expect(bareGit(remote, ["rev-parse", "main"])).toBe(merge.oid);
    expect(bareGit(remote, ["show", "main:a.txt"]) + "\n").toBe(TEXT.replace("two", "two (theirs)"));
    expect(bareGit(remote, ["show", "main:c.txt"])).toBe("c");
  });

  it("resolves by keeping ours", async () => {
    const { remote, ctx, ours, theirs } = await conflictOnLineTwo();
    await resolveConflict({ ctx, path: "a.txt", take: "ours" });
    expect(await text(ctx, "a.txt")).toBe(TEXT.replace("two", "two (ours)"));
    const merge = await commitChanges({ ctx, message: "Merge" });
    expect(merge.parents).toEqual([ours, theirs]);
    await pushBranch({ ctx });
    expect(bareGit(remote, ["show", "main:a.txt"]) + "\n").toBe(TEXT.replace("two", "two (ours)"));
    expect(bareGit(remote, ["show", "main:c.txt"])).toBe("c");
  });

  it("resolves with the edited text, refusing while markers remain", async () => {
    const { remote, ctx, ours, theirs } = await conflictOnLineTwo();
    await expect(resolveConflict({ ctx, path: "a.txt", take: "edited" })).rejects.toMatchObject({ code: "conflict", paths: ["a.txt"] });

    const edited = TEXT.replace("two", "two (both)");
    await writeFile({ ctx, path: "a.txt", content: encode(edited) });
    await resolveConflict({ ctx, path: "a.txt", take: "edited" });
    expect(await getStatus({ ctx })).toEqual([{ path: "a.txt", kind: "modified", conflict: false }]);

    const merge = await commitChanges({ ctx, message: "Merge" });
    expect(merge.parents).toEqual([ours, theirs]);
    await pushBranch({ ctx });
    expect(bareGit(remote, ["show", "main:a.txt"]) + "\n").toBe(edited);
    expect(nativeGit(remote.native, ["pull", "--quiet", "--no-rebase", "origin", "main"])).toBe("");
    expect(nativeGit(remote.native, ["log", "--format=%s", "-3"]).split("\n")).toEqual(["Merge", "Ours", "Native change"]);
  });

  it("refuses to resolve without a merge or on a path that had no conflict", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await expect(resolveConflict({ ctx, path: "a.txt", take: "ours" })).rejects.toMatchObject({ code: "invalid" });
    const conflicted = await conflictOnLineTwo();
    await expect(resolveConflict({ ctx: conflicted.ctx, path: "b.txt", take: "ours" })).rejects.toMatchObject({ code: "invalid", paths: ["b.txt"] });
  });

  it("aborts a merge back to HEAD, keeping nothing the merge made", async () => {
    const { ctx, ours } = await conflictOnLineTwo();
    await writeFile({ ctx, path: "a.txt", content: encode("half done\n") });

    const state = await abortMerge({ ctx });

    expect(state).toMatchObject({ head: ours, merging: null, changes: 0, behind: true, unpushed: 1 });
    expect(await text(ctx, "a.txt")).toBe(TEXT.replace("two", "two (ours)"));
    await expect(readFile({ ctx, path: "c.txt" })).rejects.toMatchObject({ code: "not_found" });
    expect(await pullBranch({ ctx })).toMatchObject({ kind: "conflicts", conflicts: ["a.txt"] });
  });

  it("keeps unrelated uncommitted work through a conflicted merge and its abort", async () => {
    const remote = createRemote(server, [{ "a.txt": TEXT, "b.txt": "b\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "a.txt", content: encode(TEXT.replace("two", "two (ours)")) });
    await commitChanges({ ctx, message: "Ours" });
    await writeFile({ ctx, path: "b.txt", content: encode("my draft\n") });
    pushFromNative(remote, { "a.txt": TEXT.replace("two", "two (theirs)") });

    expect(await pullBranch({ ctx })).toMatchObject({ kind: "conflicts", conflicts: ["a.txt"], state: { changes: 2 } });
    expect(await text(ctx, "b.txt")).toBe("my draft\n");
    await abortMerge({ ctx });
    expect(await getStatus({ ctx })).toEqual([{ path: "b.txt", kind: "modified", conflict: false }]);
    expect(await text(ctx, "b.txt")).toBe("my draft\n");
  });

  it("keeps the changed side of a file deleted on the other, with a note, flagged", async () => {
    const remote = createRemote(server, [{ "a.txt": TEXT, "b.txt": "b\n" }]);
    const ctx = await openSession(remote);
    await deletePath({ ctx, path: "a.txt" });
    const ours = (await commitChanges({ ctx, message: "Delete a" })).oid;
    const theirs = pushFromNative(remote, { "a.txt": TEXT.replace("one", "ONE") });

    expect(await pullBranch({ ctx })).toMatchObject({ kind: "conflicts", conflicts: ["a.txt"] });
    const marked = await text(ctx, "a.txt");
    expect(marked).toContain("<<<<<<< yours (main): you deleted this file\n=======\nONE\n");
    expect(marked).toContain(">>>>>>> theirs (origin/main): they changed this file\n");

    await resolveConflict({ ctx, path: "a.txt", take: "ours" }); // ours is the deletion
    await expect(readFile({ ctx, path: "a.txt" })).rejects.toMatchObject({ code: "not_found" });
    const merge = await commitChanges({ ctx, message: "Merge, a.txt stays deleted" });
    expect(merge.parents).toEqual([ours, theirs]);
    expect(nativeGit(ctx.dir, ["ls-tree", "--name-only", merge.oid])).toBe("b.txt");
  });

  it("keeps our version of a binary file both sides changed, flagged, and can take theirs", async () => {
    const remote = createRemote(server, [{ "a.txt": "a\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "img.bin", content: Uint8Array.from([...BINARY, 1]) });
    await commitChanges({ ctx, message: "Ours" });
    put(remote.native, "img.bin", Uint8Array.from([...BINARY, 2]));
    pushFromNative(remote, {}, "Theirs");

    expect(await pullBranch({ ctx })).toMatchObject({ kind: "conflicts", conflicts: ["img.bin"] });
    expect(Array.from(await readFileBytes({ ctx, path: "img.bin" }))).toEqual([...BINARY, 1]);
    await resolveConflict({ ctx, path: "img.bin", take: "theirs" });
    expect(Array.from(await readFileBytes({ ctx, path: "img.bin" }))).toEqual([...BINARY, 2]);
    const merge = await commitChanges({ ctx, message: "Merge" });
    expect(merge.parents).toHaveLength(2);
  });
});
