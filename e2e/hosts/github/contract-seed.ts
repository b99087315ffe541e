// The data the adapter contract expects (lib/hosts/test-support/contract.ts),
// seeded into a GitHub emulator; also a ready-made world for other tests.
import type { GitHubEmulator } from "./github-emulator";

export type GitHubContractWorld = {
  tokens: { admin: string; readOnly: string; bad: string; rateLimited: string; outsider: string; narrow: string; publicOnly: string };
  repos: { seeded: string; private: string; missing: string; renamed: string; large: string };
  /** The bytes of data/big.bin in `repos.large` (over GitHub's 1 MB inline limit). */
  largeFileSize: number;
  /** When the admin token expires, as the emulator reports it. */
  adminExpiresAt: string;
  /** octocat's password on the emulator's OAuth sign-in form. */
  password: string;
  /** Registered apps (no redirect URIs: any http(s) callback is accepted). */
  oauthApps: { oauthApp: { clientId: string; clientSecret: string }; githubApp: { clientId: string; clientSecret: string } };
  /** A branch of `repos.seeded` whose pushes the server refuses with GitHub's GH006 message. */
  protectedBranch: { repo: string; branch: string };
  /** A second repository octocat may push to (public, octocat's own), for listings. */
  secondRepo: string;
};

/** Deterministic bytes 0..255 repeated: binary, so that text decoding would corrupt them. */
export const bigFile = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => i % 256));

/**
 * Seeds organization `acme` (administered by `octocat`) with the public
 * repository acme/models (README.md, src/app.py, branches main and feature) and
 * the private acme/secret; `reader` may pull both; `stranger` sees neither
 * private one. Tokens: admin (classic, "repo"), readOnly (fine-grained,
 * Contents read), bad (unknown), rateLimited, outsider (stranger's), narrow
 * (classic, "read:user" only) and publicOnly (classic, "public_repo"). Also
 * octocat/datasets, whose data/big.bin is over the 1 MB GitHub inlines, and the
 * redirect of the renamed acme/old-models. For the OAuth flow: octocat signs in
 * with "password"; an OAuth App and a GitHub App (Contents: write) are
 * registered; branch `protected` of acme/models refuses pushes; octocat also
 * owns octocat/notebooks.
 */
export function seedGitHubContractWorld({ seed }: Pick<GitHubEmulator, "seed">): GitHubContractWorld {
  const password = "password";
  seed.addUser({ login: "octocat", name: "Mona Octocat", password });
  seed.addUser({ login: "reader", name: "Read Only" });
  seed.addUser({ login: "stranger" });
  seed.addOrg({ login: "acme", admins: ["octocat"] });
  seed.addRepo({ owner: "acme", name: "models", description: "Seeded for the adapter contract", collaborators: { reader: "pull" } });
  seed.addRepo({ owner: "acme", name: "secret", private: true, collaborators: { reader: "pull" } });
  seed.addRedirect({ from: "acme/old-models", to: "acme/models" });
  seed.protectBranch({ repo: "acme/models", branch: "protected" });
  const largeFileSize = 1024 * 1024 + 512;
  seed.addRepo({ owner: "octocat", name: "datasets", files: { "data/big.bin": bigFile(largeFileSize), "empty.txt": "" }, branches: [] });
  seed.addRepo({ owner: "octocat", name: "notebooks", description: "A second repository of octocat's", branches: [] });
  const adminExpiresAt = "2030-12-01T10:00:00.000Z";
  return {
    tokens: {
      admin: seed.addToken({ login: "octocat", scopes: ["repo", "read:org"], expiresAt: adminExpiresAt }),
      readOnly: seed.addToken({ login: "reader", scopes: null, repositories: ["acme/models", "acme/secret"], contents: "read" }),
      bad: "ghp_000000000000000000000000000000000000",
      rateLimited: seed.addToken({ login: "octocat", scopes: ["repo"], rateLimited: true }),
      outsider: seed.addToken({ login: "stranger", scopes: ["repo"] }),
      narrow: seed.addToken({ login: "octocat", scopes: ["read:user"] }),
      publicOnly: seed.addToken({ login: "octocat", scopes: ["public_repo"] }),
    },
    repos: { seeded: "acme/models", private: "acme/secret", missing: "acme/nope", renamed: "acme/old-models", large: "octocat/datasets" },
    largeFileSize,
    adminExpiresAt,
    password,
    oauthApps: {
      oauthApp: seed.addOAuthApp({ name: "Benchtop", kind: "oauth-app" }),
      githubApp: seed.addOAuthApp({ name: "Benchtop App", kind: "github-app", contents: "write" }),
    },
    protectedBranch: { repo: "acme/models", branch: "protected" },
    secondRepo: "octocat/notebooks",
  };
}
