// HTTP plumbing both emulators' OAuth endpoints share: the parameters of a
// request (query, then a form or JSON body), client credentials, redirects
// back to the client and HTML answers.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Bodies larger than this are refused: OAuth requests are a few hundred bytes. */
const MAX_BODY = 64 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A REST request's JSON body as an object with its types kept (booleans too);
 * null when it is not a JSON object (the emulators answer 400 as the providers do).
 * An empty body is an empty object.
 */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The request's parameters as one record: the query string, overlaid with the
 * body (form-urlencoded, or JSON when the content type says so). Both providers
 * take either, and GitHub also reads the query string of a POST.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, string>> {
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  if (req.method === "GET" || req.method === "HEAD") return params;
  const text = await readBody(req);
  if (!text) return params;
  if ((req.headers["content-type"] ?? "").includes("json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return params;
    }
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed)) if (typeof value === "string" || typeof value === "number") params[key] = String(value);
    }
    return params;
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(text)) };
}

/**
 * The client's id and secret: HTTP Basic (RFC 6749 section 2.3.1, each part
 * form-encoded) when sent, else the `client_id` and `client_secret` parameters.
 */
export function readClientCredentials(req: IncomingMessage, params: Record<string, string>): { clientId: string; clientSecret: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      const decode = (part: string) => {
        try {
          return decodeURIComponent(part.replace(/\+/g, " "));
        } catch {
          return part;
        }
      };
      return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
    }
  }
  return { clientId: params.client_id ?? "", clientSecret: params.client_secret ?? "" };
}

/** 302 to the client's redirect URI with `params` added to its query (spaces as "+", as both providers send them). */
export function redirectWith(res: ServerResponse, redirectUri: string, params: Record<string, string | undefined>): void {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") target.searchParams.set(key, value);
  res.writeHead(302, { location: target.toString(), "cache-control": "no-store" }).end();
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-frame-options": "deny" }).end(html);
}

export function sendJsonBody(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", pragma: "no-cache", ...headers }).end(JSON.stringify(body));
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `prefix` followed by `length` random letters and digits (GitHub's token alphabet). */
export function randomAlphanumeric(prefix: string, length: number): string {
  const bytes = crypto.randomBytes(length);
  return prefix + Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
}

/** `prefix` followed by `bytes` random bytes in hex (GitLab's and Doorkeeper's alphabet). */
export const randomHex = (prefix: string, bytes: number) => prefix + crypto.randomBytes(bytes).toString("hex");

/** Whether two secrets are equal, without leaking where they differ through timing. */
export function sameSecret(a: string, b: string): boolean {
  const left = crypto.createHash("sha256").update(a).digest();
  const right = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(left, right);
}

/** Whether a redirect URI is an absolute http(s) URL without a fragment (RFC 6749 section 3.1.2). */
export function isHttpRedirectUri(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.hash;
  } catch {
    return false;
  }
}
