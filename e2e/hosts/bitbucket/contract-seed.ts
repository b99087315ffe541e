// What the adapter contract (lib/hosts/test-support/contract.ts) needs each
// emulator to hold: team/models (DS/models) with main and feature, a private
// repository the outsider cannot see, and the contract's tokens.
import type { BitbucketCloudEmulator } from "./bitbucket-cloud-emulator";
import type { BitbucketServerEmulator } from "./bitbucket-server-emulator";

export const contractTokens = {
  admin: "bb-admin-token",
  readOnly: "bb-read-token",
  bad: "bb-unknown-token",
  rateLimited: "bb-limited-token",
  outsider: "bb-outsider-token",
};

export function seedCloudContract(emulator: BitbucketCloudEmulator): void {
  emulator.seedRepository({ workspace: "team", slug: "models" });
  emulator.seedRepository({ workspace: "secret", slug: "vault", branches: [] });
  emulator.seedToken({ token: contractTokens.admin, user: "team-bot", access: { team: "admin" }, scopes: ["repository", "repository:write", "repository:admin"] });
  emulator.seedToken({ token: contractTokens.readOnly, user: "reader-bot", access: { "team/models": "read" }, scopes: ["repository"] });
  emulator.seedToken({ token: contractTokens.outsider, user: "outsider", access: { elsewhere: "admin" }, scopes: ["repository", "repository:write"] });
  emulator.seedToken({ token: contractTokens.rateLimited, access: { team: "admin" }, rateLimited: true });
}

export function seedServerContract(emulator: BitbucketServerEmulator): void {
  emulator.seedRepository({ projectKey: "DS", slug: "models" });
  emulator.seedRepository({ projectKey: "SEC", slug: "vault", branches: [] });
  emulator.seedToken({ token: contractTokens.admin, user: "ds-admin", access: { DS: "REPO_ADMIN" } });
  emulator.seedToken({ token: contractTokens.readOnly, user: "ds-reader", access: { "DS/models": "REPO_READ" } });
  emulator.seedToken({ token: contractTokens.outsider, user: "outsider", access: { OTHER: "REPO_ADMIN" } });
  emulator.seedToken({ token: contractTokens.rateLimited, access: { DS: "REPO_ADMIN" }, rateLimited: true });
}
