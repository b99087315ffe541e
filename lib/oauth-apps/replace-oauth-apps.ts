import { recordEvent } from "../audit";
import { listOAuthAppRows, replaceOAuthAppRows, type NewOAuthApp, type User } from "../db";
import { newId } from "../db/ids";
import { invalidInput } from "../http/validation";
import { sealSecret } from "../secrets";
import { secretContext } from "./list-oauth-apps";
import type { OAuthAppInput } from "./schema";
import { toOAuthAppView, type OAuthAppView } from "./view";

const keyOf = (app: { provider: string; host: string }) => `${app.provider} ${app.host}`;

/**
 * PUT semantics: `apps` becomes the stored set. An app that is already stored
 * (same provider and host) keeps its id and, when no clientSecret is given,
 * its secret; apps not in the list are removed. Secrets are sealed; the audit
 * records providers and hosts only.
 */
export function replaceOAuthApps({ apps, actor }: { apps: OAuthAppInput[]; actor: Pick<User, "id" | "email"> }): OAuthAppView[] {
  const stored = new Map(listOAuthAppRows().map((row) => [keyOf(row), row]));
  const missing: Record<string, string> = {};
  const rows: NewOAuthApp[] = [];
  apps.forEach((app, i) => {
    const existing = stored.get(keyOf(app));
    const id = existing?.id ?? newId();
    let sealedClientSecret: string | undefined;
    if (app.clientSecret) sealedClientSecret = sealSecret({ plaintext: app.clientSecret, context: secretContext(id) });
    else if (existing) sealedClientSecret = existing.sealedClientSecret;
    if (!sealedClientSecret) {
      missing[`apps.${i}.clientSecret`] = `Give the client secret of the new ${app.provider} app for ${app.host}.`;
      return;
    }
    rows.push({ id, provider: app.provider, host: app.host, kind: app.kind, clientId: app.clientId, sealedClientSecret });
  });
  if (Object.keys(missing).length) throw invalidInput(missing);

  const result = replaceOAuthAppRows(rows);
  const kept = new Set(rows.map(keyOf));
  const hosts = (list: { provider: string; host: string }[]) => list.map(({ provider, host }) => ({ provider, host }));
  recordEvent({
    action: "admin.oauth_apps_updated",
    actor,
    detail: {
      apps: hosts(result),
      added: hosts(rows.filter((r) => !stored.has(keyOf(r)))),
      removed: hosts([...stored.values()].filter((r) => !kept.has(keyOf(r)))),
    },
  });
  return result.map(toOAuthAppView);
}
