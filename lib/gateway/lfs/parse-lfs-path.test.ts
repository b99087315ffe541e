import { describe, expect, it } from "vitest";
import { lfsBasePath, parseLfsPath } from "./parse-lfs-path";

const LFS = "application/vnd.git-lfs+json; charset=utf-8";
const post = (pathname: string, contentType: string | null = LFS, search = "") => parseLfsPath({ pathname, search, method: "POST", contentType });
const get = (pathname: string, search = "") => parseLfsPath({ pathname, search, method: "GET", contentType: null });

describe("parseLfsPath", () => {
  it("reads the batch API where git-lfs looks for it (with or without .git)", () => {
    expect(post("/proxy/github.com/acme/models.git/info/lfs/objects/batch")).toEqual({
      hostname: "github.com",
      port: null,
      repoPath: "/acme/models.git",
      endpoint: "batch",
      writesLocks: false,
      upstreamSuffix: "objects/batch",
    });
    expect(post("/proxy/GitLab.example:8443/group/sub/project/info/lfs/objects/batch")).toMatchObject({ hostname: "gitlab.example", port: "8443", repoPath: "/group/sub/project" });
  });

  it("reads the locks API: listing reads, the rest writes", () => {
    expect(get("/proxy/h.example/a/b.git/info/lfs/locks", "?path=data%2Fx.psd&limit=10&junk")).toBeNull();
    expect(get("/proxy/h.example/a/b.git/info/lfs/locks", "?path=data%2Fx.psd&limit=10")).toMatchObject({ endpoint: "locks", writesLocks: false, upstreamSuffix: "locks?path=data%2Fx.psd&limit=10" });
    expect(get("/proxy/h.example/a/b.git/info/lfs/locks")).toMatchObject({ upstreamSuffix: "locks" });
    expect(post("/proxy/h.example/a/b.git/info/lfs/locks")).toMatchObject({ writesLocks: true, upstreamSuffix: "locks" });
    expect(post("/proxy/h.example/a/b.git/info/lfs/locks/verify")).toMatchObject({ writesLocks: true, upstreamSuffix: "locks/verify" });
    expect(post("/proxy/h.example/a/b.git/info/lfs/locks/42/unlock")).toMatchObject({ writesLocks: true, upstreamSuffix: "locks/42/unlock" });
  });

  it("refuses other methods, content types, paths and query strings", () => {
    expect(get("/proxy/h.example/a/b.git/info/lfs/objects/batch")).toBeNull();
    expect(post("/proxy/h.example/a/b.git/info/lfs/objects/batch", "application/json")).toBeNull();
    expect(post("/proxy/h.example/a/b.git/info/lfs/objects/batch", "text/plain")).toBeNull();
    expect(post("/proxy/h.example/a/b.git/info/lfs/objects/batch", LFS, "?x=1")).toBeNull();
    expect(post("/proxy/h.example/a/b.git/info/lfs/objects/a1b2")).toBeNull();
    expect(post("/proxy/h.example/info/lfs/objects/batch")).toBeNull();
    expect(post("/proxy/h.example/a.git/b.git/info/lfs/objects/batch")).toBeNull();
    expect(post("/proxy/h.example/a/../b.git/info/lfs/objects/batch")).toBeNull();
    expect(post("/proxy/h.example/a/b.git/info/lfs/locks/%2e%2e/unlock")).toBeNull();
    expect(post("/proxy/h.example/a/b.git/info/lfs/locks/1/2/unlock")).toBeNull();
    expect(parseLfsPath({ pathname: "/proxy/h.example/a/b.git/info/lfs/objects/batch", search: "", method: "PUT", contentType: LFS })).toBeNull();
    expect(post("/proxy/user@h.example/a/b.git/info/lfs/objects/batch")).toBeNull();
  });
});

describe("lfsBasePath", () => {
  it("adds .git when the git URL has none, as git-lfs does", () => {
    expect(lfsBasePath(new URL("https://github.com/acme/models.git"))).toBe("/acme/models.git/info/lfs");
    expect(lfsBasePath(new URL("https://github.com/acme/models"))).toBe("/acme/models.git/info/lfs");
    expect(lfsBasePath(new URL("https://gitlab.example/group/sub/project/"))).toBe("/group/sub/project.git/info/lfs");
  });
});
