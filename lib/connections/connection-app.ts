import type { Connection } from "../db";
import type { HostApp } from "../hosts";
import { findOAuthApp, isOAuthAppProvider } from "../oauth-apps";

/**
 * The app that issued a connection's token: the OAuth App or GitHub App an
 * administrator registered for its host, for a connection made by authorizing
 * it; null for a personal access token (which no organization restricts as an
 * app) or when the app is no longer registered.
 */
export function connectionAppOf(connection: Pick<Connection, "method" | "provider" | "host">): HostApp | null {
  if (connection.method !== "oauth" || !isOAuthAppProvider(connection.provider)) return null;
  const app = findOAuthApp({ provider: connection.provider, host: connection.host });
  return app ? { kind: app.kind, clientId: app.clientId } : null;
}
