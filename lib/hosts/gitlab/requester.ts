// gitbeaker's transport, replaced: @gitbeaker/rest calls the global fetch (with
// retries on 429 and 502), which would bypass Benchtop's network policy and
// hide rate limits. Its `requesterFn` option is the documented hook for a
// custom transport, so requests go through the fetch given here (createSafeFetch()).
import type { Projects } from "@gitbeaker/rest";

type ResourceConfig = ConstructorParameters<typeof Projects>[0];
/** The `requesterFn` option every gitbeaker resource accepts. */
export type GitLabRequesterFn = NonNullable<ResourceConfig["requesterFn"]>;
type ResourceOptions = Parameters<GitLabRequesterFn>[0];
type Requester = ReturnType<GitLabRequesterFn>;
type RequestOptions = NonNullable<Parameters<Requester["get"]>[1]>;

/** A GitLab answer that was not a success (status >= 300), with its parsed body. */
export class GitLabHttpError extends Error {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;

  constructor({ status, headers, body }: { status: number; headers: Headers; body: unknown }) {
    super(`GitLab answered HTTP ${status}`);
    this.name = "GitLabHttpError";
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}

/** GitLab's REST API is snake_case; gitbeaker hands over camelCase option names. */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function appendQuery(target: URLSearchParams, params: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) target.append(`${snake(key)}[]`, String(item));
    else target.append(snake(key), String(value));
  }
}

/** GitLab's REST API takes snake_case bodies, as gitbeaker's own requester sends them (keys only, at any depth). */
function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [snake(key), snakeKeys(item)]));
}

/** The resource's own path prefix (e.g. "groups" for GroupMembers), which gitbeaker keeps in the resource's URL rather than in each endpoint. */
const prefixOf = (resourceUrl: string) => (/\/api\/v4\/(.*)$/.exec(resourceUrl)?.[1] ?? "").replace(/^\/+|\/+$/g, "");

async function readBody(response: Response): Promise<unknown> {
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (response.status === 204) return null;
  if (type === "application/json") {
    const text = await response.text();
    return text ? JSON.parse(text) : {};
  }
  if (response.status >= 300) return response.text();
  // File contents stay bytes whatever their type, so binary files survive.
  return response.blob();
}

/**
 * A gitbeaker `requesterFn` sending every request to `apiRoot` (GitLab's
 * /api/v4 root, taken as given so that BENCHTOP_GITLAB_API_URL works with any
 * path) through `fetch`. Answers of 300 and above throw GitLabHttpError;
 * nothing is retried.
 */
export function createGitLabRequesterFn({ apiRoot, fetch }: { apiRoot: string; fetch: typeof globalThis.fetch }): GitLabRequesterFn {
  const root = apiRoot.replace(/\/+$/, "");
  return (resource: ResourceOptions): Requester => {
    const prefix = prefixOf(resource.url);
    const send =
      (method: string) =>
      async (endpoint: string, options: RequestOptions = {}) => {
        const url = new URL(`${root}/${prefix ? `${prefix}/` : ""}${endpoint.replace(/^\/+/, "")}`);
        appendQuery(url.searchParams, options.searchParams);
        const headers: Record<string, string> = { ...resource.headers, accept: "application/json, */*" };
        for (const [name, value] of Object.entries(resource.authHeaders)) headers[name] = await value();
        let body: string | undefined;
        if (options.body && !(options.body instanceof FormData)) {
          body = JSON.stringify(snakeKeys(options.body));
          headers["content-type"] = "application/json";
        }
        const response = await fetch(url, { method, headers, body, signal: options.signal });
        const parsed = await readBody(response);
        if (response.status >= 300) throw new GitLabHttpError({ status: response.status, headers: response.headers, body: parsed });
        return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: parsed };
      };
    // gitbeaker's requester methods are generic in the body type; the answers are validated with zod by the adapter.
    return { get: send("GET"), post: send("POST"), put: send("PUT"), patch: send("PATCH"), delete: send("DELETE") } as unknown as Requester;
  };
}
