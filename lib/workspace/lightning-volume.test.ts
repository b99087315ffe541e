// The network operations on the storage a browser session really uses:
// lightning-fs and the IndexedDB overlay (over fake-indexeddb), no recursive
// rmdir, no checkout.
import "fake-indexeddb/auto";
import LightningFS from "@isomorphic-git/lightning-fs";
import http from "isomorphic-git/http/node";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cloneRepository } from "./clone-repository";
import { commitChanges } from "./commit-changes";
import type { WorkspaceContext } from "./context";
import { getState } from "./get-state";
import { openIdbOverlay } from "./overlay/idb-overlay";
import { pullBranch } from "./pull-branch";
import { pushBranch } from "./push-branch";
import { readFile } from "./read-file";
import { resetLocalCopy } from "./reset-local-copy";
import { resolveConflict } from "./resolve-conflict";
import { AUTHOR, encode } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, pushFromNative } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();
beforeAll(() => {
  // lightning-fs looks for navigator.locks; Node 20 has no navigator (it then locks through IndexedDB).
  if (typeof navigator === "undefined") vi.stubGlobal("navigator", {});
});

describe("on a lightning-fs volume", () => {
  it("clones, merges a conflict, pushes and resets", async () => {
    const remote = createRemote(server, [{ "a.txt": "one\ntwo\nthree\n", "src/b.txt": "b\n" }]);
    const fs = new LightningFS("benchtop-test-volume", { wipe: true });
    const ctx: WorkspaceContext = {
      fs: fs as unknown as WorkspaceContext["fs"],
      dir: "/repo",
      gitdir: "/repo/.git",
      cache: {},
      overlay: await openIdbOverlay({ name: "benchtop-test-volume-overlay" }),
      http,
      url: remote.url,
      author: AUTHOR,
    };

    expect(await cloneRepository({ ctx })).toMatchObject({ cloned: true, branch: "main", shallow: true });
    expect(await fs.promises.readdir("/repo")).toEqual([".git"]);

    await writeFile({ ctx, path: "a.txt", content: encode("one\nTWO\nthree\n") });
    const ours = (await commitChanges({ ctx, message: "Ours" })).oid;
    const theirs = pushFromNative(remote, { "a.txt": "one\n2\nthree\n", "src/c.txt": "c\n" });
    expect(await pullBranch({ ctx })).toMatchObject({ kind: "conflicts", conflicts: ["a.txt"] });
    expect((await readFile({ ctx, path: "a.txt" })).text).toContain("<<<<<<< yours (main)\nTWO\n=======\n2\n>>>>>>> theirs (origin/main)\n");
    await resolveConflict({ ctx, path: "a.txt", take: "ours" });
    const merge = await commitChanges({ ctx, message: "Merge" });
    expect(merge.parents).toEqual([ours, theirs]);
    expect(await pushBranch({ ctx })).toMatchObject({ unpushed: 0, remoteHead: merge.oid });
    expect(bareGit(remote, ["show", "main:src/c.txt"])).toBe("c");

    await resetLocalCopy({ ctx });
    expect(await fs.promises.readdir("/")).toEqual([]);
    expect(await getState({ ctx })).toMatchObject({ cloned: false });
    expect(await cloneRepository({ ctx })).toMatchObject({ cloned: true, head: merge.oid });
  });
});
