import { Agent, fetch as undiciFetch } from "undici";
import { safeLookup } from "./network-policy";

/**
 * fetch for talking to git hosts on a user's behalf: every connection resolves
 * through `safeLookup` (no private addresses unless listed), and requests time
 * out instead of hanging a page. Redirects are not followed: a host answering
 * 3xx for an API call has moved the repository, which adapters report.
 */
export function createSafeFetch({ timeoutMs = 20_000 } = {}): typeof fetch {
  const dispatcher = new Agent({ connect: { lookup: safeLookup, timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  return ((input: RequestInfo | URL, init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
      redirect: "manual",
    })) as unknown as typeof fetch;
}
