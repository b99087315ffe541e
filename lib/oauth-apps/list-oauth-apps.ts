import { getOAuthAppRow, listOAuthAppRows } from "../db";
import { openSecret } from "../secrets";
import { oauthAppOrigin, type OAuthAppKind, type OAuthAppProvider } from "./schema";
import { toOAuthAppView, type OAuthAppView } from "./view";

export const secretContext = (id: string) => `oauth-app:${id}:secret`;

/** Every registered app, without secrets, ordered by provider and host. */
export function listOAuthApps(): OAuthAppView[] {
  return listOAuthAppRows().map(toOAuthAppView);
}

/** The app registered for a provider and host, without its secret, if there is one. */
export function findOAuthApp({ provider, host }: { provider: OAuthAppProvider; host: string }): OAuthAppView | undefined {
  const app = getOAuthAppRow({ provider, host: host.trim().toLowerCase() });
  return app ? toOAuthAppView(app) : undefined;
}

export type OAuthAppCredentials = {
  provider: OAuthAppProvider;
  host: string;
  /** https://host (http for a host on BENCHTOP_INSECURE_HOSTS). */
  origin: string;
  kind: OAuthAppKind;
  clientId: string;
  clientSecret: string;
};

/** For server use only (the OAuth flow): the app of a provider and host with its opened secret, if one is registered. */
export function getOAuthAppCredentials({ provider, host }: { provider: OAuthAppProvider; host: string }): OAuthAppCredentials | undefined {
  const key = host.trim().toLowerCase();
  const app = getOAuthAppRow({ provider, host: key });
  if (!app) return undefined;
  return {
    provider: app.provider,
    host: app.host,
    origin: oauthAppOrigin(app),
    kind: app.kind,
    clientId: app.clientId,
    clientSecret: openSecret({ sealed: app.sealedClientSecret, context: secretContext(app.id) }),
  };
}
