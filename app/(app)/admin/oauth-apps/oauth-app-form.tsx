"use client";

import { useActionState, useState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { CLOUD_HOSTS, isGitHubProvider, isOAuthAppProvider, type OAuthAppKind, oauthAppKinds, type OAuthAppProvider, oauthAppProviders } from "@/lib/oauth-apps/providers";
import { saveOAuthAppAction } from "./actions";
import { providerLabels } from "@/lib/hosts/labels";
import { callbackUrl, kindLabels } from "./labels";


export function OAuthAppForm({ origin }: { origin: string }) {
  const [state, action] = useActionState<ActionState, FormData>(saveOAuthAppAction, { status: "idle" });
  const kept = state.values;
  const [provider, setProvider] = useState<OAuthAppProvider>(isOAuthAppProvider(kept?.provider) ? kept.provider : "github");
  const [host, setHost] = useState(kept?.host ?? CLOUD_HOSTS.github ?? "");
  const [kind, setKind] = useState<OAuthAppKind>(kept?.kind === "github-app" ? "github-app" : "oauth-app");
  const cloudHost = CLOUD_HOSTS[provider];

  function chooseProvider(next: OAuthAppProvider) {
    setProvider(next);
    const nextCloud = CLOUD_HOSTS[next];
    if (nextCloud) setHost(nextCloud);
    else if (Object.values(CLOUD_HOSTS).includes(host)) setHost("");
    if (!isGitHubProvider(next)) setKind("oauth-app");
  }

  const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" aria-labelledby="oauth-app-heading">
      <h2 id="oauth-app-heading" className="text-base font-semibold sm:col-span-2">
        Add or update an app
      </h2>
      <p className="text-sm text-slate-600 sm:col-span-2">Saving an app for a provider and host that is already registered updates it.</p>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <div className="text-sm">
        <label htmlFor="oauth-app-provider" className="block font-medium text-slate-700">
          Provider
        </label>
        <select id="oauth-app-provider" name="provider" value={provider} onChange={(e) => chooseProvider(e.target.value as OAuthAppProvider)} className={fieldClass}>
          {oauthAppProviders.map((p) => (
            <option key={p} value={p}>
              {providerLabels[p]}
            </option>
          ))}
        </select>
        {state.fieldErrors?.provider && <p className="mt-1 text-xs text-red-600">{state.fieldErrors.provider}</p>}
      </div>
      <div className="text-sm">
        <label htmlFor="oauth-app-host" className="block font-medium text-slate-700">
          Host
        </label>
        <input
          id="oauth-app-host"
          name="host"
          value={host}
          onChange={(e) => setHost(e.target.value)}
          readOnly={Boolean(cloudHost)}
          required
          placeholder="git.example.com"
          aria-invalid={state.fieldErrors?.host ? true : undefined}
          aria-describedby="oauth-app-host-hint"
          className={`${fieldClass} read-only:bg-slate-50`}
        />
        <p id="oauth-app-host-hint" className="mt-1 text-xs text-slate-500">
          {cloudHost ? `The host of ${providerLabels[provider]} is ${cloudHost}.` : "host[:port] of your server, e.g. git.example.com."}
        </p>
        {state.fieldErrors?.host && <p className="mt-1 text-xs text-red-600">{state.fieldErrors.host}</p>}
      </div>
      {isGitHubProvider(provider) && (
        <div className="text-sm">
          <label htmlFor="oauth-app-kind" className="block font-medium text-slate-700">
            Type
          </label>
          <select id="oauth-app-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as OAuthAppKind)} className={fieldClass}>
            {oauthAppKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
          {state.fieldErrors?.kind && <p className="mt-1 text-xs text-red-600">{state.fieldErrors.kind}</p>}
        </div>
      )}
      <Field label="Client ID" name="clientId" required defaultValue={kept?.clientId} error={state.fieldErrors?.clientId} />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="off"
        error={state.fieldErrors?.clientSecret}
        hint="Required for a new app. When updating an app, leave it blank to keep the stored secret."
      />
      <p className="text-sm text-slate-600 sm:col-span-2">
        Callback URL to set at the provider: <code className="break-all font-mono text-xs">{callbackUrl(origin, provider)}</code>
      </p>
      <div className="sm:col-span-2">
        <SubmitButton>Save app</SubmitButton>
      </div>
    </form>
  );
}
