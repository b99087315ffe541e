// Plain constants, safe to import in client components (no server modules here).

export const oauthAppProviders = ["github", "github-enterprise", "gitlab", "gitlab-self-managed"] as const;
export type OAuthAppProvider = (typeof oauthAppProviders)[number];

/** Whether a provider (or any text, such as a route segment) is one OAuth apps can be registered for. */
export const isOAuthAppProvider = (value: unknown): value is OAuthAppProvider => (oauthAppProviders as readonly unknown[]).includes(value);
export const oauthAppKinds = ["oauth-app", "github-app"] as const;
export type OAuthAppKind = (typeof oauthAppKinds)[number];

/** The host of the cloud providers; the self-hosted ones name their own. */
export const CLOUD_HOSTS: Partial<Record<OAuthAppProvider, string>> = { github: "github.com", gitlab: "gitlab.com" };

export const isGitHubProvider = (provider: OAuthAppProvider) => provider === "github" || provider === "github-enterprise";

/** Where the provider sends users back after consent (the callback URL admins set at the provider). */
export const callbackUrl = (origin: string, provider: OAuthAppProvider) => `${origin}/api/auth/connections/callback/${provider}`;
