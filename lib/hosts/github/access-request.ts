// Where a GitHub user asks an organization to let Benchtop's app in, and the
// GitHub App's installations that say where it is in already.
//
// - OAuth App: the authorized app's page in the user's settings
//   (Settings → Applications → Authorized OAuth Apps → the app), which lists
//   the organizations with "Request access" beside each restricted one:
//   {origin}/settings/connections/applications/{client_id}.
// - GitHub App: its public installation page, where an organization member
//   without the right to install it sends the owners a request:
//   {origin}/apps/{app-slug}/installations/new. The slug is read from the
//   app's installations the user can see (GET /user/installations); with none
//   to read it from, the authorized app's settings page, which links to the app.
// GitHub Enterprise Server has the same pages on its own origin.
import type { Octokit } from "@octokit/rest";
import { z } from "zod";
import type { AccessRequest } from "../../errors";
import { HostError } from "../errors";
import type { HostApp } from "../types";
import { restrictedError } from "./organization-restriction";
import type { FailureContext } from "./to-host-error";

const installationListSchema = z.object({
  installations: z.array(
    z.object({
      id: z.number(),
      app_slug: z.string(),
      target_type: z.string(),
      // A user or organization has a login; an enterprise a slug.
      account: z.object({ login: z.string().optional() }).nullable(),
    }),
  ),
});

export type AppInstallation = { id: number; account: string | null; targetType: string };

/**
 * The GitHub App's slug (null when no installation says it) and its
 * installations the user can reach: one page of 100, more than one app is
 * installed on for anyone.
 */
export async function listAppInstallations(octokit: Octokit): Promise<{ slug: string | null; installations: AppInstallation[] }> {
  const answer = await octokit.request("GET /user/installations", { per_page: 100 });
  const { installations } = installationListSchema.parse(answer.data);
  return {
    slug: installations[0]?.app_slug ?? null,
    installations: installations.map((item) => ({ id: item.id, account: item.account?.login ?? null, targetType: item.target_type })),
  };
}

const authorizedAppPage = (origin: string, app: HostApp) => `${origin}/settings/connections/applications/${encodeURIComponent(app.clientId)}`;

/** GitHub's page for asking an organization to let `app` in (see the top of this file). */
export function accessRequestUrl({ origin, app, slug }: { origin: string; app: HostApp; slug: string | null }): string {
  if (app.kind === "github-app" && slug) return `${origin}/apps/${encodeURIComponent(slug)}/installations/new`;
  return authorizedAppPage(origin, app);
}

/** The GitHub App's installation settings on a user's own account, where they choose the repositories it may read. */
export const installationSettingsUrl = (origin: string, id: number) => `${origin}/settings/installations/${id}`;

/** The app's slug, or null when GitHub will not say (the lookup is a help, never a new failure). */
async function slugOf(octokit: Octokit, app: HostApp): Promise<string | null> {
  if (app.kind !== "github-app") return null;
  return listAppInstallations(octokit).then(
    ({ slug }) => slug,
    () => null,
  );
}

export type AccessContext = { octokit: Octokit; origin: string; app: HostApp | null };

/**
 * Completes a GitHub failure for a connection's app: an organization's
 * restriction gains the page to ask on (`accessRequest`). A GitHub App's 404
 * for an account it is not installed on (GitHub answers a private
 * repository there as missing) becomes that restriction too, since installing
 * the app is what the user needs. Anything else is returned as it is.
 */
export async function withAccessRequest(error: HostError, context: FailureContext, { octokit, origin, app }: AccessContext): Promise<HostError> {
  if (!app) return error;
  if (error.code === "organization_restricted" && error.restriction) {
    const accessRequest: AccessRequest = { ...error.restriction, url: accessRequestUrl({ origin, app, slug: await slugOf(octokit, app) }) };
    return new HostError(error.code, error.message, { restriction: error.restriction, accessRequest, cause: error.cause });
  }
  if (error.code !== "not_found" || app.kind !== "github-app" || !context.owner) return error;
  const owner = context.owner.toLowerCase();
  const found = await listAppInstallations(octokit).catch(() => null);
  if (!found || found.installations.some((i) => i.account?.toLowerCase() === owner)) return error;
  const restriction = { kind: "github-app" as const, organization: context.owner };
  const restricted = restrictedError({ restriction, host: context.host, subject: context.subject, cause: error });
  return new HostError(restricted.code, restricted.message, { restriction, accessRequest: { ...restriction, url: accessRequestUrl({ origin, app, slug: found.slug }) }, cause: error });
}
