// The version-control backend an administrator chooses (API.md "Version-control
// backend (admin)"): Test runs every check against the GitHub, GitLab and Bitbucket Cloud emulators
// and names the one that failed; Apply checks first, saves, is audited and never
// shows the token again; the settings file makes the page read-only, and a broken
// file keeps the last good settings.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { startGitLabEmulatorProcess, type GitLabEmulatorProcess } from "../../../e2e/hosts/gitlab/start-emulator-process";
import { startEmulatorProcess as startBitbucketEmulatorProcess } from "../../../e2e/hosts/bitbucket/start-emulator-process";
import { adminToken, api, createUser, type TestUser } from "../helpers/api";

const PATH = "/api/v1/admin/vcs";
let github: GitHubEmulatorProcess;
let gitlab: GitLabEmulatorProcess;
let bitbucket: Awaited<ReturnType<typeof startBitbucketEmulatorProcess<"cloud">>>;
let admin: string;
let user: TestUser;

const githubBody = (overrides: Record<string, unknown> = {}) => ({
  type: "github",
  name: "Labs on GitHub Enterprise",
  url: github.apiRoot,
  credentialHostname: new URL(github.url).host,
  organization: github.orgWorld.org,
  username: github.orgWorld.service.login,
  authToken: github.orgWorld.service.token,
  onDelete: "archive",
  ...overrides,
});
const checksOf = (body: { checks: { name: string; ok: boolean; message: string }[] }) => Object.fromEntries(body.checks.map((c) => [c.name, c]));
const configFile = () => path.join(inject("dataDir"), "benchtop.yaml");

beforeAll(async () => {
  [github, gitlab, bitbucket] = await Promise.all([startGitHubEmulatorProcess(), startGitLabEmulatorProcess(), startBitbucketEmulatorProcess("cloud")]);
  admin = await adminToken();
  user = await createUser();
}, 120_000);

afterAll(async () => {
  fs.rmSync(configFile(), { force: true });
  await api(PATH, { method: "PUT", token: admin, body: { type: "internal" } });
  await Promise.all([github?.stop(), gitlab?.stop(), bitbucket?.stop()]);
});

