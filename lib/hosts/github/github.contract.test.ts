// The GitHub adapter against the GitHub emulator (e2e/hosts/github), as at a
// GitHub Enterprise Server and as github.com with its API root overridden.
// The emulator runs in its own process: the contract clones with a synchronous git.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigFile } from "@/e2e/hosts/github/contract-seed";
import { type GitHubEmulatorProcess, startGitHubEmulatorProcess } from "@/e2e/hosts/github/emulator-process";
import { parseRepoLocation } from "../location";
import { runGitHostContract } from "../test-support/contract";
import { hostFailureOf } from "../test-support/host-failure";
import { createGitHubAdapter } from "./create-github-adapter";

let shared: Promise<GitHubEmulatorProcess> | undefined;
/** One emulator process for this file, started by whichever suite needs it first. */
function emulator(): Promise<GitHubEmulatorProcess> {
  shared ??= startGitHubEmulatorProcess().then((started) => {
    process.env.BENCHTOP_INSECURE_HOSTS = new URL(started.url).host;
    return started;
  });
  return shared;
}
afterAll(async () => (await shared)?.stop());

const enterprise = (url: string, fullName: string, token: string | null) =>
  createGitHubAdapter({ location: parseRepoLocation({ provider: "github-enterprise", location: `${url}/${fullName}` }), token });


runGitHostContract("github-enterprise", async () => {
  const { url, world } = await emulator();
  const names = { seeded: world.repos.seeded, missing: world.repos.missing, private: world.repos.private };
  return {
    adapter: ({ token, repo = "seeded" }) => enterprise(url, names[repo], token),
    tokens: world.tokens,
    expected: { fullName: world.repos.seeded },
    stop: async () => {},
  };
});

describe("GitHub adapter against the emulator", () => {
  let e: GitHubEmulatorProcess;
  beforeAll(async () => {
    e = await emulator();
  }, 60_000);

  it("serves github.com through BENCHTOP_GITHUB_API_URL", async () => {
    process.env.BENCHTOP_GITHUB_API_URL = e.apiRoot;
    try {
      const location = parseRepoLocation({ provider: "github", location: "https://github.com/acme/models.git" });
      expect(location.apiRoot).toBe(e.apiRoot);
      const adapter = createGitHubAdapter({ location, token: e.world.tokens.admin });
      expect(await adapter.getRepo()).toMatchObject({ fullName: "acme/models", defaultBranch: "main", canPush: true, private: false });
      expect(adapter.gitRemoteUrl()).toBe("https://github.com/acme/models.git");
    } finally {
      delete process.env.BENCHTOP_GITHUB_API_URL;
    }
  });

  it("reports a classic token's scopes, expiry and account", async () => {
    const report = await enterprise(e.url, "acme/models", e.world.tokens.admin).testConnection();
    expect(report.token).toEqual({ scopes: ["repo", "read:org"], missingScopes: [], expiresAt: e.world.adminExpiresAt, login: "octocat" });
    expect(report.repository).toMatchObject({ webUrl: `${e.url}/acme/models`, gitUrl: `${e.url}/acme/models.git` });
  });

  it("reports a fine-grained token without scopes, and a read-only account that may not push", async () => {
    const report = await enterprise(e.url, "acme/secret", e.world.tokens.readOnly).testConnection();
    expect(report.repository).toMatchObject({ private: true, canPush: false });
    expect(report.token).toEqual({ scopes: null, missingScopes: [], expiresAt: null, login: "reader" });
  });

  it("names the scope a classic token lacks: public_repo for a public repository", async () => {
    const narrow = await enterprise(e.url, "acme/models", e.world.tokens.narrow).testConnection();
    expect(narrow.token).toMatchObject({ scopes: ["read:user"], missingScopes: ["public_repo"] });
    const publicOnly = await enterprise(e.url, "acme/models", e.world.tokens.publicOnly).testConnection();
    expect(publicOnly.token?.missingScopes).toEqual([]);
    // Without "repo", GitHub hides private repositories altogether.
    const hidden = await hostFailureOf(enterprise(e.url, "acme/secret", e.world.tokens.publicOnly).testConnection());
    expect(hidden.code).toBe("not_found");
    expect(hidden.message).toMatch(/not found, or the token has no access to it/);
  });

  it("works without a token for a public repository", async () => {
    const adapter = enterprise(e.url, "acme/models", null);
    const report = await adapter.testConnection();
    expect(report).toMatchObject({ repository: { fullName: "acme/models", canPush: false }, token: null });
    expect(adapter.gitAuthHeader()).toBeNull();
    expect((await hostFailureOf(enterprise(e.url, "acme/secret", null).getRepo())).code).toBe("not_found");
  });

  it("uses GitHub's x-access-token convention for git", () => {
    const header = enterprise(e.url, "acme/models", "tok").gitAuthHeader();
    expect(header).toBe(`Basic ${Buffer.from("x-access-token:tok").toString("base64")}`);
  });

  it("reads files over 1 MB through the raw media type, byte for byte", async () => {
    const adapter = enterprise(e.url, e.world.repos.large, e.world.tokens.admin);
    const bytes = await adapter.readFile({ path: "data/big.bin" });
    expect(Buffer.from(bytes).equals(bigFile(e.world.largeFileSize))).toBe(true);
    expect(await adapter.readFile({ path: "empty.txt" })).toHaveLength(0);
    expect(await adapter.listFiles({ path: "/data/" })).toEqual([{ path: "data/big.bin", type: "file", size: e.world.largeFileSize }]);
  });

  it("lists the files of another branch, and a file's own entry", async () => {
    const adapter = enterprise(e.url, "acme/models", e.world.tokens.admin);
    expect((await adapter.listFiles({ ref: "feature" })).map((f) => f.path)).toContain("feature.txt");
    expect(await adapter.listFiles({ path: "README.md" })).toEqual([{ path: "README.md", type: "file", size: 9 }]);
  });

  it("maps missing paths, refs, folders and renamed repositories", async () => {
    const adapter = enterprise(e.url, "acme/models", e.world.tokens.admin);
    const missingFile = await hostFailureOf(adapter.readFile({ path: "nope.txt" }));
    expect(missingFile).toMatchObject({ code: "not_found" });
    expect(missingFile.message).toMatch(/nope\.txt/);
    expect((await hostFailureOf(adapter.listFiles({ ref: "no-such-branch" }))).code).toBe("not_found");
    expect((await hostFailureOf(adapter.readFile({ path: "src" }))).message).toMatch(/folder/);
    const moved = await hostFailureOf(enterprise(e.url, e.world.repos.renamed, e.world.tokens.admin).getRepo());
    expect(moved.code).toBe("not_found");
    expect(moved.message).toMatch(/moved or renamed on GitHub; use its new address/);
  });

  it("says a bad token is bad with GitHub's advice, and reports the rate limit's reset", async () => {
    const bad = await hostFailureOf(enterprise(e.url, "acme/models", e.world.tokens.bad).listBranches());
    expect(bad.message).toBe("GitHub refused the token: it is wrong, expired or revoked. Create a new token and save it here.");
    const limited = await hostFailureOf(enterprise(e.url, "acme/models", e.world.tokens.rateLimited).listFiles({}));
    expect(limited.code).toBe("rate_limited");
    expect(new Date(limited.resetAt!).getTime()).toBeGreaterThan(Date.now());
    expect(limited.status).toBe(429);
  });
});
