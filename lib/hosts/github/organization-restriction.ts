// GitHub's two ways of keeping an app out of an organization, read from its
// 403 answers, and the words Benchtop says for each. GitHub gives no error
// code for either: the phrases below are the stable part of its messages.
//
// - OAuth App access restrictions: "Although you appear to have the correct
//   authorization credentials, the `acme` organization has enabled OAuth App
//   access restrictions, meaning that data access to third-parties is
//   limited. ..." (the organization is named between backticks).
// - A GitHub App's token on something its installations do not cover:
//   "Resource not accessible by integration" (the organization is the
//   repository's owner, which the caller knows).
import { HostError, type Restriction } from "../errors";

const OAUTH_RESTRICTED = /organization has enabled OAuth App access restrictions/i;
const ORGANIZATION_NAMED = /the `([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))` organization/;
const NOT_ACCESSIBLE_BY_INTEGRATION = /Resource not accessible by integration/i;

/**
 * Which app a GitHub 403 message says an organization keeps out, and the
 * organization when the message names it (only OAuth App restrictions do);
 * null for any other refusal.
 */
export function restrictedAppOf(message: string): { kind: Restriction["kind"]; named: string | null } | null {
  if (OAUTH_RESTRICTED.test(message)) return { kind: "oauth-app", named: ORGANIZATION_NAMED.exec(message)?.[1] ?? null };
  return NOT_ACCESSIBLE_BY_INTEGRATION.test(message) ? { kind: "github-app", named: null } : null;
}

/**
 * The restriction a GitHub 403 message names, or null. `owner` is the
 * account the request was about (a repository's owner), for the GitHub App
 * answer, which does not name it.
 */
export function restrictionOf(message: string, owner?: string): Restriction | null {
  const restricted = restrictedAppOf(message);
  const organization = restricted?.named ?? owner;
  return restricted && organization ? { kind: restricted.kind, organization } : null;
}

/** Lower-cases the first letter: "The repository acme/x" inside a sentence. */
const inSentence = (subject: string) => subject.charAt(0).toLowerCase() + subject.slice(1);

/**
 * The HostError for a restriction, saying what it means and what to do. The
 * adapter adds the page to ask on (`accessRequest`) when it knows the app.
 */
export function restrictedError({ restriction, host, subject, cause }: { restriction: Restriction; host: string; subject: string; cause?: unknown }): HostError {
  const { kind, organization } = restriction;
  const message =
    kind === "oauth-app"
      ? `The ${organization} organization on ${host} restricts OAuth App access and has not approved Benchtop's app, so ${inSentence(subject)} cannot be read with your connection. Use Request access to ask the organization's owners to approve it (on ${host}: Settings → Applications → Authorized OAuth Apps, Benchtop's app, Request access next to the organization); once they have, try again.`
      : `Benchtop's GitHub App is not installed on ${organization} at ${host}, or not given access to ${inSentence(subject)}. Use Request access to ask the owners of ${organization} to install it (or, if you own it, install it and choose the repositories); once it is, try again.`;
  return new HostError("organization_restricted", message, { restriction, cause });
}
