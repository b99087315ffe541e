/**
 * The caller's address as Next's server reports it (it sets x-forwarded-for from
 * the socket when no proxy did). Used only to count failed sign-ins per address.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
