import { describe, expect, it } from "vitest";
import { parseGitRequest } from "./parse-git-request";

const get = (path: string, service: string | null = "git-upload-pack") =>
  parseGitRequest({ segments: path.split("/"), method: "GET", service, contentType: null });
const post = (path: string, contentType: string | null) => parseGitRequest({ segments: path.split("/"), method: "POST", service: null, contentType });

describe("parseGitRequest", () => {
  it("accepts the ref advertisement for both services, with or without .git", () => {
    expect(get("ada/models.git/info/refs")).toEqual({ handle: "ada", projectName: "models", service: "git-upload-pack", endpoint: "advertise" });
    expect(get("ada/models/info/refs", "git-receive-pack")?.service).toBe("git-receive-pack");
  });

  it("accepts the RPC posts only with their own content type", () => {
    expect(post("ada/m.git/git-upload-pack", "application/x-git-upload-pack-request")?.endpoint).toBe("rpc");
    expect(post("ada/m.git/git-receive-pack", "application/x-git-receive-pack-request")?.service).toBe("git-receive-pack");
    expect(post("ada/m.git/git-receive-pack", "application/x-git-upload-pack-request")).toBeUndefined();
    expect(post("ada/m.git/git-upload-pack", "text/plain")).toBeUndefined();
  });

  it("refuses dumb-protocol files, unknown services and traversal", () => {
    expect(get("ada/m.git/HEAD")).toBeUndefined();
    expect(get("ada/m.git/objects/info/packs")).toBeUndefined();
    expect(get("ada/m.git/info/refs", null)).toBeUndefined();
    expect(get("ada/m.git/info/refs", "git-upload-archive")).toBeUndefined();
    expect(get("../etc/info/refs")).toBeUndefined();
    expect(get("ada/..%2f..%2fetc/info/refs")).toBeUndefined();
    expect(get("ada/.hidden.git/info/refs")).toBeUndefined();
    expect(get("ada/m.git/info/refs/../../x")).toBeUndefined();
    expect(parseGitRequest({ segments: ["ada", "m.git", "info", "refs"], method: "PUT", service: "git-upload-pack", contentType: null })).toBeUndefined();
  });
});
