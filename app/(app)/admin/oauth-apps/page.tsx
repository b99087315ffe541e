import type { Metadata } from "next";
import { headers } from "next/headers";
import { requirePageAdmin } from "@/lib/auth";
import { publicOrigin } from "@/lib/http";
import { listOAuthApps } from "@/lib/oauth-apps";
import { providerLabels } from "@/lib/hosts/labels";
import { callbackUrl, kindLabels } from "./labels";
import { OAuthAppForm } from "./oauth-app-form";
import { RemoveOAuthApp } from "./remove-oauth-app";

export const metadata: Metadata = { title: "OAuth apps" };

export default async function OAuthAppsPage() {
  await requirePageAdmin();
  const origin = publicOrigin(await headers());
  const apps = listOAuthApps();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 space-y-6">
      <h1 className="text-2xl font-semibold">OAuth apps</h1>
      <p className="text-sm text-slate-600">
        Register an application at GitHub or GitLab so that users can connect their accounts. At the provider, set the callback (redirect) URL shown for the
        app. Client secrets are stored sealed and are never shown again.
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
        <li>GitHub OAuth App: Benchtop asks for the scopes repo, read:user and read:org (read:org names the organizations whose OAuth App access restrictions keep Benchtop out). GitHub App: give it the repository permission Contents: Read and write, and keep &quot;Expire user authorization tokens&quot; on (Benchtop renews them).</li>
        <li>GitLab application: tick the scopes read_user, read_api and write_repository, and keep it confidential.</li>
      </ul>
      <table aria-label="OAuth apps" className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Provider</th>
            <th className="px-4 py-2 font-medium">Host</th>
            <th className="px-4 py-2 font-medium">Type</th>
            <th className="px-4 py-2 font-medium">Client ID</th>
            <th className="px-4 py-2 font-medium">Callback URL</th>
            <th className="px-4 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {apps.length === 0 && (
            <tr>
              <td colSpan={6} className="px-4 py-3 text-slate-500">
                No apps registered yet.
              </td>
            </tr>
          )}
          {apps.map((app) => (
            <tr key={`${app.provider} ${app.host}`}>
              <td className="px-4 py-2">{providerLabels[app.provider]}</td>
              <td className="px-4 py-2 font-mono text-xs">{app.host}</td>
              <td className="px-4 py-2">{kindLabels[app.kind]}</td>
              <td className="px-4 py-2 font-mono text-xs break-all">{app.clientId}</td>
              <td className="px-4 py-2 font-mono text-xs break-all">{callbackUrl(origin, app.provider)}</td>
              <td className="px-4 py-2 text-right">
                <RemoveOAuthApp provider={app.provider} host={app.host} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <OAuthAppForm origin={origin} />
      </section>
    </div>
  );
}
