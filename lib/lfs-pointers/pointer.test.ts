import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatLfsPointer, parseLfsPointer } from "./pointer";

const OID = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";

describe("LFS pointers", () => {
  it("reads the pointer git lfs itself writes, and writes it byte for byte", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lfs-pointer-"));
    try {
      fs.writeFileSync(path.join(dir, "data.bin"), "12345");
      const written = execFileSync("git", ["lfs", "pointer", "--file=data.bin"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] }).toString("utf8");
      const object = parseLfsPointer(written);
      expect(object).toEqual({ oid: "5994471abb01112afcc18159f6cc74b4f511b99806da59b3caf5a9c173cacfc5", size: 5 });
      expect(formatLfsPointer(object!)).toBe(written);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads extra keys in order, bytes as well as text", () => {
    const text = `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${"a".repeat(64)}\noid sha256:${OID}\nsize 12345\n`;
    expect(parseLfsPointer(new TextEncoder().encode(text))).toEqual({ oid: OID, size: 12345 });
  });

  it("refuses what is not a pointer: other files, a wrong version, a bad oid or size, keys out of order, a missing newline, too long", () => {
    const good = formatLfsPointer({ oid: OID, size: 1 });
    for (const text of [
      "hello\n",
      good.replace("spec/v1", "spec/v2"),
      good.replace(`sha256:${OID}`, `sha256:${OID.toUpperCase()}`),
      good.replace(`sha256:${OID}`, `md5:${OID}`),
      good.replace("size 1", "size -1"),
      good.replace("size 1", "size 01"),
      good.replace("size 1", "size 99999999999999999999"),
      `version https://git-lfs.github.com/spec/v1\nsize 1\noid sha256:${OID}\n`,
      good.slice(0, -1),
      good + "x".repeat(1024),
    ]) {
      expect(parseLfsPointer(text), text).toBeNull();
    }
  });
});
