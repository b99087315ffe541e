// A GitHub organization that keeps an app out, over Benchtop's HTTP API and
// its git gateway, against the GitHub emulator's organization access rules:
// a token an OAuth App issued, given as a repository's own token, meets the
// organization's OAuth App access restrictions in Test, browsing and git, each
// saying so in Benchtop's words; a personal access token is not affected, and
// a token connection's listing names no organization (no app to let in).
// (Connections made by authorizing Benchtop's app, which carry accessRequest,
// are covered in lib/connections/organization-access.test.ts and the browser
// test e2e/github-organization-access.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { api, baseUrl, createUser, signInBrowser, unique, type TestUser } from "../helpers/api";

let emulator: GitHubEmulatorProcess;
let host: string;
let user: TestUser;

beforeAll(async () => {
  emulator = await startGitHubEmulatorProcess();
  host = new URL(emulator.url).host;
  user = await createUser();
});
afterAll(async () => emulator?.stop());

const RESTRICTED = /^The guarded organization on 127\.0\.0\.1:\d+ restricts OAuth App access and has not approved Benchtop's app/;
const body = (token: string) => ({ provider: "github-enterprise", name: unique("forecasts-"), location: `${emulator.url}/${emulator.accessWorld.restrictedRepo}`, token });

describe("a GitHub organization's OAuth App access restrictions through the API", () => {
  it("Test says the organization restricts OAuth Apps, for a token an OAuth App issued; a personal access token finds the repository", async () => {
    const restricted = await api("/api/v1/repositories/test", { method: "POST", token: user.token, body: body(emulator.accessWorld.tokens.oauthApp) });
    expect(restricted.status, restricted.text).toBe(200);
    expect(restricted.body.ok).toBe(false);
    expect(restricted.body.message).toMatch(RESTRICTED);
    // A repository's own token: Benchtop does not know which app issued it, so there is no page to offer.
    expect(restricted.body.accessRequest).toBeUndefined();
    expect(restricted.text).not.toContain("Although you appear");

    const personal = await api("/api/v1/repositories/test", { method: "POST", token: user.token, body: body(emulator.accessWorld.tokens.personal) });
    expect(personal.body).toMatchObject({ ok: true, repository: { fullName: emulator.accessWorld.restrictedRepo, canPush: true } });
  });

  it("browsing a registered repository answers 502 upstream_error in the same words", async () => {
    const created = await api("/api/v1/repositories", { method: "POST", token: user.token, body: body(emulator.accessWorld.tokens.oauthApp) });
    expect(created.status, created.text).toBe(201);
    expect(created.body.lastTest).toMatchObject({ ok: false, message: expect.stringMatching(RESTRICTED) });
    const files = await api(`/api/v1/repositories/${created.body.id}/files`, { token: user.token });
    expect(files.status, files.text).toBe(502);
    expect(files.body.error.code).toBe("upstream_error");
    expect(files.body.error.message).toMatch(RESTRICTED);
  });

  it("the gateway answers git's 403 with the organization named and where to request access", async () => {
    const created = await api("/api/v1/repositories", { method: "POST", token: user.token, body: body(emulator.accessWorld.tokens.oauthApp) });
    expect(created.status, created.text).toBe(201);
    const cookie = await signInBrowser(user);
    const advertised = await fetch(`${baseUrl()}/proxy/${host}/${emulator.accessWorld.restrictedRepo}.git/info/refs?service=git-upload-pack`, {
      headers: { cookie, "sec-fetch-site": "same-origin", origin: baseUrl() },
      redirect: "manual",
    });
    expect(advertised.status).toBe(403);
    expect(advertised.headers.get("x-benchtop-refusal")).toBe("read_refused");
    const text = await advertised.text();
    expect(text).toMatch(RESTRICTED);
    expect(text).toContain("Settings → Applications → Authorized OAuth Apps, Benchtop's app, Request access next to the organization");
  });

  it("a connection made with a personal access token lists the organization's repositories and names no organization", async () => {
    const connected = await api("/api/v1/me/connections", { method: "POST", token: user.token, body: { provider: "github-enterprise", host, token: emulator.accessWorld.tokens.personal } });
    expect(connected.status, connected.text).toBe(201);
    const listing = await api(`/api/v1/me/connections/${connected.body.id}/repositories`, { token: user.token });
    expect(listing.status, listing.text).toBe(200);
    expect(listing.body.repositories.map((r: { fullName: string }) => r.fullName)).toContain(emulator.accessWorld.restrictedRepo);
    expect(listing.body).toMatchObject({ accessRequests: [], permissionsUrl: null });
  });
});
