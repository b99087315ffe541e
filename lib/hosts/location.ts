import { HostError } from "./errors";
import { assertLocationAllowed, isInsecureHostAllowed } from "./network-policy";
import type { GitProvider, RepoLocation } from "./types";

const CLOUD: Partial<Record<GitProvider, { hosts: string[]; api: () => string; label: string }>> = {
  github: { hosts: ["github.com", "www.github.com"], api: () => process.env.BENCHTOP_GITHUB_API_URL || "https://api.github.com", label: "github.com" },
  gitlab: { hosts: ["gitlab.com", "www.gitlab.com"], api: () => process.env.BENCHTOP_GITLAB_API_URL || "https://gitlab.com/api/v4", label: "gitlab.com" },
  bitbucket: { hosts: ["bitbucket.org", "www.bitbucket.org"], api: () => process.env.BENCHTOP_BITBUCKET_API_URL || "https://api.bitbucket.org/2.0", label: "bitbucket.org" },
};

const SELF_HOSTED_API: Partial<Record<GitProvider, string>> = {
  "github-enterprise": "/api/v3",
  "gitlab-self-managed": "/api/v4",
  "bitbucket-server": "/rest/api/1.0",
};

/**
 * Whether a host stands in for Bitbucket Cloud: one the operator lists in
 * BENCHTOP_INSECURE_HOSTS (an emulator in tests, a lab), which serves Bitbucket
 * Cloud's REST API at {origin}/2.0 and git at {origin}/{workspace}/{repo}.git.
 * GitHub and GitLab are stood in for by their self-hosted kinds, which speak
 * the same API; Bitbucket Cloud has no self-hosted edition (Bitbucket Server's
 * API is another), so only the operator's list lets another host be it.
 * `port` is the port as written, or the scheme's default.
 */
export function isCloudStandIn({ provider, hostname, port }: { provider: GitProvider; hostname: string; port: string }): boolean {
  return provider === "bitbucket" && !CLOUD.bitbucket!.hosts.includes(hostname.toLowerCase()) && isInsecureHostAllowed(hostname, port);
}

const invalid = (message: string) => new HostError("invalid_location", message, { field: "location" });

function parseUrl(location: string): URL {
  const text = location.trim();
  // scp-like clone addresses (git@host:owner/repo.git) are SSH; Benchtop talks https.
  if (/^[\w.-]+@[\w.-]+:/.test(text)) throw invalid("That is an SSH address. Give the repository's https:// address (as the browser shows it).");
  try {
    return new URL(text);
  } catch {
    throw invalid("Give the repository's address as the browser shows it, e.g. https://github.com/acme/models.");
  }
}

const stripGit = (name: string) => name.replace(/\.git$/i, "");
function cleanSegments(url: URL): string[] {
  try {
    return url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    // A stray "%" (a mangled or hand-edited address) is a typing mistake, not a server error.
    throw invalid("The address has a '%' that does not start an escape like %20. Copy the repository's address from the browser again.");
  }
}

/** owner/name from the first two path segments (GitHub, Bitbucket Cloud). */
function ownerAndName(segments: string[], example: string): { owner: string; name: string } {
  const [owner, repo] = segments;
  if (!owner || !repo) throw invalid(`Give the full repository address, e.g. ${example}.`);
  return { owner, name: stripGit(repo) };
}

/** GitLab: the namespace path up to "/-/" (or the end), the last segment is the project. */
function gitlabPath(segments: string[]): { owner: string; name: string } {
  const end = segments.indexOf("-");
  const path = (end === -1 ? segments : segments.slice(0, end)).map((s, i, all) => (i === all.length - 1 ? stripGit(s) : s));
  if (path.length < 2) throw invalid("Give the full project address, e.g. https://gitlab.com/group/project.");
  return { owner: path.slice(0, -1).join("/"), name: path[path.length - 1]! };
}

