import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth";
import { describeOAuthFailure, describeRevocationFailure, expiresSoon, isOAuthFailure, listConnections, toConnectionView } from "@/lib/connections";
import { listOAuthApps } from "@/lib/oauth-apps";
import { providerLabels } from "@/lib/hosts/labels";
import { AuthorizeAppButton } from "../../_connections/authorize-app-button";
import { ConnectForm } from "./connect-form";
import { DisconnectButton } from "./disconnect-button";

export const metadata: Metadata = { title: "Connections" };

const method = { token: "Personal access token", oauth: "OAuth" } as const;


type SearchParams = Promise<{ connected?: string; oauthError?: string; notRevoked?: string; host?: string }>;

/** The outcome of an authorization that came back here: connected, or why not. */
function Outcome({ connected, failure, notRevoked, host }: { connected?: { host: string; login: string }; failure?: string; notRevoked?: string; host?: string }) {
  if (notRevoked === "no_app" || notRevoked === "unreachable") {
    return (
      <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {describeRevocationFailure(notRevoked, host ?? "the host")}
      </p>
    );
  }
  if (connected) {
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        Connected to {connected.host} as {connected.login}.
      </p>
    );
  }
  if (!isOAuthFailure(failure)) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {describeOAuthFailure(failure, host ?? "the host")}
    </p>
  );
}

export default async function ConnectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const connections = listConnections({ user }).map(toConnectionView);
  const apps = listOAuthApps();
  const { connected, oauthError, notRevoked, host } = await searchParams;
  const justConnected = connections.find((c) => c.id === connected);
  const now = new Date();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Connections</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600">
          Your own accounts at git hosts. When one of your repositories has no token of its own, Benchtop uses your connection to its host to clone and push
          through the git gateway. One connection per provider and host.
        </p>
      </div>
      <Outcome connected={justConnected} failure={oauthError} notRevoked={notRevoked} host={host} />
      {apps.length > 0 && (
        <section aria-labelledby="apps-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="apps-heading" className="font-semibold">Connect by authorizing an app</h2>
          <p className="mt-1 max-w-prose text-sm text-slate-600">
            The provider asks you to approve Benchtop&apos;s application, then sends you back here. Benchtop keeps the tokens sealed on the server and renews them
            before they expire; your browser never holds them.
          </p>
          <ul className="mt-4 space-y-3">
            {apps.map((app) => {
              const existing = connections.find((c) => c.provider === app.provider && c.host === app.host);
              return (
                <li key={`${app.provider} ${app.host}`} aria-label={`${providerLabels[app.provider]} at ${app.host}`} className="flex flex-wrap items-center justify-between gap-3">
                  <span className="text-sm">
                    <span className="font-medium">{providerLabels[app.provider]}</span> <span className="font-mono text-xs text-slate-600">{app.host}</span>
                    {existing && <span className="ml-2 text-slate-600">connected as {existing.login}</span>}
                  </span>
                  <AuthorizeAppButton provider={app.provider} host={app.host} returnTo="/settings/connections" label={existing ? "Reconnect" : undefined} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {connections.length === 0 ? (
        <p className="text-sm text-slate-600">You have no connections.</p>
      ) : (
        <table aria-label="Connections" className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Provider</th>
              <th className="px-4 py-2 font-medium">Host</th>
              <th className="px-4 py-2 font-medium">Account</th>
              <th className="px-4 py-2 font-medium">Method</th>
              <th className="px-4 py-2 font-medium">Expires</th>
              <th className="px-4 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {connections.map((c) => {
              const soon = !c.renewable && expiresSoon(c, now);
              const expired = c.expiresAt !== null && new Date(c.expiresAt) <= now;
              return (
                <tr key={c.id}>
                  <td className="px-4 py-2">{c.provider}</td>
                  <td className="px-4 py-2 font-mono text-xs">{c.host}</td>
                  <td className="px-4 py-2 font-medium">{c.login}</td>
                  <td className="px-4 py-2" title={c.scopes ? `Scopes: ${c.scopes.join(", ") || "none"}` : undefined}>
                    {method[c.method]}
                  </td>
                  <td className="px-4 py-2">
                    {c.reconnectReason && (
                      <span role="status" className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">
                        connect again: {c.reconnectReason}
                      </span>
                    )}
                    {c.method === "oauth" && c.renewable ? "renewed automatically" : c.expiresAt ? c.expiresAt.slice(0, 10) : "never"}
                    {soon && (
                      <span role="status" className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">
                        {expired ? "expired: connect again" : "expires within a week"}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <DisconnectButton connectionId={c.id} label={`${c.login} at ${c.host}`} method={c.method} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ConnectForm />
      </section>
    </div>
  );
}
