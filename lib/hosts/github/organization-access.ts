// Which of the user's organizations keep a connection's app out, for the
// Repository autocomplete: GitHub leaves their private repositories out of
// GET /user/repos without a word, so the listing alone cannot tell "you have
// none there" from "the organization has not let Benchtop in".
//
// - OAuth App: each organization the user belongs to (GET /user/orgs) is asked
//   for one repository (GET /orgs/{org}/repos); an organization with OAuth App
//   access restrictions that has not approved the app answers 403 naming them.
// - GitHub App: the organizations without one of the app's installations
//   (GET /user/installations) are the ones it cannot read.
//
// The user's organizations are those GET /user/orgs lists (for an OAuth token
// with read:org, all of them; for a GitHub App's token, only those where the
// app is installed) and those where their membership is public
// (GET /users/{username}/orgs, readable by any token).
import type { Octokit } from "@octokit/rest";
import { z } from "zod";
import type { AccessRequest } from "../../errors";
import type { CheckOrganizationAccessOptions, HostApp, OrganizationAccess } from "../types";
import { accessRequestUrl, installationSettingsUrl, listAppInstallations } from "./access-request";
import { createOctokit } from "./octokit";
import { restrictionOf } from "./organization-restriction";

/** More than anyone belongs to; the probes are one request each. */
const MAX_ORGANIZATIONS = 50;
const PROBES_AT_ONCE = 5;

const organizationListSchema = z.array(z.object({ login: z.string() }));

/** The logins an organization listing names, or none when GitHub will not list them. */
async function logins(list: Promise<{ data: unknown }>): Promise<string[]> {
  try {
    return organizationListSchema.parse((await list).data).map((org) => org.login);
  } catch {
    return [];
  }
}

/**
 * The user's organizations, as far as GitHub shows them: an OAuth token needs
 * `read:org` or `user` for GET /user/orgs (connections made before Benchtop
 * asked for `read:org` get a 403 and see public memberships only); a GitHub
 * App's token lists only organizations where the app is installed.
 */
async function listOrganizations(octokit: Octokit, login: string): Promise<string[]> {
  const [listed, public_] = await Promise.all([
    logins(octokit.rest.orgs.listForAuthenticatedUser({ per_page: MAX_ORGANIZATIONS })),
    logins(octokit.rest.orgs.listForUser({ username: login, per_page: MAX_ORGANIZATIONS })),
  ]);
  const seen = new Map([...listed, ...public_].map((org) => [org.toLowerCase(), org]));
  return [...seen.values()].slice(0, MAX_ORGANIZATIONS);
}

/** True when the organization answers with GitHub's OAuth App access restriction. */
async function restrictsOAuthApps(octokit: Octokit, org: string): Promise<boolean> {
  try {
    await octokit.rest.repos.listForOrg({ org, per_page: 1 });
    return false;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    return status === 403 && restrictionOf(error instanceof Error ? error.message : "", org)?.kind === "oauth-app";
  }
}

async function filterInBatches(items: string[], keep: (item: string) => Promise<boolean>): Promise<string[]> {
  const kept: string[] = [];
  for (let i = 0; i < items.length; i += PROBES_AT_ONCE) {
    const batch = items.slice(i, i + PROBES_AT_ONCE);
    const answers = await Promise.all(batch.map(keep));
    kept.push(...batch.filter((_, j) => answers[j]));
  }
  return kept;
}

const requestsFor = (organizations: string[], kind: HostApp["kind"], url: string): AccessRequest[] => organizations.map((organization) => ({ kind, organization, url }));

/**
 * The organizations that keep the connection's app out, each with GitHub's
 * page for asking, the same page for any other organization, and for a
 * GitHub App where the user edits the repositories it may read (their own
 * account's installation settings, or the page to install it on their
 * account). Nothing for a personal access token.
 */
export async function checkGitHubOrganizationAccess({ origin, apiRoot, token, app, login, fetch }: CheckOrganizationAccessOptions): Promise<OrganizationAccess> {
  if (!app) return { accessRequests: [], permissionsUrl: null, requestAccess: null };
  const octokit = createOctokit({ apiRoot, token, fetch });
  const organizations = await listOrganizations(octokit, login);
  if (app.kind === "oauth-app") {
    const restricted = await filterInBatches(organizations, (org) => restrictsOAuthApps(octokit, org));
    const url = accessRequestUrl({ origin, app, slug: null });
    return { accessRequests: requestsFor(restricted, "oauth-app", url), permissionsUrl: null, requestAccess: { kind: "oauth-app", url } };
  }
  const { slug, installations } = await listAppInstallations(octokit);
  const installedOn = new Set(installations.map((i) => i.account?.toLowerCase()));
  const url = accessRequestUrl({ origin, app, slug });
  const own = installations.find((i) => i.targetType === "User" && i.account?.toLowerCase() === login.toLowerCase());
  return {
    accessRequests: requestsFor(organizations.filter((org) => !installedOn.has(org.toLowerCase())), "github-app", url),
    permissionsUrl: own ? installationSettingsUrl(origin, own.id) : url,
    requestAccess: { kind: "github-app", url },
  };
}
