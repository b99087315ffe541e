import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { removeUploadLeftovers, uploadsDir, withWorkArea } from "./work-area";

describe("the upload work area", () => {
  it("is removed after the work, whether it succeeded or failed", async () => {
    let seen = "";
    await withWorkArea(async (area) => {
      seen = area.dir;
      fs.mkdirSync(area.tree);
      fs.writeFileSync(path.join(area.tree, "file"), "x");
    });
    expect(fs.existsSync(seen)).toBe(false);
    await expect(
      withWorkArea(async (area) => {
        seen = area.dir;
        fs.writeFileSync(area.archive, "x");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(fs.existsSync(seen)).toBe(false);
  });

  it("left by a stopped server is removed at start", async () => {
    fs.mkdirSync(path.join(uploadsDir(), "abandoned", "tree"), { recursive: true });
    fs.writeFileSync(path.join(uploadsDir(), "abandoned", "archive"), "half an upload");
    expect(await removeUploadLeftovers()).toBe(1);
    expect(fs.existsSync(uploadsDir())).toBe(false);
    expect(await removeUploadLeftovers()).toBe(0);
  });
});
