/**
 * The caller's address, used only to count failed sign-ins per address. Next sets
 * X-Forwarded-For from the socket when no proxy did; behind a reverse proxy that
 * appends to the header, the rightmost entry is the one the proxy saw, so that is
 * the one taken (entries to its left are whatever the client claimed).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
