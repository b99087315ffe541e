import { z } from "zod";
import { isHostError } from "../hosts/errors";
import { assertLocationAllowed, isInsecureHostAllowed } from "../hosts/network-policy";
import { CLOUD_HOSTS, isGitHubProvider, oauthAppKinds, oauthAppProviders, type OAuthAppKind, type OAuthAppProvider } from "./providers";

export * from "./providers";

const HOST_PORT = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/;

/**
 * The origin Benchtop uses for an app's host: https, except for a host the
 * operator listed in BENCHTOP_INSECURE_HOSTS (labs and tests), which is reached over http.
 */
export function oauthAppOrigin({ provider, host }: { provider: OAuthAppProvider; host: string }): string {
  if (CLOUD_HOSTS[provider]) return `https://${host}`;
  const url = new URL(`https://${host}`);
  return isInsecureHostAllowed(url.hostname, url.port || "443") || isInsecureHostAllowed(url.hostname, url.port || "80") ? `http://${host}` : `https://${host}`;
}

/**
 * Reads what an admin typed as the host: `host[:port]`, or an origin such as
 * https://ghe.example.com (a trailing "/" is fine, a path is not). Returns the
 * lower-case host[:port] and the URL to check, or a message.
 */
export function parseHost(value: string): { host: string; url: URL } | { error: string } {
  const text = value.trim().toLowerCase();
  const example = "Give the host as host[:port], e.g. ghe.example.com, or its https:// address.";
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { error: example };
  }
  if (hasScheme && url.protocol !== "https:" && url.protocol !== "http:") return { error: "Give an https:// address or host[:port]." };
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) return { error: `Give only the host, without a path: ${url.host}.` };
  if (url.username || url.password) return { error: "Leave the user name and password out of the host." };
  if (!HOST_PORT.test(url.host)) return { error: example };
  return { host: url.host, url };
}

const providerSchema = z.enum(oauthAppProviders, { error: `Choose a provider: ${oauthAppProviders.join(", ")}.` });

/** One app as the API and the admin page send it. `clientSecret` may be left out to keep the stored one. */
export const oauthAppInputSchema = z
  .object({
    provider: providerSchema,
    host: z.string({ error: "Give the host as host[:port]." }).trim().max(300, "That host is too long.").optional(),
    kind: z.enum(oauthAppKinds, { error: 'Choose the type: "oauth-app" or "github-app".' }).default("oauth-app"),
    clientId: z
      .string({ error: "Give the client ID." })
      .trim()
      .min(1, "Give the client ID.")
      .max(200, "Use at most 200 characters for the client ID."),
    clientSecret: z
      .string({ error: "The client secret must be text." })
      .trim()
      .min(1, "Give the client secret.")
      .max(500, "Use at most 500 characters for the client secret.")
      .optional(),
  })
  .transform((input, ctx): OAuthAppInput => {
    const cloud = CLOUD_HOSTS[input.provider];
    let host: string;
    if (cloud) {
      const given = input.host ? parseHost(input.host) : { host: cloud };
      if ("error" in given || given.host !== cloud) {
        ctx.addIssue({ code: "custom", path: ["host"], message: `The host of ${input.provider} is ${cloud}; choose ${input.provider === "github" ? "GitHub Enterprise" : "GitLab self-managed"} for another host.` });
        return z.NEVER;
      }
      host = cloud;
    } else {
      if (!input.host) {
        ctx.addIssue({ code: "custom", path: ["host"], message: "Give the host of the server, e.g. git.example.com." });
        return z.NEVER;
      }
      const parsed = parseHost(input.host);
      if ("error" in parsed) {
        ctx.addIssue({ code: "custom", path: ["host"], message: parsed.error });
        return z.NEVER;
      }
      if (Object.values(CLOUD_HOSTS).includes(parsed.host.replace(/^www\./, ""))) {
        ctx.addIssue({ code: "custom", path: ["host"], message: `${parsed.host} is a cloud host; choose ${parsed.host.includes("github") ? "GitHub" : "GitLab"} as the provider.` });
        return z.NEVER;
      }
      try {
        assertLocationAllowed(parsed.url, "host");
      } catch (error) {
        if (!isHostError(error)) throw error;
        ctx.addIssue({ code: "custom", path: ["host"], message: error.message });
        return z.NEVER;
      }
      host = parsed.host;
    }
    if (input.kind === "github-app" && !isGitHubProvider(input.provider)) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: "GitLab applications are OAuth apps; choose the type oauth-app." });
      return z.NEVER;
    }
    return { provider: input.provider, host, kind: input.kind, clientId: input.clientId, clientSecret: input.clientSecret };
  });

/** One app, validated: host is lower-case host[:port]; no clientSecret means "keep the stored one". */
export type OAuthAppInput = { provider: OAuthAppProvider; host: string; kind: OAuthAppKind; clientId: string; clientSecret?: string };

/** PUT /api/v1/admin/oauth-apps: the whole set; one app per provider and host. */
export const oauthAppsBodySchema = z
  .object({
    apps: z.array(oauthAppInputSchema, { error: "Give the apps as a list: {\"apps\": [...]}." }).max(100, "Register at most 100 apps."),
  })
  .superRefine(({ apps }, ctx) => {
    const seen = new Set<string>();
    apps.forEach((app, i) => {
      const key = `${app.provider} ${app.host}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["apps", i, "host"], message: `${app.host} is listed twice for ${app.provider}; give one app per provider and host.` });
      seen.add(key);
    });
  });

export type OAuthAppsBody = z.output<typeof oauthAppsBodySchema>;
