// Which forwarded headers a request may keep, decided from the socket: only a peer
// the operator listed in BENCHTOP_TRUSTED_PROXIES may say who the client is or
// which host and protocol it used. Everyone else's X-Forwarded-* are removed
// before Next sees the request (Next then fills them from the socket), and
// `x-benchtop-client-address` is always set here, never taken from the client.
import net from "node:net";

const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];
export const CLIENT_ADDRESS_HEADER = "x-benchtop-client-address";

const plain = (address) => (address ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").replace(/^\[|\]$/g, "");

/** BENCHTOP_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges, IPv4 or IPv6. */
export function parseTrustedProxies(value) {
  const list = new net.BlockList();
  for (const entry of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = net.isIPv6(address) ? "ipv6" : net.isIPv4(address) ? "ipv4" : undefined;
    if (!family) throw new Error(`BENCHTOP_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function isTrusted(list, address) {
  const family = net.isIPv6(address) ? "ipv6" : net.isIPv4(address) ? "ipv4" : undefined;
  return family ? list.check(address, family) : false;
}

/**
 * The client's address: the socket's, or behind trusted proxies the right-most
 * X-Forwarded-For entry that is not one of them (entries further left are whatever
 * the client claimed). Rewrites `headers` (a Node IncomingHttpHeaders) in place.
 */
export function normalizeClientHeaders(headers, socketAddress, trusted) {
  const peer = plain(socketAddress);
  delete headers[CLIENT_ADDRESS_HEADER];
  let client = peer || "unknown";
  if (peer && isTrusted(trusted, peer)) {
    const chain = String(headers["x-forwarded-for"] ?? "").split(",").map((e) => plain(e.trim())).filter(Boolean);
    client = peer;
    for (let i = chain.length - 1; i >= 0; i--) {
      client = chain[i];
      if (!isTrusted(trusted, chain[i])) break;
    }
  } else {
    for (const name of FORWARDED) delete headers[name];
  }
  headers[CLIENT_ADDRESS_HEADER] = client;
  return client;
}
