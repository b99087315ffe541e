// Set by server/benchtop-server.mjs on every request from the socket's address (or,
// behind the proxies named in BENCHTOP_TRUSTED_PROXIES, the right-most
// X-Forwarded-For entry that is not one of them); a client-sent copy is replaced.
const CLIENT_ADDRESS_HEADER = "x-benchtop-client-address";

/**
 * The caller's address, for the sign-in limit and git's logs. Never read from
 * X-Forwarded-For here: a client can write anything there, so trusting it would let
 * one escape the limit or get someone else's address blocked. Without Benchtop's
 * server in front (`next dev`), every caller shares "unknown".
 */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
