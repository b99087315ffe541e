import { describe, expect, it } from "vitest";
import { requestMatchesGitUrl } from "./match-repository";
import { parseGatewayPath } from "./parse-gateway-path";

const request = (path: string) => parseGatewayPath({ pathname: path, search: "?service=git-upload-pack", method: "GET", contentType: null })!;
const matches = (path: string, gitUrl: string) => requestMatchesGitUrl(request(`/proxy/${path}/info/refs`), new URL(gitUrl));

describe("requestMatchesGitUrl", () => {
  it("matches host with port and path, case-insensitive, .git optional", () => {
    expect(matches("github.com/acme/models.git", "https://github.com/acme/models.git")).toBe(true);
    expect(matches("GitHub.com/Acme/Models", "https://github.com/acme/models.git")).toBe(true);
    expect(matches("github.com:443/acme/models", "https://github.com/acme/models.git")).toBe(true);
    expect(matches("127.0.0.1:4000/acme/models.git", "http://127.0.0.1:4000/acme/models.git")).toBe(true);
  });

  it("does not match another host, port or path", () => {
    expect(matches("github.com:8443/acme/models.git", "https://github.com/acme/models.git")).toBe(false);
    expect(matches("127.0.0.1/acme/models.git", "http://127.0.0.1:4000/acme/models.git")).toBe(false);
    expect(matches("127.0.0.1:4001/acme/models.git", "http://127.0.0.1:4000/acme/models.git")).toBe(false);
    expect(matches("evil.example/acme/models.git", "https://github.com/acme/models.git")).toBe(false);
    expect(matches("github.com/acme/models2.git", "https://github.com/acme/models.git")).toBe(false);
    expect(matches("github.com/acme/models/extra", "https://github.com/acme/models.git")).toBe(false);
    expect(matches("github.com.evil.example/acme/models", "https://github.com/acme/models.git")).toBe(false);
  });

  it("judges numeric host forms after normalising them", () => {
    expect(matches("2130706433:4000/acme/models.git", "http://127.0.0.1:4000/acme/models.git")).toBe(true);
    expect(matches("2130706433/acme/models.git", "https://github.com/acme/models.git")).toBe(false);
  });
});
