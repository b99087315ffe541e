import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth";
import { expiresSoon, listConnections, toConnectionView } from "@/lib/connections";
import { ConnectForm } from "./connect-form";
import { DisconnectButton } from "./disconnect-button";

export const metadata: Metadata = { title: "Connections" };

const method = { token: "Personal access token", oauth: "OAuth" } as const;

export default async function ConnectionsPage() {
  const user = await requirePageUser();
  const connections = listConnections({ user }).map(toConnectionView);
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
              const soon = expiresSoon(c, now);
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
                    {c.expiresAt ? c.expiresAt.slice(0, 10) : "never"}
                    {soon && (
                      <span role="status" className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">
                        {expired ? "expired: connect again" : "expires within a week"}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <DisconnectButton connectionId={c.id} label={`${c.login} at ${c.host}`} />
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
