import { HostError, isCloudStandIn, isInsecureHostAllowed, parseRepoLocation, type GitProvider } from "../hosts";

/** The one host of each cloud provider. */
export const CLOUD_HOSTS: Partial<Record<GitProvider, string>> = { github: "github.com", gitlab: "gitlab.com", bitbucket: "bitbucket.org" };

/** The host field's default in forms, per provider. */
export const defaultHostOf = (provider: GitProvider): string => CLOUD_HOSTS[provider] ?? "";

const invalidHost = (message: string) => new HostError("invalid_location", message, { field: "host" });

/** A repository path that parses on every provider, to derive a host's origin and API root. */
export const samplePath = (provider: GitProvider) => (provider === "bitbucket-server" ? "/projects/BENCHTOP/repos/connection" : "/benchtop/connection");

export type HostTarget = {
  /** host[:port], lower case, without the scheme's default port. */
  host: string;
  /** https://host[:port], or http:// for a host on BENCHTOP_INSECURE_HOSTS. */
  origin: string;
  apiRoot: string;
};

/**
 * Checks what the user typed as a host (host[:port]; a pasted https:// address
 * is accepted and reduced to its host) and derives its origin and API root.
 */
export function resolveHost({ provider, host }: { provider: GitProvider; host: string }): HostTarget {
  let text = host.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).host;
    } catch {
      throw invalidHost("Give the host as host or host:port, like github.com or git.example.com:8443.");
    }
  }
  text = text.replace(/\/+$/, "");
  const match = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/.exec(text);
  if (!match || (match[2] !== undefined && (Number(match[2]) < 1 || Number(match[2]) > 65535))) {
    throw invalidHost("Give the host as host or host:port, like github.com or git.example.com:8443.");
  }
  const hostname = match[1]!.replace(/^www\./, "");
  const port = match[2];
  // A Bitbucket Cloud stand-in (an emulator, a lab) on the operator's list is taken as it is.
  const cloud = isCloudStandIn({ provider, hostname, port: port ?? "80" }) ? undefined : CLOUD_HOSTS[provider];
  if (cloud && (hostname !== cloud || (port !== undefined && port !== "443"))) {
    throw invalidHost(`The ${provider} provider is ${cloud}. For another host, choose the self-hosted kind.`);
  }
  const secure = cloud !== undefined || !isInsecureHostAllowed(hostname, port ?? "80");
  const scheme = secure ? "https" : "http";
  const defaultPort = secure ? "443" : "80";
  const normalised = port && port !== defaultPort ? `${hostname}:${port}` : hostname;
  let parsed;
  try {
    parsed = parseRepoLocation({ provider, location: `${scheme}://${normalised}${samplePath(provider)}` });
  } catch (error) {
    if (error instanceof HostError) throw invalidHost(error.message.replace(/repository's address/g, "host"));
    throw error;
  }
  return { host: normalised, origin: `${scheme}://${normalised}`, apiRoot: parsed.apiRoot };
}

/** The host a registered repository's connection would be stored under (host[:port]), or null. */
export function connectionHostOfLocation({ provider, location }: { provider: GitProvider; location: string }): string | null {
  try {
    // A cloud provider's repositories parse to its one host (or to a Bitbucket Cloud stand-in's).
    return new URL(parseRepoLocation({ provider, location }).origin).host;
  } catch {
    return CLOUD_HOSTS[provider] ?? null;
  }
}
