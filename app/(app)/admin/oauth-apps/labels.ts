import type { OAuthAppKind } from "@/lib/oauth-apps/providers";

export const kindLabels: Record<OAuthAppKind, string> = {
  "oauth-app": "OAuth App",
  "github-app": "GitHub App (user tokens expire)",
};

export { callbackUrl } from "@/lib/oauth-apps/providers";
