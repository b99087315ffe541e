import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFolder } from "./create-folder";
import { getStatus } from "./get-status";
import { cloneRepo, contextFor, createSeedRepo, removeTempDirs } from "./test-support/fixture-repo";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("createFolder", () => {
  it("keeps a new folder alive with an empty .gitkeep", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await createFolder({ ctx, path: "reports/2024" });
    expect(await getStatus({ ctx })).toEqual([{ path: "reports/2024/.gitkeep", kind: "new", conflict: false }]);
    expect((await ctx.overlay.get("reports/2024/.gitkeep"))?.content).toEqual(new Uint8Array(0));
  });

  it("refuses a name that is taken or a file in the way", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(createFolder({ ctx, path: "src/lib" })).rejects.toMatchObject({ code: "exists" });
    await expect(createFolder({ ctx, path: "README.md" })).rejects.toMatchObject({ code: "exists" });
    await expect(createFolder({ ctx, path: "README.md/sub" })).rejects.toMatchObject({ code: "exists" });
    await expect(createFolder({ ctx, path: "a/../b" })).rejects.toMatchObject({ code: "invalid_path" });
  });
});
