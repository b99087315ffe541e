import type { Metadata } from "next";
import { listApiTokens, requirePageUser } from "@/lib/auth";
import { NewTokenForm } from "./new-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata: Metadata = { title: "Access tokens" };

const day = (iso: string | null, none: string) => (iso ? iso.slice(0, 10) : none);

export default async function TokensPage() {
  const user = await requirePageUser();
  const tokens = listApiTokens({ userId: user.id });
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Personal access tokens</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600">
          Tokens let scripts call Benchtop&apos;s API (<code>Authorization: Bearer &lt;token&gt;</code>) and let the git command line clone and push (any user name, the token as
          password). They act as you, so keep them secret and revoke the ones you no longer use.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <NewTokenForm />
      </section>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">You have no tokens.</p>
      ) : (
        <table aria-label="Tokens" className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Created</th>
              <th className="px-4 py-2 font-medium">Last used</th>
              <th className="px-4 py-2 font-medium">Expires</th>
              <th className="px-4 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="px-4 py-2 font-medium">{t.name}</td>
                <td className="px-4 py-2">{day(t.createdAt, "")}</td>
                <td className="px-4 py-2">{day(t.lastUsedAt, "never")}</td>
                <td className="px-4 py-2">{day(t.expiresAt, "never")}</td>
                <td className="px-4 py-2 text-right">
                  <RevokeTokenButton tokenId={t.id} name={t.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
