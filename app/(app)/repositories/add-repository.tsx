"use client";

import { useCallback, useState } from "react";
import type { Provider } from "@/lib/hosts/types";
import { isOAuthAppProvider, type OAuthAppProvider } from "@/lib/oauth-apps/providers";
import { AuthorizeAppButton } from "../_connections/authorize-app-button";
import { Modal } from "./modal";
import { providerLabels } from "@/lib/hosts/labels";
import { providerOrder } from "./providers";
import { RepositoryForm, type ConnectedAccount } from "./repository-form";

export type AppChoice = { provider: OAuthAppProvider; host: string };
export type AccountChoice = ConnectedAccount & { provider: Provider };

type Props = {
  /** The OAuth apps an administrator registered: each offers "Authorize GitHub app" / "Authorize GitLab app". */
  apps: AppChoice[];
  /** The user's connections, whose repositories fill the Repository field. */
  accounts: AccountChoice[];
  /** Opens that provider's dialog at once (coming back from the provider's consent page). */
  initialProvider?: Provider;
};

/** One provider's dialog: authorize the app (the primary way, where one is registered), or give a location and token. */
function ProviderDialog({ provider, apps, accounts, onDone }: { provider: Provider; apps: AppChoice[]; accounts: AccountChoice[]; onDone: () => void }) {
  const account = accounts.find((a) => a.provider === provider);
  const offered = !account && isOAuthAppProvider(provider) ? apps.filter((a) => a.provider === provider) : [];
  return (
    <div className="space-y-4">
      {offered.length > 0 && (
        <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
          <p className="text-sm text-slate-700">Authorize Benchtop&apos;s app to pick from your repositories; Benchtop keeps the token sealed on the server.</p>
          {offered.map((app) => (
            <div key={app.host} className="flex flex-wrap items-center gap-3">
              <AuthorizeAppButton provider={app.provider} host={app.host} returnTo={`/repositories?add=${provider}`} />
              {offered.length > 1 && <span className="font-mono text-xs text-slate-600">{app.host}</span>}
            </div>
          ))}
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Or use a repository location and personal access token</p>
        </div>
      )}
      <RepositoryForm key={provider} mode="add" provider={provider} onDone={onDone} connection={account} />
    </div>
  );
}

/** "Add repository": a choice of provider, then that provider's dialog. */
export function AddRepository({ apps, accounts, initialProvider }: Props) {
  const [choosing, setChoosing] = useState(false);
  const [provider, setProvider] = useState<Provider | null>(initialProvider ?? null);
  const close = useCallback(() => setProvider(null), []);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={choosing}
        aria-controls="provider-choice"
        onClick={() => setChoosing((c) => !c)}
        className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
      >
        Add repository
      </button>
      {choosing && (
        <ul id="provider-choice" aria-label="Choose a provider" className="absolute right-0 z-10 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {providerOrder.map((p) => (
            <li key={p}>
              <button
                type="button"
                onClick={() => {
                  setChoosing(false);
                  setProvider(p);
                }}
                className="block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-indigo-50 hover:text-indigo-800"
              >
                {providerLabels[p]}
              </button>
            </li>
          ))}
        </ul>
      )}
      {provider && (
        <Modal title={`Add ${providerLabels[provider]} repository`} onClose={close}>
          <ProviderDialog provider={provider} apps={apps} accounts={accounts} onDone={close} />
        </Modal>
      )}
    </div>
  );
}
