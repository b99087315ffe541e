// Requests from other addresses than the suite's own: Linux answers on all of
// 127.0.0.0/8, so a client can bind its socket to 127.a.b.c and the server sees that
// as the peer address, exactly as it would see another machine.
import { randomInt } from "node:crypto";
import { Agent, fetch as undiciFetch } from "undici";
import { attemptBrowserSignIn } from "../../setup/browser-sign-in.mjs";
import { baseUrl, unique, type ApiResult } from "../../integration/helpers/api";

/** A fresh loopback address, so that each test starts with no failures counted against it. */
export const newLoopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** A `fetch` whose connections come from `address`. */
export function fetchFrom(address: string): typeof fetch {
  const dispatcher = new Agent({ localAddress: address });
  return ((url: string, init: RequestInit = {}) => undiciFetch(url, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}

/** POST /api/v1/tokens from `address` (a sign-in), with extra headers such as a forged X-Forwarded-For. */
export async function requestTokenFrom(
  address: string,
  credentials: { email: string; password: string },
  { headers = {}, base = baseUrl() }: { headers?: Record<string, string>; base?: string } = {},
): Promise<ApiResult> {
  const response = await fetchFrom(address)(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ ...credentials, name: unique("tok-") }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers, text };
}

/** Signs in like the sign-in page from `address`: the cookie header when a session was made, and where it redirected. */
export function attemptBrowserSignInFrom(address: string, credentials: { email: string; password: string }, base = baseUrl()) {
  return attemptBrowserSignIn(base, credentials, { fetch: fetchFrom(address) });
}

export async function browserSignInFrom(address: string, credentials: { email: string; password: string }, base = baseUrl()) {
  return (await attemptBrowserSignInFrom(address, credentials, base)).cookie;
}
