import nodeFs from "node:fs";
import { describe, expect, it } from "vitest";
import { cloneRepository } from "./clone-repository";
import { commitChanges } from "./commit-changes";
import { getState } from "./get-state";
import { isCloned } from "./is-cloned";
import { pushBranch } from "./push-branch";
import { resetLocalCopy } from "./reset-local-copy";
import { encode } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { createRemote, openSession } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();

describe("resetLocalCopy", () => {
  it("refuses while work would be lost, and deletes everything with force", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "a.txt", content: encode("2\n") });
    await commitChanges({ ctx, message: "Unpushed" });
    await expect(resetLocalCopy({ ctx })).rejects.toMatchObject({ code: "unpushed", message: expect.stringContaining("1 commit is not on the server") });

    await pushBranch({ ctx });
    await writeFile({ ctx, path: "a.txt", content: encode("3\n") });
    await expect(resetLocalCopy({ ctx })).rejects.toMatchObject({ code: "dirty" });
    expect(await getState({ ctx })).toMatchObject({ cloned: true, changes: 1 });

    await resetLocalCopy({ ctx, force: true });

    expect(nodeFs.existsSync(ctx.dir)).toBe(false);
    expect(await ctx.overlay.list()).toEqual([]);
    expect(await isCloned({ ctx })).toBe(false);
    expect(await getState({ ctx })).toMatchObject({ cloned: false, head: null, changes: 0 });
    expect(Reflect.ownKeys(ctx.cache)).toEqual([]);

    const state = await cloneRepository({ ctx });
    expect(state).toMatchObject({ cloned: true, unpushed: 0, changes: 0 });
  });

  it("resets a clean copy without force", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await resetLocalCopy({ ctx });
    expect(nodeFs.existsSync(ctx.gitdir)).toBe(false);
  });
});
