import dns from "node:dns";
import net from "node:net";
import { HostError } from "./errors";

/**
 * What Benchtop's server may contact on a user's behalf. Remote locations must
 * be https and resolve only to public addresses, so a registered "repository"
 * cannot be used to reach the server's own network (SSRF). Hosts listed in
 * BENCHTOP_INSECURE_HOSTS (comma-separated host[:port]) are the operator's
 * exceptions, for labs and tests: they may use plain http and private addresses.
 */

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** False for loopback, private, link-local (cloud metadata), multicast and reserved addresses. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, "ipv4");
  if (family === 6) return !blocked.check(address, "ipv6");
  return false;
}

/** The operator's list of hosts that may be reached over http and on private addresses. */
export function insecureHosts(env: string | undefined = process.env.BENCHTOP_INSECURE_HOSTS): string[] {
  return (env ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Whether a host (and port) is on BENCHTOP_INSECURE_HOSTS; an entry without a
 * port covers every port, and `port: "any"` asks whether the host is listed at all.
 */
export function isInsecureHostAllowed(hostname: string, port?: string | number): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return insecureHosts().some((entry) => {
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!match) return false;
    const entryHost = match[1]!.replace(/^\[|\]$/g, "");
    return entryHost === host && (match[2] === undefined || port === "any" || match[2] === String(port ?? ""));
  });
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/**
 * Refuses a location Benchtop must not contact: not http(s), plain http to a host
 * not on the list, or a literal private address. (Names are checked when they
 * are resolved, by `safeLookup`.)
 */
export function assertLocationAllowed(url: URL, field = "location"): void {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new HostError("invalid_location", "Give an https:// address.", { field });
  }
  if (url.username || url.password) {
    throw new HostError("invalid_location", "Leave the user name and password out of the address; put the token in its own field.", { field });
  }
  const listed = isInsecureHostAllowed(url.hostname, defaultPort(url));
  if (listed) return;
  if (url.protocol === "http:") {
    throw new HostError("not_allowed", `Benchtop connects to ${url.host} over https only. Use an https:// address, or ask an administrator to list the host in BENCHTOP_INSECURE_HOSTS.`, { field });
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(literal) && !isPublicAddress(literal)) {
    throw new HostError("not_allowed", `${url.host} is a private or local address, which Benchtop does not contact. Ask an administrator to list it in BENCHTOP_INSECURE_HOSTS if it is meant.`, { field });
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A dns.lookup that refuses names resolving to non-public addresses (unless the
 * host is on the list). Used as the connect-time lookup of every outgoing
 * request, so a name cannot be re-pointed between the check and the connection.
 */
export function safeLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as dns.LookupAddress[];
    // The port was checked against the list when the location was accepted.
    if (!isInsecureHostAllowed(hostname, "any") && list.some((a) => !isPublicAddress(a.address))) {
      const refused = Object.assign(new Error(`${hostname} resolves to a private or local address, which Benchtop does not contact.`), { code: "ENOTALLOWED" });
      return callback(refused, []);
    }
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}
