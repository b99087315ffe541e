// GitHub's 403s that mean an organization keeps the app out, told apart from
// its other 403s, and the page each app's user is sent to (github.com and
// GitHub Enterprise Server), through the adapter with a stubbed fetch.
import { describe, expect, it } from "vitest";
import { parseRepoLocation } from "../location";
import type { HostApp } from "../types";
import { hostFailureOf } from "../test-support/host-failure";
import { createGitHubAdapter } from "./create-github-adapter";
import { restrictedAppOf, restrictionOf } from "./organization-restriction";

/** Verbatim from api.github.com, GET /repos/{owner}/{repo} of a restricting organization. */
const OAUTH_RESTRICTED =
  "Although you appear to have the correct authorization credentials, the `acme` organization has enabled OAuth App access restrictions, meaning that data access to third-parties is limited. For more information on these restrictions, including how to enable this app, visit https://docs.github.com/articles/restricting-access-to-your-organization-s-data/";

const oauthApp: HostApp = { kind: "oauth-app", clientId: "Ov23liAbCdEf012345" };
const githubApp: HostApp = { kind: "github-app", clientId: "Iv23liAbCdEf012345" };

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** An adapter whose fetch answers by path (first matching pattern), recording what was asked. */
function routed(routes: [RegExp, Answer][], { app = null, location = "https://github.com/acme/models" }: { app?: HostApp | null; location?: string } = {}) {
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    const path = new URL(String(url)).pathname;
    asked.push(path);
    const answer = routes.find(([pattern]) => pattern.test(path))?.[1] ?? { status: 404, body: { message: "Not Found" } };
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status, headers: { "content-type": "application/json; charset=utf-8", ...answer.headers } });
  }) as unknown as typeof globalThis.fetch;
  const provider = location.startsWith("https://github.com/") ? "github" : "github-enterprise";
  return { adapter: createGitHubAdapter({ location: parseRepoLocation({ provider, location }), token: "t", app, fetch }), asked };
}


const installations = (...items: { account: string; type?: string }[]) => ({
  status: 200,
  body: { total_count: items.length, installations: items.map((item, i) => ({ id: 100 + i, app_slug: "benchtop-lab", target_type: item.type ?? "Organization", account: { login: item.account } })) },
});

describe("reading GitHub's 403 messages", () => {
  it("names the organization of an OAuth App restriction, and the owner for a GitHub App's refusal", () => {
    expect(restrictionOf(OAUTH_RESTRICTED)).toEqual({ kind: "oauth-app", organization: "acme" });
    expect(restrictionOf(`${OAUTH_RESTRICTED} - https://docs.github.com/rest/repos/repos#get-a-repository`, "other")).toEqual({ kind: "oauth-app", organization: "acme" });
    expect(restrictionOf("Resource not accessible by integration", "acme")).toEqual({ kind: "github-app", organization: "acme" });
    expect(restrictedAppOf("Resource not accessible by integration")).toEqual({ kind: "github-app", named: null });
    // Without anything naming the organization there is no restriction to report.
    expect(restrictionOf("Resource not accessible by integration")).toBeNull();
  });

  it("leaves GitHub's other 403s alone", () => {
    for (const message of ["Resource not accessible by personal access token", "Resource protected by organization SAML enforcement.", "Must have admin rights to Repository.", "API rate limit exceeded for user ID 1."]) {
      expect(restrictedAppOf(message), message).toBeNull();
    }
  });
});

