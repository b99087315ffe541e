import dns from "node:dns";
import net from "node:net";
import { isInsecureHostAllowed, isPublicAddress } from "../hosts/network-policy";
import { GatewayError } from "./gateway-error";
import { effectivePort } from "./match-repository";

/** Where the gateway connects: the checked address, pinned, and what to call the host. */
export type Upstream = {
  protocol: "https:" | "http:";
  /** The host name (no brackets), for TLS SNI and certificate checks. */
  hostname: string;
  port: number;
  /** The address that was checked; the connection goes here and nowhere else. */
  address: string;
  family: 4 | 6;
  /** The Host header: host[:port], port only when not the scheme's default. */
  hostHeader: string;
};

export type LookupAll = (hostname: string) => Promise<dns.LookupAddress[]>;

const lookupAll: LookupAll = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Resolves the registered git URL's host once and checks every address: any
 * loopback, private, link-local or metadata address refuses the request unless
 * the host is on BENCHTOP_INSECURE_HOSTS. Plain http is only for listed hosts.
 */
export async function resolveUpstream(gitUrl: URL, lookup: LookupAll = lookupAll): Promise<Upstream> {
  const hostname = gitUrl.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = effectivePort(gitUrl);
  const listed = isInsecureHostAllowed(hostname, port);
  if (gitUrl.protocol !== "https:" && !(gitUrl.protocol === "http:" && listed)) {
    throw new GatewayError("host_not_allowed", 403, `Benchtop reaches ${gitUrl.host} over https only.`);
  }
  let addresses: dns.LookupAddress[];
  if (net.isIP(hostname)) {
    addresses = [{ address: hostname, family: net.isIP(hostname) }];
  } else {
    try {
      addresses = await lookup(hostname);
    } catch {
      throw new GatewayError("unreachable", 502, `Could not reach ${hostname}: the name does not resolve. Check the repository's address, or try again if the host is down. Your work stays in the session.`);
    }
  }
  const first = addresses[0];
  if (!first) throw new GatewayError("unreachable", 502, `${hostname} has no address: check the repository's address. Your work stays in the session.`);
  if (!listed && addresses.some((a) => !isPublicAddress(a.address))) {
    throw new GatewayError("host_not_allowed", 403, `${hostname} resolves to a private or local address, which Benchtop does not contact.`);
  }
  return {
    protocol: gitUrl.protocol,
    hostname,
    port: Number(port),
    address: first.address,
    family: first.family === 6 ? 6 : 4,
    hostHeader: gitUrl.host,
  };
}