describe("the version-control backend (admin)", () => {
  it("is Benchtop's own git server by default, and only administrators may see or change it", async () => {
    const current = await api(PATH, { token: admin });
    expect(current.status).toBe(200);
    expect(current.body).toEqual({ type: "internal", source: "settings" });
    expect((await api(PATH, { token: user.token })).status).toBe(403);
    expect((await api(PATH, { method: "PUT", token: user.token, body: { type: "internal" } })).status).toBe(403);
    expect((await api(`${PATH}/test`, { method: "POST", token: user.token, body: githubBody() })).status).toBe(403);
  });

  it("Test names a refused token, and an account that is a member but not an administrator", async () => {
    const badToken = await api(`${PATH}/test`, { method: "POST", token: admin, body: githubBody({ authToken: "ghp_wrong" }) });
    expect(badToken.status, badToken.text).toBe(200);
    expect(badToken.body.ok).toBe(false);
    expect(checksOf(badToken.body).Token).toMatchObject({ ok: false, message: expect.stringMatching(/refused the token/) });

    const member = await api(`${PATH}/test`, { method: "POST", token: admin, body: githubBody({ username: github.orgWorld.alice.login, authToken: github.orgWorld.alice.token }) });
    expect(checksOf(member.body).Token?.ok).toBe(true);
    expect(checksOf(member.body).Administrator).toMatchObject({ ok: false, message: expect.stringMatching(/member of the organization labs .* not an administrator/) });
    expect(member.body.message).toMatch(/did not pass: Administrator/);

    const narrow = await api(`${PATH}/test`, { method: "POST", token: admin, body: githubBody({ authToken: github.orgWorld.narrowService }) });
    expect(checksOf(narrow.body)["Create repositories"]).toMatchObject({ ok: false, message: expect.stringMatching(/lacks the scope repo/) });
  });

  it("Test passes for the organization's administrator on GitHub and on GitLab", async () => {
    const ok = await api(`${PATH}/test`, { method: "POST", token: admin, body: githubBody() });
    expect(ok.body.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ["HTTPS", true],
      ["Token", true],
      ["Administrator", true],
      ["Create repositories", true],
      ["Repository names", true],
    ]);
    const { groupWorld } = gitlab;
    const gitlabBody = { type: "gitlab", name: "Labs on GitLab", url: gitlab.apiRoot, credentialHostname: new URL(gitlab.url).host, organization: groupWorld.group, username: groupWorld.service.username, authToken: groupWorld.service.token };
    const gitlabOk = await api(`${PATH}/test`, { method: "POST", token: admin, body: gitlabBody });
    expect(gitlabOk.body.ok, gitlabOk.text).toBe(true);
    const developer = await api(`${PATH}/test`, { method: "POST", token: admin, body: { ...gitlabBody, username: groupWorld.developer.username, authToken: groupWorld.developer.token } });
    expect(checksOf(developer.body).Administrator).toMatchObject({ ok: false, message: expect.stringMatching(/member of the group labs .* not an administrator/) });
  });

  it("Apply refuses settings that fail a check and changes nothing", async () => {
    const refused = await api(PATH, { method: "PUT", token: admin, body: githubBody({ username: github.orgWorld.alice.login, authToken: github.orgWorld.alice.token }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.username).toMatch(/not an administrator/);
    expect((await api(PATH, { token: admin })).body.type).toBe("internal");
  });

  it("Apply saves, audits without the token, never shows the token again, and keeps it when the form leaves it empty", async () => {
    const applied = await api(PATH, { method: "PUT", token: admin, body: githubBody() });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body).toMatchObject({ type: "github", organization: "labs", hasAuthToken: true, source: "settings", repository: "{owner}-{id}" });
    const shown = await api(PATH, { token: admin });
    expect(shown.body.organization).toBe("labs");
    expect(shown.text).not.toContain(github.orgWorld.service.token);
    const again = await api(PATH, { method: "PUT", token: admin, body: githubBody({ authToken: undefined, name: "Renamed" }) });
    expect(again.status, again.text).toBe(200);
    expect(again.body.name).toBe("Renamed");
    const audit = await api("/api/v1/admin/audit?action=admin.vcs_updated", { token: admin });
    expect(audit.body.events.length).toBeGreaterThanOrEqual(2);
    expect(audit.body.events[0].detail).toMatchObject({ type: "github", organization: "labs", tokenChanged: false });
    expect(audit.text).not.toContain(github.orgWorld.service.token);
  });

  it("Bitbucket Cloud: Test names a workspace member who is not an owner, and Apply takes the owner's API token", async () => {
    const { world } = bitbucket;
    const body = (who: typeof world.service) => ({
      type: "bitbucket",
      name: "Labs on Bitbucket",
      url: bitbucket.apiRoot,
      credentialHostname: new URL(bitbucket.url).host,
      organization: world.workspace,
      username: who.email,
      authToken: who.token,
      onDelete: "archive",
    });
    const member = await api(`${PATH}/test`, { method: "POST", token: admin, body: body(world.alice) });
    expect(member.status, member.text).toBe(200);
    expect(checksOf(member.body).Administrator).toMatchObject({ ok: false, message: expect.stringMatching(/member of the workspace labs \(member\) but not an administrator/) });
    const owner = await api(`${PATH}/test`, { method: "POST", token: admin, body: body(world.service) });
    expect(owner.body.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    const applied = await api(PATH, { method: "PUT", token: admin, body: body(world.service) });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body).toMatchObject({ type: "bitbucket", organization: "labs", username: world.service.email, hasAuthToken: true });
    expect((await api(PATH, { token: admin })).text).not.toContain(world.service.token);
    // The GitHub settings applied before are the page's again, as the file test below expects.
    expect((await api(PATH, { method: "PUT", token: admin, body: githubBody({ name: "Renamed" }) })).status).toBe(200);
  });

  it("takes the settings from the file, read-only (409 on PUT), and keeps the last good ones while the file is broken", async () => {
    const good = `vcs:\n  type: gitlab\n  name: From the file\n  url: ${gitlab.apiRoot}\n  credentialHostname: ${new URL(gitlab.url).host}\n  organization: labs\n  username: svc-benchtop\n  authToken: \${BENCHTOP_UNSET_FOR_TEST}\n`;
    // A token from an unset variable: the file is invalid before it was ever good, so the page's settings stay.
    fs.writeFileSync(configFile(), good);
    const neverGood = await api(PATH, { token: admin });
    expect(neverGood.body).toMatchObject({ source: "file", type: "github", problem: expect.stringMatching(/BENCHTOP_UNSET_FOR_TEST/) });

    fs.writeFileSync(configFile(), good.replace("${BENCHTOP_UNSET_FOR_TEST}", gitlab.groupWorld.service.token));
    const fromFile = await api(PATH, { token: admin });
    expect(fromFile.body).toMatchObject({ source: "file", file: configFile(), type: "gitlab", name: "From the file" });
    expect(fromFile.body.problem).toBeUndefined();
    const put = await api(PATH, { method: "PUT", token: admin, body: { type: "internal" } });
    expect(put.status).toBe(409);
    expect(put.body.error.message).toContain("benchtop.yaml");

    fs.writeFileSync(configFile(), "vcs:\n  type: gitlab\n  url: [broken\n");
    const broken = await api(PATH, { token: admin });
    expect(broken.body).toMatchObject({ source: "file", type: "gitlab", name: "From the file", problem: expect.stringMatching(/not valid YAML/) });
    fs.rmSync(configFile());
    expect((await api(PATH, { token: admin })).body).toMatchObject({ source: "settings", type: "github" });
  });
});
