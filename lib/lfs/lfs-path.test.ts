import { describe, expect, it } from "vitest";
import { isLfsPath, parseLfsPath } from "./lfs-path";

const OID = "a".repeat(64);
const at = (method: string, ...rest: string[]) => parseLfsPath({ segments: ["ana", "forecast.git", "info", "lfs", ...rest], method });

describe("LFS paths under /git/", () => {
  it("tells LFS requests from git's own", () => {
    expect(isLfsPath(["ana", "forecast.git", "info", "lfs", "objects", "batch"])).toBe(true);
    expect(isLfsPath(["ana", "forecast.git", "info", "refs"])).toBe(false);
    expect(isLfsPath(["ana", "forecast.git", "git-upload-pack"])).toBe(false);
  });

  it("reads the project and each endpoint of the batch, transfer and locks APIs", () => {
    expect(at("POST", "objects", "batch")).toEqual({ handle: "ana", projectName: "forecast", route: { kind: "batch" } });
    expect(at("GET", "objects", OID)?.route).toEqual({ kind: "download", oid: OID });
    expect(at("PUT", "objects", OID)?.route).toEqual({ kind: "upload", oid: OID });
    expect(at("POST", "objects", "verify")?.route).toEqual({ kind: "verify" });
    expect(at("GET", "locks")?.route).toEqual({ kind: "list-locks" });
    expect(at("POST", "locks")?.route).toEqual({ kind: "create-lock" });
    expect(at("POST", "locks", "verify")?.route).toEqual({ kind: "verify-locks" });
    expect(at("POST", "locks", "abc123", "unlock")?.route).toEqual({ kind: "unlock", id: "abc123" });
  });

  it("answers no route for a wrong method, an id that is not a SHA-256, or anything more", () => {
    expect(at("GET", "objects", "batch")?.route).toBeUndefined();
    expect(at("POST", "objects", OID)?.route).toBeUndefined();
    expect(at("GET", "objects", OID.toUpperCase())?.route).toBeUndefined();
    expect(at("GET", "objects", "a".repeat(63))?.route).toBeUndefined();
    expect(at("GET", "objects", "..", "..", "etc")?.route).toBeUndefined();
    expect(at("PUT", "locks")?.route).toBeUndefined();
    expect(at("POST", "locks", "../x", "unlock")?.route).toBeUndefined();
    expect(at("GET", "objects", OID, "extra")?.route).toBeUndefined();
  });

  it("names no project for odd handles or names", () => {
    expect(parseLfsPath({ segments: ["..", "x.git", "info", "lfs", "objects", "batch"], method: "POST" })).toBeUndefined();
    expect(parseLfsPath({ segments: ["ana", "a b.git", "info", "lfs", "objects", "batch"], method: "POST" })).toBeUndefined();
  });
});
