import type { OAuthAppKind, OAuthAppProvider } from "@/lib/oauth-apps/providers";

export const providerLabels: Record<OAuthAppProvider, string> = {
  github: "GitHub",
  "github-enterprise": "GitHub Enterprise",
  gitlab: "GitLab",
  "gitlab-self-managed": "GitLab self-managed",
};

export const kindLabels: Record<OAuthAppKind, string> = {
  "oauth-app": "OAuth App",
  "github-app": "GitHub App (user tokens expire)",
};

export { callbackUrl } from "@/lib/oauth-apps/providers";