describe("an organization keeping the connection's app out", () => {
  it("OAuth App: organization_restricted with the authorized app's settings page to request access on", async () => {
    const { adapter } = routed([[/^\/repos\/acme\/models$/, { status: 403, body: { message: OAUTH_RESTRICTED, documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository", status: "403" } }]], { app: oauthApp });
    const error = await hostFailureOf(adapter.getRepo());
    expect(error.code).toBe("organization_restricted");
    expect(error.apiCode).toBe("upstream_error");
    expect(error.message).toBe(
      "The acme organization on github.com restricts OAuth App access and has not approved Benchtop's app, so the repository acme/models cannot be read with your connection. Use Request access to ask the organization's owners to approve it (on github.com: Settings → Applications → Authorized OAuth Apps, Benchtop's app, Request access next to the organization); once they have, try again.",
    );
    expect(error.accessRequest).toEqual({ kind: "oauth-app", organization: "acme", url: "https://github.com/settings/connections/applications/Ov23liAbCdEf012345" });
    expect(error.toJSON()).toEqual({ error: { code: "upstream_error", message: error.message, accessRequest: error.accessRequest } });
  });

  it("GitHub Enterprise Server: the same pages on the server's own origin", async () => {
    const { adapter } = routed([[/\/repos\/acme\/models\/branches$/, { status: 403, body: { message: OAUTH_RESTRICTED } }]], { app: oauthApp, location: "https://ghe.example.com/acme/models" });
    expect((await hostFailureOf(adapter.listBranches())).accessRequest?.url).toBe("https://ghe.example.com/settings/connections/applications/Ov23liAbCdEf012345");
    const app = routed(
      [
        [/\/user\/installations$/, installations({ account: "octocat", type: "User" })],
        [/\/repos\/acme\/models/, { status: 403, body: { message: "Resource not accessible by integration" } }],
      ],
      { app: githubApp, location: "https://ghe.example.com/acme/models" },
    );
    expect((await hostFailureOf(app.adapter.listFiles({}))).accessRequest).toEqual({ kind: "github-app", organization: "acme", url: "https://ghe.example.com/apps/benchtop-lab/installations/new" });
  });

  it("GitHub App: 403 Resource not accessible by integration asks for the app's installation page, its slug read from the user's installations", async () => {
    const { adapter, asked } = routed(
      [
        [/^\/user\/installations$/, installations({ account: "octocat", type: "User" })],
        [/^\/repos\/acme\/models$/, { status: 403, body: { message: "Resource not accessible by integration" } }],
      ],
      { app: githubApp },
    );
    const error = await hostFailureOf(adapter.getRepo());
    expect(error.code).toBe("organization_restricted");
    expect(error.message).toMatch(/^Benchtop's GitHub App is not installed on acme at github\.com, or not given access to the repository acme\/models\. Use Request access/);
    expect(error.accessRequest).toEqual({ kind: "github-app", organization: "acme", url: "https://github.com/apps/benchtop-lab/installations/new" });
    expect(asked).toEqual(["/repos/acme/models", "/user/installations"]);
  });

  it("GitHub App: a 404 where the app has no installation is the same restriction; where it has one, a 404 stays not found", async () => {
    const uninstalled = routed([[/^\/user\/installations$/, installations({ account: "octocat", type: "User" })]], { app: githubApp });
    const restricted = await hostFailureOf(uninstalled.adapter.getRepo());
    expect(restricted.code).toBe("organization_restricted");
    expect(restricted.accessRequest?.url).toBe("https://github.com/apps/benchtop-lab/installations/new");
    const installed = routed([[/^\/user\/installations$/, installations({ account: "ACME" })]], { app: githubApp });
    expect((await hostFailureOf(installed.adapter.getRepo())).code).toBe("not_found");
  });

  it("without the app's slug, the authorized app's settings page, which links to the app", async () => {
    const { adapter } = routed(
      [
        [/^\/user\/installations$/, { status: 200, body: { total_count: 0, installations: [] } }],
        [/^\/repos\/acme\/models$/, { status: 403, body: { message: "Resource not accessible by integration" } }],
      ],
      { app: githubApp },
    );
    expect((await hostFailureOf(adapter.getRepo())).accessRequest?.url).toBe("https://github.com/settings/connections/applications/Iv23liAbCdEf012345");
  });

  it("a personal access token gets the words but no app page; GitHub's other refusals are unchanged", async () => {
    const { adapter, asked } = routed([[/^\/repos\/acme\/models$/, { status: 403, body: { message: OAUTH_RESTRICTED } }]]);
    const error = await hostFailureOf(adapter.getRepo());
    expect(error.code).toBe("organization_restricted");
    expect(error.accessRequest).toBeUndefined();
    expect(asked).toEqual(["/repos/acme/models"]);
    const pat = routed([[/^\/repos\/acme\/models$/, { status: 403, body: { message: "Resource not accessible by personal access token" } }]], { app: oauthApp });
    expect((await hostFailureOf(pat.adapter.getRepo())).code).toBe("no_permission");
    const missing = routed([], { app: oauthApp });
    expect((await hostFailureOf(missing.adapter.getRepo())).code).toBe("not_found");
    expect(missing.asked).toEqual(["/repos/acme/models"]);
  });
});
