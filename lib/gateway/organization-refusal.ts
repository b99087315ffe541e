// A GitHub organization that keeps Benchtop's app out, as git hears it: a 403
// whose text names OAuth App access restrictions, or a GitHub App's token
// refused with "Resource not accessible by integration" (read the same way as
// the REST API's answers, lib/hosts/github/organization-restriction.ts). Said
// in words that point to the page where the user asks the organization in.
import { restrictedAppOf } from "../hosts/github";
import type { GatewayRefusalCode } from "../workspace/gateway-refusal";

/**
 * The refusal for a GitHub organization's restriction of Benchtop's app, or
 * null when the host's text names none. `kept` is what the session says about
 * the user's work.
 */
export function organizationRefusal({ host, pushing, upstreamText, kept }: { host: string; pushing: boolean; upstreamText: string; kept: string }): { code: GatewayRefusalCode; message: string } | null {
  const restricted = restrictedAppOf(upstreamText);
  if (!restricted) return null;
  const code: GatewayRefusalCode = pushing ? "push_refused" : "read_refused";
  if (restricted.kind === "oauth-app") {
    const organization = restricted.named ? `The ${restricted.named} organization` : "The repository's organization";
    return {
      code,
      message: `${organization} on ${host} restricts OAuth App access and has not approved Benchtop's app. Ask its owners to approve it: on ${host}, Settings → Applications → Authorized OAuth Apps, Benchtop's app, Request access next to the organization (the Repository field of Add repository links there). Once they have, try again. ${kept}`,
    };
  }
  return {
    code,
    message: `Benchtop's GitHub App is not installed on this repository's organization at ${host}, or not given this repository. Ask the organization's owners to install it and give it the repository (the Repository field of Add repository offers Request access), then try again. ${kept}`,
  };
}
