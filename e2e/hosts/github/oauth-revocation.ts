// DELETE /applications/{client_id}/grant and /applications/{client_id}/token:
// an app revoking its user's authorization (every token of that user for the
// app) or one token. The app authenticates with Basic client_id:client_secret
// and names the token in a JSON body {"access_token"}.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readClientCredentials, readParams } from "../shared/oauth-http";
import type { Bodies } from "./emulator-bodies";
import { sendApi } from "./emulator-http";
import type { GitHubOAuth } from "./oauth-apps";

const DOCS = "https://docs.github.com/enterprise-server@3.19/rest/apps/oauth-applications";

/** Answers a request under /api/v3/applications/ (route without /api/v3); false when it is not one of these two endpoints. */
export async function handleRevocation({ req, res, url, route, oauth, bodies }: { req: IncomingMessage; res: ServerResponse; url: URL; route: string; oauth: GitHubOAuth; bodies: Bodies }): Promise<boolean> {
  const match = /^\/applications\/([^/]+)\/(grant|token)$/.exec(route);
  if (!match || req.method !== "DELETE") return false;
  const [, clientId, what] = match as unknown as [string, string, "grant" | "token"];
  const docs = `${DOCS}#${what === "grant" ? "delete-an-app-authorization" : "delete-an-app-token"}`;
  const anonymous = { kind: "anonymous" } as const;
  const params = await readParams(req, url);
  const credentials = readClientCredentials(req, {});
  if (!req.headers.authorization) return sendApi(res, 401, bodies.error(401, "Requires authentication", docs), anonymous), true;
  const app = credentials.clientId === decodeURIComponent(clientId) ? oauth.authenticateClient(credentials.clientId, credentials.clientSecret) : null;
  const log = (ok: boolean) => oauth.log.revocation({ endpoint: `DELETE /applications/{client_id}/${what}`, clientId: decodeURIComponent(clientId), ok });
  if (!app) {
    log(false);
    return sendApi(res, 401, bodies.error(401, "Bad credentials", docs), anonymous), true;
  }
  if (!params.access_token) {
    log(false);
    return sendApi(res, 422, { message: "Invalid request.\n\n\"access_token\" wasn't supplied.", documentation_url: docs, status: "422" }, anonymous), true;
  }
  const revoked = what === "grant" ? oauth.revokeGrant(app, params.access_token) : oauth.revokeToken(app, params.access_token);
  log(revoked);
  if (!revoked) return sendApi(res, 404, bodies.error(404, "Not Found", docs), anonymous), true;
  sendApi(res, 204, null, anonymous);
  return true;
}
