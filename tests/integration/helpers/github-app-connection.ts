import { inject } from "vitest";
import type { GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { consent } from "../../../e2e/hosts/shared/consent-form";
import { adminToken, api, baseUrl, type TestUser } from "./api";

/**
 * Registers the GitHub emulator's GitHub App (as GitHub Enterprise) and connects
 * `user` to it through the real OAuth flow, as octocat: the connection a person
 * makes when a repository is reached through a GitHub App rather than a token.
 */
export async function connectThroughGitHubApp({ github, user }: { github: GitHubEmulatorProcess; user: TestUser }): Promise<void> {
  const host = new URL(github.url).host;
  const apps = await api("/api/v1/admin/oauth-apps", { method: "PUT", token: await adminToken(), body: { apps: [{ provider: "github-enterprise", host, kind: "github-app", ...github.world.oauthApps.githubApp }] } });
  if (apps.status !== 200) throw new Error(`registering the GitHub App failed: ${apps.status} ${apps.text}`);
  // The OAuth flow runs in this process against the server's database.
  process.env.DATA_DIR = inject("dataDir");
  process.env.BENCHTOP_INSECURE_HOSTS = "localhost,127.0.0.1";
  const { getUserById } = await import("../../../lib/db");
  const { startAuthorization, completeAuthorization } = await import("../../../lib/connections");
  const account = getUserById({ id: user.id })!;
  const authorizeUrl = await startAuthorization({ user: account, provider: "github-enterprise", host, origin: baseUrl() });
  const callback = await consent({ authorizeUrl, login: "octocat", password: github.world.password });
  await completeAuthorization({ user: account, provider: "github-enterprise", callback, origin: baseUrl() });
}
