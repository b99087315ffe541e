import { Octokit } from "@octokit/rest";
import { createSafeFetch } from "../safe-fetch";

const noop = () => {};

/**
 * An Octokit client for one API root and credential, through the safe fetch
 * (no private addresses, no redirects followed, time limits). Failures are
 * thrown and turned into HostErrors by the caller; Octokit need not print them.
 */
export function createOctokit({ apiRoot, token, fetch }: { apiRoot: string; token?: string | null; fetch?: typeof globalThis.fetch }): Octokit {
  return new Octokit({
    baseUrl: apiRoot.replace(/\/+$/, ""),
    auth: token ?? undefined,
    userAgent: "Benchtop",
    request: { fetch: fetch ?? createSafeFetch(), redirect: "manual" },
    log: { debug: noop, info: noop, warn: console.warn.bind(console), error: noop },
  });
}
