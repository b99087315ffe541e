// An organization on the GitHub emulator (child process) applied as the
// version-control backend, and external projects in it as creation leaves them,
// for tests of what external projects do at the host. Whoever applies it sets
// the backend back to internal (restoreInternalBackend) in afterAll.
import { inject } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { createGitHubOrganizationHost } from "../../../lib/hosts/github/organization-host";
import { adminToken, api, unique, type ApiResult, type TestUser } from "./api";

export type ExternalWorld = {
  github: GitHubEmulatorProcess;
  /** The emulator's git host as host:port (what connections and the backend name). */
  host: string;
  /** Read back a repository at the host: deleted, archived, who may do what. */
  inspect(fullName: string): Promise<{ deleted: boolean; archived?: boolean; permissions?: Record<string, string> }>;
  /** The host's REST API answers 503 until turned off again. */
  outage(on: boolean): Promise<unknown>;
  /** A user connects their account at the host with a personal access token (POST /api/v1/me/connections). */
  connect(user: TestUser, token: string): Promise<ApiResult>;
  /** An external project owned by `owner`, with its repository in the organization; applies a backend with this onDelete first. */
  externalProject(owner: TestUser, onDelete?: "delete" | "archive"): Promise<{ id: string; fullName: string; remoteName: string }>;
  stop(): Promise<void>;
};

export async function startExternalWorld(): Promise<ExternalWorld> {
  const github = await startGitHubEmulatorProcess();
  const host = new URL(github.url).host;
  const admin = await adminToken();
  const { orgWorld } = github;

  async function applyBackend(onDelete: "delete" | "archive"): Promise<string> {
    const body = { type: "github", name: "Labs on GitHub Enterprise", url: github.apiRoot, credentialHostname: host, organization: orgWorld.org, username: orgWorld.service.login, authToken: orgWorld.service.token, onDelete };
    const applied = await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body });
    if (applied.status !== 200) throw new Error(`apply: ${applied.status} ${applied.text}`);
    // Rows are never edited, so the one applied now is the newest; the test reads the app's database for its id.
    process.env.DATA_DIR = inject("dataDir");
    const { getAppliedBackendRow } = await import("../../../lib/vcs/active-backend");
    return getAppliedBackendRow()!.id;
  }

  return {
    github,
    host,
    inspect: async (fullName) => (await fetch(`${github.url}/_emulator/inspect?repo=${encodeURIComponent(fullName)}`)).json(),
    outage: (on) => fetch(`${github.url}/_emulator/outage`, { method: on ? "POST" : "DELETE" }),
    connect: (user, token) => api("/api/v1/me/connections", { method: "POST", token: user.token, body: { provider: "github-enterprise", host, token } }),
    async externalProject(owner, onDelete = "archive") {
      const vcsBackendId = await applyBackend(onDelete);
      const organization = createGitHubOrganizationHost({ apiRoot: github.apiRoot, organization: orgWorld.org, token: orgWorld.service.token, fetch: globalThis.fetch });
      const remoteName = unique(`${owner.handle}-`);
      const created = await organization.createRepository({ name: remoteName, description: "" });
      const { insertProject } = await import("../../../lib/db");
      const project = insertProject({ ownerId: owner.id, name: remoteName, description: "", defaultBranch: "main", backend: "external", vcsBackendId, remoteName, remoteLocation: created.webUrl, state: "ready" });
      // The project keeps its backend; new projects go to Benchtop's git server again, as the tests' other projects expect.
      await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body: { type: "internal" } });
      return { id: project.id, fullName: created.fullName, remoteName };
    },
    async stop() {
      await fetch(`${github.url}/_emulator/outage`, { method: "DELETE" }).catch(() => undefined);
      await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body: { type: "internal" } });
      await github.stop();
    },
  };
}
