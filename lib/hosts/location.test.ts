import { afterEach, describe, expect, it } from "vitest";
import { HostError } from "./errors";
import { isCloudStandIn, parseRepoLocation } from "./location";

afterEach(() => {
  delete process.env.BENCHTOP_INSECURE_HOSTS;
  delete process.env.BENCHTOP_GITHUB_API_URL;
});

describe("parseRepoLocation", () => {
  it("reads GitHub browser and clone URLs alike", () => {
    for (const location of ["https://github.com/acme/models", "https://github.com/acme/models.git", "https://github.com/acme/models/tree/main/src"]) {
      expect(parseRepoLocation({ provider: "github", location })).toMatchObject({ owner: "acme", name: "models", apiRoot: "https://api.github.com", gitUrl: "https://github.com/acme/models.git" });
    }
    process.env.BENCHTOP_GITHUB_API_URL = "http://localhost:9999";
    expect(parseRepoLocation({ provider: "github", location: "https://github.com/a/b" }).apiRoot).toBe("http://localhost:9999");
  });

  it("reads a Bitbucket Cloud stand-in (an emulator) only at a host on BENCHTOP_INSECURE_HOSTS, with its API at {origin}/2.0", () => {
    const location = "http://127.0.0.1:7990/labs/models";
    expect(() => parseRepoLocation({ provider: "bitbucket", location })).toThrow(HostError);
    expect(() => parseRepoLocation({ provider: "bitbucket", location: "https://bb.example.com/labs/models" })).toThrow(/starts with https:\/\/bitbucket\.org/);
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
    expect(parseRepoLocation({ provider: "bitbucket", location })).toMatchObject({
      origin: "http://127.0.0.1:7990",
      apiRoot: "http://127.0.0.1:7990/2.0",
      fullName: "labs/models",
      webUrl: "http://127.0.0.1:7990/labs/models",
      gitUrl: "http://127.0.0.1:7990/labs/models.git",
    });
    // GitHub and GitLab have their self-hosted kinds for that.
    expect(() => parseRepoLocation({ provider: "github", location })).toThrow(/github\.com/);
    expect(isCloudStandIn({ provider: "bitbucket", hostname: "bitbucket.org", port: "443" })).toBe(false);
  });

  it("refuses an address with a stray '%' (a mangled URL) as bad input, not a server error", () => {
    expect(() => parseRepoLocation({ provider: "github", location: "https://github.com/acme/models%E0%A4%A" })).toThrow(HostError);
    expect(() => parseRepoLocation({ provider: "github", location: "https://github.com/acme/models%E0%A4%A" })).toThrow(/does not start an escape/);
  });

  it("derives self-hosted API roots from the location", () => {
    expect(parseRepoLocation({ provider: "github-enterprise", location: "https://ghe.example.com/data/churn" })).toMatchObject({ apiRoot: "https://ghe.example.com/api/v3", fullName: "data/churn" });
    expect(parseRepoLocation({ provider: "gitlab-self-managed", location: "https://git.example.com/analytics/team/forecast/-/tree/main" })).toMatchObject({
      apiRoot: "https://git.example.com/api/v4",
      owner: "analytics/team",
      name: "forecast",
    });
    const server = parseRepoLocation({ provider: "bitbucket-server", location: "https://bb.example.com:7990/projects/DS/repos/churn/browse" });
    expect(server).toMatchObject({ apiRoot: "https://bb.example.com:7990/rest/api/1.0", owner: "DS", name: "churn", gitUrl: "https://bb.example.com:7990/scm/ds/churn.git" });
    expect(parseRepoLocation({ provider: "bitbucket-server", location: "https://bb.example.com/scm/ds/churn.git" })).toMatchObject({ owner: "DS", name: "churn" });
    expect(parseRepoLocation({ provider: "bitbucket", location: "https://jdoe@bitbucket.org/team/repo.git" })).toMatchObject({ owner: "team", name: "repo", gitUrl: "https://bitbucket.org/team/repo.git" });
  });

  it("refuses malformed, SSH, wrong-host and plain-http locations", () => {
    expect(() => parseRepoLocation({ provider: "github", location: "not a url" })).toThrow(/address/);
    expect(() => parseRepoLocation({ provider: "github", location: "git@github.com:acme/models.git" })).toThrow(/SSH/);
    expect(() => parseRepoLocation({ provider: "github", location: "https://gitlab.com/acme/models" })).toThrow(/github.com/);
    expect(() => parseRepoLocation({ provider: "github-enterprise", location: "https://github.com/acme/models" })).toThrow(/cloud/);
    expect(() => parseRepoLocation({ provider: "github", location: "https://github.com/acme" })).toThrow(/full repository address/);
    expect(() => parseRepoLocation({ provider: "github-enterprise", location: "http://ghe.example.com/a/b" })).toThrow(/https only/);
    process.env.BENCHTOP_INSECURE_HOSTS = "ghe.example.com";
    expect(parseRepoLocation({ provider: "github-enterprise", location: "http://ghe.example.com/a/b" }).apiRoot).toBe("http://ghe.example.com/api/v3");
  });
});
