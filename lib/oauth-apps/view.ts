import type { OAuthApp } from "../db";

/** An app as the API and the admin page show it: never the secret. */
export type OAuthAppView = {
  provider: OAuthApp["provider"];
  host: string;
  kind: OAuthApp["kind"];
  clientId: string;
  hasClientSecret: true;
};

export function toOAuthAppView(app: OAuthApp): OAuthAppView {
  return { provider: app.provider, host: app.host, kind: app.kind, clientId: app.clientId, hasClientSecret: true };
}
