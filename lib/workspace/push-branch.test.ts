import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { countUnpushed } from "./count-unpushed";
import { createBranch } from "./create-branch";
import { fetchRemote } from "./fetch-remote";
import { getState } from "./get-state";
import { pushBranch } from "./push-branch";
import { switchBranch } from "./switch-branch";
import { encode, git as nativeGit } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, openSession, pushFromNative } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();

describe("fetchRemote", () => {
  it("sees the remote move without touching the branch or the changes", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    const head = (await getState({ ctx })).head;
    await writeFile({ ctx, path: "b.txt", content: encode("mine\n") });

    const theirs = pushFromNative(remote, { "a.txt": "2\n" });
    const state = await fetchRemote({ ctx });

    expect(state).toMatchObject({ head, remoteHead: theirs, behind: true, unpushed: 0, changes: 1, shallow: true });
    expect(nativeGit(ctx.dir, ["rev-parse", "refs/heads/main"])).toBe(head);
  });

  it("is quiet about a branch the remote does not have", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await createBranch({ ctx, name: "local-only" });
    await switchBranch({ ctx, name: "local-only" });
    const state = await fetchRemote({ ctx });
    expect(state).toMatchObject({ branch: "local-only", remoteHead: null, behind: false, unpushed: 0 });
  });
});

describe("pushBranch", () => {
  it("says a protected branch refused the push, in the host's words, and keeps the commit", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const before = bareGit(remote, ["rev-parse", "main"]);
    // GitHub's refusal, as its pre-receive hook prints it.
    const hook = path.join(remote.bare, "hooks", "pre-receive");
    fs.writeFileSync(hook, "#!/bin/sh\necho 'error: GH006: Protected branch update failed for refs/heads/main.' >&2\necho 'error: Changes must be made through a pull request.' >&2\nexit 1\n", { mode: 0o755 });
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "a.txt", content: encode("2\n") });
    const mine = await commitChanges({ ctx, message: "Mine" });

    const error = await pushBranch({ ctx }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: "forbidden" });
    expect((error as Error).message).toMatch(/branch is protected/);
    expect((error as Error).message).toMatch(/GH006: Protected branch update failed for refs\/heads\/main/);
    expect(bareGit(remote, ["rev-parse", "main"])).toBe(before);
    expect((await getState({ ctx })).head).toBe(mine.oid);
    expect(await countUnpushed({ ctx })).toBe(1);
  });

  it("pushes local commits; the server has them and origin/main is HEAD", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "a.txt", content: encode("2\n") });
    await commitChanges({ ctx, message: "Second" });
    await writeFile({ ctx, path: "dir/b.txt", content: encode("b\n") });
    const last = await commitChanges({ ctx, message: "Third" });
    expect(await countUnpushed({ ctx })).toBe(2);

    const state = await pushBranch({ ctx });

    expect(state).toMatchObject({ head: last.oid, remoteHead: last.oid, unpushed: 0, behind: false });
    expect(bareGit(remote, ["rev-parse", "main"])).toBe(last.oid);
    expect(bareGit(remote, ["show", "main:dir/b.txt"])).toBe("b");
    expect(bareGit(remote, ["fsck", "--no-progress"])).toBe("");
  });

  it("is rejected when someone pushed first, and keeps the local commits", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "mine.txt", content: encode("mine\n") });
    const mine = await commitChanges({ ctx, message: "Mine" });
    await writeFile({ ctx, path: "draft.txt", content: encode("not committed\n") });
    const theirs = pushFromNative(remote, { "theirs.txt": "theirs\n" });

    await expect(pushBranch({ ctx })).rejects.toMatchObject({ code: "push_rejected", message: expect.stringContaining("Pull") });

    expect(bareGit(remote, ["rev-parse", "main"])).toBe(theirs);
    expect(await getState({ ctx })).toMatchObject({ head: mine.oid, unpushed: 1, changes: 1 });
  });

  it("maps a viewer's refused push to forbidden and keeps the commit", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "a.txt", content: encode("2\n") });
    const mine = await commitChanges({ ctx, message: "Mine" });
    server.setReadOnly(remote.name, true);

    await expect(pushBranch({ ctx })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("editor role") });
    expect(await getState({ ctx })).toMatchObject({ head: mine.oid, unpushed: 1 });
  });

  it("pushes a new branch, sets its upstream and counts commits since the fork before that", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await createBranch({ ctx, name: "feature" });
    await switchBranch({ ctx, name: "feature" });
    await writeFile({ ctx, path: "f.txt", content: encode("f\n") });
    const commit = await commitChanges({ ctx, message: "Feature" });
    expect(await getState({ ctx })).toMatchObject({ branch: "feature", remoteHead: null, unpushed: 1 });

    const state = await pushBranch({ ctx });

    expect(state).toMatchObject({ branch: "feature", remoteHead: commit.oid, unpushed: 0 });
    expect(bareGit(remote, ["rev-parse", "feature"])).toBe(commit.oid);
    expect(nativeGit(ctx.dir, ["config", "branch.feature.merge"])).toBe("refs/heads/feature");
  });

  it("does not talk to the server when there is nothing to push", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    server.setReadOnly(remote.name, true);
    await expect(pushBranch({ ctx })).resolves.toMatchObject({ unpushed: 0 });
  });
});
