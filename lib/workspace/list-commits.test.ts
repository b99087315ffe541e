import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCommits } from "./list-commits";
import { cloneRepo, contextFor, createSeedRepo, git, removeTempDirs, tempDir } from "./test-support/fixture-repo";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("listCommits", () => {
  it("lists the branch's commits newest first, up to the limit", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const all = await listCommits({ ctx, limit: 10 });
    expect(all.map((c) => c.oid)).toEqual(git(dir, ["rev-list", "HEAD"]).split("\n"));
    expect(all.map((c) => c.message)).toEqual(["Tidy notes\n\nMove extra up.\n", "Update app\n", "Add project\n"]);
    expect(all[0]).toMatchObject({ author: { name: "Native Tester", email: "native@example.com" }, parents: [all[1]!.oid] });
    expect(all[2]!.parents).toEqual([]);
    expect(await listCommits({ ctx, limit: 2 })).toHaveLength(2);
  });

  it("ends where a shallow copy's history ends", async () => {
    const ctx = contextFor(cloneRepo(`file://${seed}`, ["--depth", "2"]));
    expect((await listCommits({ ctx, limit: 10 })).map((c) => c.message)).toEqual(["Tidy notes\n\nMove extra up.\n", "Update app\n"]);
  });

  it("is empty on a branch without commits, and refuses a bad limit", async () => {
    const dir = tempDir("empty");
    git(dir, ["init", "--quiet", "--initial-branch=main"]);
    const ctx = contextFor(dir);
    expect(await listCommits({ ctx, limit: 5 })).toEqual([]);
    await expect(listCommits({ ctx, limit: 0 })).rejects.toMatchObject({ code: "invalid" });
  });
});
