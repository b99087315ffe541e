// Projects in a GitLab group, a Bitbucket Server project and a Bitbucket Cloud
// workspace: the same creation as on GitHub (create-external-project.test.ts),
// each host with its own API, name rules, permissions and git credential
// convention. The repository is made through the service account, the owner is
// given write access by their own account, the README commit arrives, and the
// owner pushes through the gateway. Bitbucket Cloud's emulator stands in for
// bitbucket.org from a loopback host on BENCHTOP_INSECURE_HOSTS (isCloudStandIn);
// the owner connects with their Atlassian API token and email, as people do.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorProcess } from "../../../e2e/hosts/bitbucket/start-emulator-process";
import { startGitLabEmulatorProcess } from "../../../e2e/hosts/gitlab/start-emulator-process";
import { adminToken, api, baseUrl, createUser, signInBrowser, unique } from "../helpers/api";
import { gatewayUrl, gitAsync } from "../helpers/gateway";
import { gitOk, tempDir } from "../helpers/git";

type Host = {
  url: string;
  stop(): Promise<void>;
  /** The PUT /api/v1/admin/vcs body. */
  backend: Record<string, unknown>;
  provider: string;
  /** The owner's own account there: its token (with its email where the token signs in with one), and its name in the host's permissions. */
  owner: { token: string; login: string; email?: string };
  /** The service account's token, to read the repository back with the real git, where git takes it with any user name. */
  serviceToken?: string;
  /** The repository's clone URL and its full name for /_emulator/inspect, from the project's repository name. */
  cloneUrl(name: string): string;
  fullName(name: string): string;
  /** What the host's permissions call write access. */
  write: unknown;
};

const hosts: Record<string, () => Promise<Host>> = {
  "GitLab (self-managed)": async () => {
    const gitlab = await startGitLabEmulatorProcess();
    const world = gitlab.groupWorld;
    return {
      url: gitlab.url,
      stop: gitlab.stop,
      backend: { type: "gitlab", name: "Labs on GitLab", url: gitlab.apiRoot, credentialHostname: new URL(gitlab.url).host, organization: world.group, username: world.service.username, authToken: world.service.token, onDelete: "delete" },
      provider: "gitlab-self-managed",
      owner: { token: world.ada.token, login: world.ada.username },
      serviceToken: world.service.token,
      cloneUrl: (name) => `${gitlab.url}/labs/${name}.git`,
      fullName: (name) => `labs/${name}`,
      write: 30,
    };
  },
  "Bitbucket Server": async () => {
    const bitbucket = await startEmulatorProcess("server");
    const world = bitbucket.world;
    return {
      url: bitbucket.url,
      stop: bitbucket.stop,
      backend: { type: "bitbucket-server", name: "Labs on Bitbucket", url: bitbucket.apiRoot, credentialHostname: new URL(bitbucket.url).host, organization: world.project, username: "svc-benchtop", authToken: world.tokens.service, onDelete: "delete" },
      provider: "bitbucket-server",
      owner: { token: world.tokens.alice, login: "alice" },
      serviceToken: world.tokens.service,
      cloneUrl: (name) => `${bitbucket.url}/scm/labs/${name.toLowerCase()}.git`,
      fullName: (name) => `LABS/${name.toLowerCase()}`,
      write: "REPO_WRITE",
    };
  },
  "Bitbucket Cloud": async () => {
    const bitbucket = await startEmulatorProcess("cloud");
    const world = bitbucket.world;
    return {
      url: bitbucket.url,
      stop: bitbucket.stop,
      backend: { type: "bitbucket", name: "Labs on Bitbucket Cloud", url: bitbucket.apiRoot, credentialHostname: new URL(bitbucket.url).host, organization: world.workspace, username: world.service.email, authToken: world.service.token, onDelete: "delete" },
      provider: "bitbucket",
      // alice is a member of the workspace who reaches none of its repositories until she is given access by her UUID.
      owner: { token: world.alice.token, login: world.alice.nickname, email: world.alice.email },
      cloneUrl: (name) => `${bitbucket.url}/${world.workspace}/${name.toLowerCase()}.git`,
      fullName: (name) => `${world.workspace}/${name.toLowerCase()}`,
      write: "write",
    };
  },
};

let admin: string;
beforeAll(async () => {
  admin = await adminToken();
});
afterAll(async () => {
  await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body: { type: "internal" } });
});

describe.each(Object.keys(hosts))("a project created in %s", (label) => {
  let host: Host;
  beforeAll(async () => {
    host = await hosts[label]!();
    const applied = await api("/api/v1/admin/vcs", { method: "PUT", token: admin, body: host.backend });
    expect(applied.status, applied.text).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await host?.stop();
  });

  it("is made through the service account, filled and pushed to by its owner", { timeout: 120_000 }, async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const refused = await api("/api/v1/projects", { method: "POST", token: user.token, body: { name: unique("first-") } });
    expect(refused.body.error?.code).toBe("connection_required");
    const connected = await api("/api/v1/me/connections", { method: "POST", token: user.token, body: { provider: host.provider, host: new URL(host.url).host, token: host.owner.token, ...(host.owner.email ? { email: host.owner.email } : {}) } });
    expect(connected.status, connected.text).toBe(201);
    expect(connected.body).toMatchObject({ login: host.owner.login, method: "token" });
    expect(connected.text).not.toContain(host.owner.token);

    const created = await api("/api/v1/projects", { method: "POST", token: user.token, body: { name: unique("study-") } });
    expect(created.status, created.text).toBe(201);
    const name = `${user.handle}-${created.body.id}`;
    expect(created.body).toMatchObject({ backend: "external", cloneUrl: host.cloneUrl(name) });
    const atHost = await (await fetch(`${host.url}/_emulator/inspect?repo=${encodeURIComponent(host.fullName(name))}`)).json();
    expect(atHost).toMatchObject({ deleted: false, permissions: { [host.owner.login]: host.write } });
    expect(Object.keys(atHost.refs)).toEqual(["refs/heads/main"]);

    const work = path.join(tempDir(), "work");
    const clone = await gitAsync(["clone", gatewayUrl(baseUrl(), created.body.cloneUrl), work], { cookie });
    expect(clone.code, clone.stderr).toBe(0);
    expect(fs.readFileSync(path.join(work, "README.md"), "utf8")).toContain(created.body.name);
    fs.writeFileSync(path.join(work, "data.csv"), "a,b\n1,2\n");
    gitOk(["add", "data.csv"], { cwd: work });
    gitOk(["commit", "-q", "-m", "Add data"], { cwd: work });
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: work, cookie });
    expect(push.code, push.stderr).toBe(0);
    const pushed = gitOk(["rev-parse", "HEAD"], { cwd: work }).trim();
    const after = await (await fetch(`${host.url}/_emulator/inspect?repo=${encodeURIComponent(host.fullName(name))}`)).json();
    expect(after.refs["refs/heads/main"]).toBe(pushed);

    if (host.serviceToken) {
      const check = path.join(tempDir(), "check");
      gitOk(["clone", "-q", created.body.cloneUrl, check], { auth: { token: host.serviceToken } });
      expect(fs.readFileSync(path.join(check, "data.csv"), "utf8")).toBe("a,b\n1,2\n");
    }
  });
});
