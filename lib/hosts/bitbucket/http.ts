// What the Cloud and Server clients share: how requests leave (through the safe
// fetch, with the token), how file paths are put in URLs, and how failures map.
import type { createBitbucketCloudClient } from "@coderabbitai/bitbucket/cloud";
import { HostError } from "../errors";
import { type Flavor, answerToHostError, toHostError } from "./to-host-error";

type Middleware = Parameters<ReturnType<typeof createBitbucketCloudClient>["use"]>[0];

/** Who is asking about what, for error messages. */
export type RequestContext = { flavor: Flavor; host: string; subject: string };

/**
 * Options for an openapi-fetch client. openapi-fetch hands fetch a global
 * Request; the safe fetch is undici's own, which does not accept a Request of
 * another realm, so the request is passed on as URL and init.
 */
export function clientOptions({ baseUrl, token, fetchImpl, authorization }: { baseUrl: string; token: string | null; fetchImpl: typeof fetch; authorization?: string }) {
  // A token goes as Bearer; a caller that signs in otherwise (Cloud's Basic user:token) gives the whole header.
  const auth = authorization ?? (token ? `Bearer ${token}` : undefined);
  return {
    baseUrl,
    headers: { Accept: "application/json", ...(auth ? { Authorization: auth } : {}) },
    fetch: async (request: Request) => {
      // The organization side sends JSON bodies (create, archive); reads send none.
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : (await request.text()) || undefined;
      return fetchImpl(request.url, { method: request.method, headers: Object.fromEntries(request.headers.entries()), body });
    },
  };
}

/**
 * openapi-fetch encodes a path parameter as one segment ("src%2Fapp.py"); both
 * Bitbucket products expect a file path's slashes as they are (Server's Tomcat
 * refuses encoded slashes), so the `path` parameter keeps them.
 */
export const keepSlashesInPath: Middleware = {
  onRequest({ request, params }) {
    const value = (params.path as Record<string, unknown> | undefined)?.path;
    if (typeof value !== "string" || !value.includes("/")) return undefined;
    const url = new URL(request.url);
    const encoded = encodeURIComponent(value);
    const at = url.pathname.lastIndexOf(encoded);
    if (at === -1) return undefined;
    url.pathname = url.pathname.slice(0, at) + value.split("/").map(encodeURIComponent).join("/") + url.pathname.slice(at + encoded.length);
    return new Request(url, request);
  },
};

type Result = { data?: unknown; error?: unknown; response: Response };

/** Runs one client call; throws a HostError unless the answer is a 2xx. */
export async function send(context: RequestContext, run: () => Promise<Result>): Promise<{ data: unknown; response: Response }> {
  let result: Result;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new HostError("upstream", `Bitbucket answered in an unexpected form for ${context.subject}. Check that the address points at a Bitbucket repository.`, { cause: error });
    }
    throw toHostError({ flavor: context.flavor, error, host: context.host });
  }
  if (!result.response.ok) throw answerToHostError({ flavor: context.flavor, response: result.response, body: result.error, subject: context.subject });
  return { data: result.data, response: result.response };
}

/** Scopes from the `x-oauth-scopes` header Bitbucket Cloud sends for OAuth and access tokens; null when absent. */
export function scopesOf(headers: Headers): string[] | null {
  const header = headers.get("x-oauth-scopes");
  if (header === null) return null;
  return header.split(/[\s,]+/).filter(Boolean);
}
