// The plain JSON requests of the account lookups that use no provider client
// (GitLab's and Bitbucket's), with their failures in words that say what to fix.
import { HostError } from "./errors";
import { toHostError as toNetworkHostError } from "./github/to-host-error";

const noop = () => {};

/** A failed answer of an account lookup; `name` is the product ("GitLab", "Bitbucket"). */
export function accountStatusError(name: string, host: string, response: Response): HostError {
  if (response.status === 401) return new HostError("bad_credentials", `${name} at ${host} refused the token: it is wrong, expired or revoked. Create a new token and give it here.`);
  if (response.status === 429) return new HostError("rate_limited", `${name} at ${host} is limiting requests for this token. Try again later.`, { resetAt: new Date(Date.now() + 60_000) });
  if (response.status === 403) return new HostError("no_permission", `${name} at ${host} refused to say whose token this is. Give a token that may read its own account (GitLab: read_user or api; Bitbucket: account read).`);
  if (response.status === 404) return new HostError("not_found", `${host} does not answer like ${name}. Check the host and the provider.`);
  return new HostError("upstream", `${name} at ${host} answered with an error (${response.status}). Try again later.`);
}

/** A network failure (refused, unresolvable, TLS) of an account lookup, worded as every adapter words it. */
export const accountNetworkError = (error: unknown, host: string): HostError => toNetworkHostError(error, { host, subject: "The token's account" });

export async function cancelBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(noop);
}

export async function getAccountJson({ url, init, fetch, name, host }: { url: string; init: RequestInit; fetch: typeof globalThis.fetch; name: string; host: string }): Promise<{ body: Record<string, unknown>; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw accountNetworkError(error, host);
  }
  if (!response.ok) {
    await cancelBody(response);
    throw accountStatusError(name, host, response);
  }
  try {
    return { body: (await response.json()) as Record<string, unknown>, headers: response.headers };
  } catch (error) {
    throw new HostError("upstream", `${host} answered in a shape Benchtop does not understand. Check the host and the provider.`, { cause: error });
  }
}
