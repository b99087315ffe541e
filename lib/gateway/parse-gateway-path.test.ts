import { describe, expect, it } from "vitest";
import { parseAuthority, parseGatewayPath } from "./parse-gateway-path";

const get = (path: string) => {
  const [pathname, search = ""] = path.split("?");
  return parseGatewayPath({ pathname: pathname!, search: search ? `?${search}` : "", method: "GET", contentType: null });
};
const post = (pathname: string, contentType: string | null) => parseGatewayPath({ pathname, search: "", method: "POST", contentType });

describe("parseGatewayPath", () => {
  it("reads the ref advertisement as isomorphic-git's corsProxy asks for it", () => {
    expect(get("/proxy/github.com/acme/models.git/info/refs?service=git-upload-pack")).toEqual({
      hostname: "github.com",
      port: null,
      repoPath: "/acme/models.git",
      endpoint: "advertise",
      service: "git-upload-pack",
      upstreamSuffix: "info/refs?service=git-upload-pack",
    });
  });

  it("reads host with port, nested groups and a missing .git", () => {
    const parsed = get("/proxy/GitLab.Example.com:8443/group/sub/project/info/refs?service=git-receive-pack");
    expect(parsed).toMatchObject({ hostname: "gitlab.example.com", port: "8443", repoPath: "/group/sub/project", service: "git-receive-pack" });
  });

  it("accepts POSTs only with the service's content type", () => {
    expect(post("/proxy/h.example/a/b.git/git-upload-pack", "application/x-git-upload-pack-request")).toMatchObject({ endpoint: "rpc", service: "git-upload-pack", upstreamSuffix: "git-upload-pack" });
    expect(post("/proxy/h.example/a/b.git/git-receive-pack", "application/x-git-receive-pack-request; charset=x")).toMatchObject({ service: "git-receive-pack" });
    expect(post("/proxy/h.example/a/b.git/git-receive-pack", "application/x-git-upload-pack-request")).toBeNull();
    expect(post("/proxy/h.example/a/b.git/git-upload-pack", null)).toBeNull();
    expect(post("/proxy/h.example/a/b.git/info/refs", "application/x-git-upload-pack-request")).toBeNull();
  });

  it("refuses everything that is not git smart HTTP", () => {
    for (const path of [
      "/proxy/h.example/a/b.git/info/refs",
      "/proxy/h.example/a/b.git/info/refs?service=git-upload-archive",
      "/proxy/h.example/a/b.git/info/refs?service=git-upload-pack&x=1",
      "/proxy/h.example/a/b.git/HEAD",
      "/proxy/h.example/a/b.git/objects/info/packs",
      "/proxy/h.example/api/v3/user",
      "/proxy/h.example/info/refs?service=git-upload-pack",
      "/proxy/h.example/a/../b.git/info/refs?service=git-upload-pack",
      "/proxy/h.example/a/%2e%2e/b.git/info/refs?service=git-upload-pack",
      "/proxy/h.example/a%2fb/c.git/info/refs?service=git-upload-pack",
      "/proxy/h.example//a/b.git/info/refs?service=git-upload-pack",
      "/proxy/h.example/a.git/b.git/info/refs?service=git-upload-pack",
      "/proxy/user@h.example/a/b.git/info/refs?service=git-upload-pack",
      "/proxy/h.example:0/a/b.git/info/refs?service=git-upload-pack",
      "/proxy/h.example:99999/a/b.git/info/refs?service=git-upload-pack",
      "/git/h.example/a/b.git/info/refs?service=git-upload-pack",
    ]) {
      expect(get(path), path).toBeNull();
    }
    expect(parseGatewayPath({ pathname: "/proxy/h.example/a/b.git/info/refs", search: "?service=git-upload-pack", method: "PUT", contentType: null })).toBeNull();
    expect(parseGatewayPath({ pathname: "/proxy/h.example/a/b.git/git-upload-pack", search: "?x=1", method: "POST", contentType: "application/x-git-upload-pack-request" })).toBeNull();
  });
});

describe("parseAuthority", () => {
  it("normalises numeric host forms, so they are judged like the address they are", () => {
    for (const host of ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.0.0.1"]) {
      expect(parseAuthority(host), host).toEqual({ hostname: "127.0.0.1", port: null });
    }
    expect(parseAuthority("0xa9fea9fe:8080")).toEqual({ hostname: "169.254.169.254", port: "8080" });
    expect(parseAuthority("[::1]:443")).toEqual({ hostname: "[::1]", port: "443" });
    expect(parseAuthority("EXAMPLE.com:080")).toEqual({ hostname: "example.com", port: "80" });
  });

  it("refuses user info, bad ports and junk", () => {
    for (const bad of ["", "a@b", "a:b", "a:", "host:70000", "%31%32%37.0.0.1", "a b", "[::1"]) expect(parseAuthority(bad), bad).toBeNull();
  });
});
