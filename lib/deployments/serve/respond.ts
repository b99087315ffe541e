import type { Readable } from "node:stream";

/**
 * An answer for the deployment route to send as it is. Header names are lower
 * case. `body` is null for HEAD, 304 and redirects; a Readable (large files,
 * streamed from git) must be sent or destroyed.
 */
export type DeployedResponse = { status: number; headers: Record<string, string>; body: Buffer | string | Readable | null };

/** What every answer depends on besides its content. */
export type Exchange = { method: "GET" | "HEAD"; sandbox: boolean; ifNoneMatch?: string | null };

/**
 * Deployed content runs in an opaque origin: its scripts run, forms submit and
 * links open windows, but it can neither read Benchtop's cookies or storage nor
 * call Benchtop as the signed-in user (requests it makes carry no origin of
 * Benchtop's, and the browser sends no SameSite cookies with them).
 */
export const SANDBOX_POLICY = "sandbox allow-scripts allow-forms allow-popups";

/** Every answer, rendered or not: no type sniffing, no referrer to other sites. */
function commonHeaders({ sandbox }: Exchange, pagePolicy: string | null): Record<string, string> {
  const policies = [pagePolicy, sandbox ? SANDBOX_POLICY : null].filter(Boolean);
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...(policies.length ? { "content-security-policy": policies.join("; ") } : {}),
  };
}

/** If-None-Match's entity tags (weak comparison, as RFC 9110 asks for this header). */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.replace(/^W\//, "");
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === opaque(etag));
}

type Content = {
  status?: number;
  contentType: string;
  /** Or a blob's length and how to read it, read only when the body is sent (not for 304 or HEAD). */
  body: Buffer | string | { length: number; read: () => Promise<Buffer | Readable> };
  /** Strong, quoted. Content with an entity tag is revalidated (no-cache) and answered 304 when unchanged. */
  etag?: string;
  /** The policy of Benchtop's rendered pages, before the sandbox (none for files served as they are). */
  pagePolicy?: string | null;
};

/**
 * An answer with content: the common headers, length and entity tag, 304 when
 * the browser holds this version, headers only for HEAD. Nothing is cached
 * without revalidation: private deployments are checked on every request.
 */
export async function respond(exchange: Exchange, content: Content): Promise<DeployedResponse> {
  const headers: Record<string, string> = {
    ...commonHeaders(exchange, content.pagePolicy ?? null),
    "cache-control": "no-cache",
    ...(content.etag ? { etag: content.etag } : {}),
  };
  if (content.etag && matchesEtag(exchange.ifNoneMatch, content.etag)) return { status: 304, headers, body: null };
  const { body } = content;
  const inMemory = typeof body === "string" || Buffer.isBuffer(body);
  headers["content-type"] = content.contentType;
  headers["content-length"] = String(inMemory ? Buffer.byteLength(body) : body.length);
  const sent = exchange.method === "HEAD" ? null : inMemory ? body : await body.read();
  return { status: content.status ?? 200, headers, body: sent };
}

/** 308 to the folder form of a path (`docs` -> `docs/`), so that the folder's relative links resolve inside it. */
export function redirect(exchange: Exchange, location: string): DeployedResponse {
  return { status: 308, headers: { ...commonHeaders(exchange, null), "cache-control": "no-cache", location }, body: null };
}