/** Bitbucket Server: /projects/KEY/repos/slug/..., /users/name/repos/slug/..., or the clone URL /scm/key/slug.git. */
function bitbucketServerPath(segments: string[]): { owner: string; name: string; prefix: string[] } {
  const lower = segments.map((s) => s.toLowerCase());
  const scm = lower.indexOf("scm");
  if (scm !== -1 && segments[scm + 1] && segments[scm + 2]) {
    return { owner: segments[scm + 1]!.toUpperCase().replace(/^~/, "~"), name: stripGit(segments[scm + 2]!), prefix: segments.slice(0, scm) };
  }
  for (const kind of ["projects", "users"]) {
    const at = lower.indexOf(kind);
    if (at !== -1 && lower[at + 2] === "repos" && segments[at + 1] && segments[at + 3]) {
      const owner = kind === "users" ? `~${segments[at + 1]!}` : segments[at + 1]!.toUpperCase();
      return { owner, name: stripGit(segments[at + 3]!), prefix: segments.slice(0, at) };
    }
  }
  throw invalid("Give the repository's address, e.g. https://bitbucket.example.com/projects/KEY/repos/slug.");
}

/**
 * Parses what a user typed as a repository's location (the browser address or
 * a clone URL, `.git` optional) into its parts and the API root API.md derives:
 * {origin}/api/v3 (GitHub Enterprise), {origin}/api/v4 (GitLab self-managed),
 * {origin}/rest/api/1.0 (Bitbucket Server); the cloud hosts' roots come from
 * BENCHTOP_{GITHUB,GITLAB,BITBUCKET}_API_URL when set (tests), else their public
 * APIs; a Bitbucket Cloud stand-in's (isCloudStandIn) is {origin}/2.0.
 */
export function parseRepoLocation({ provider, location }: { provider: GitProvider; location: string }): RepoLocation {
  const url = parseUrl(location);
  // Bitbucket's Clone button puts the user's name in the URL; it is not a credential.
  url.username = "";
  url.password = "";
  assertLocationAllowed(url);
  const host = url.hostname.toLowerCase();
  const standIn = isCloudStandIn({ provider, hostname: host, port: url.port || (url.protocol === "https:" ? "443" : "80") });
  const cloud = standIn ? undefined : CLOUD[provider];
  if (cloud && !cloud.hosts.includes(host)) {
    throw invalid(`A ${cloud.label} repository's address starts with https://${cloud.label}/. For another host, choose the self-hosted kind.`);
  }
  if (!cloud && Object.values(CLOUD).some((c) => c!.hosts.includes(host))) {
    throw invalid(`${host} is the cloud service: choose its cloud kind instead of the self-hosted one.`);
  }
  const origin = cloud ? `https://${cloud.hosts[0]}` : url.origin;
  const segments = cleanSegments(url);

  if (provider === "gitlab" || provider === "gitlab-self-managed") {
    const { owner, name } = gitlabPath(segments);
    const fullName = `${owner}/${name}`;
    return { provider, origin, apiRoot: cloud ? cloud.api() : origin + SELF_HOSTED_API[provider], owner, name, fullName, webUrl: `${origin}/${fullName}`, gitUrl: `${origin}/${fullName}.git` };
  }
  if (provider === "bitbucket-server") {
    const { owner, name, prefix } = bitbucketServerPath(segments);
    const base = origin + (prefix.length ? `/${prefix.join("/")}` : "");
    const web = owner.startsWith("~") ? `${base}/users/${owner.slice(1)}/repos/${name}` : `${base}/projects/${owner}/repos/${name}`;
    return { provider, origin: base, apiRoot: base + SELF_HOSTED_API[provider], owner, name, fullName: `${owner}/${name}`, webUrl: web, gitUrl: `${base}/scm/${owner.toLowerCase()}/${name}.git` };
  }
  const example = provider === "bitbucket" ? "https://bitbucket.org/workspace/repo" : "https://github.com/acme/models";
  const { owner, name } = ownerAndName(segments, example);
  const fullName = `${owner}/${name}`;
  const apiRoot = cloud ? cloud.api() : standIn ? `${origin}/2.0` : origin + SELF_HOSTED_API[provider];
  return { provider, origin, apiRoot, owner, name, fullName, webUrl: `${origin}/${fullName}`, gitUrl: `${origin}/${fullName}.git` };
}
