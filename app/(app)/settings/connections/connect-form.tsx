"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import { providerLabels } from "@/lib/hosts/labels";
import type { ActionState } from "@/lib/http/action-state";
import { connectWithTokenAction } from "./actions";

// The cloud providers' own hosts fill the Host field; the self-hosted ones name their own.
const PROVIDERS = [
  { value: "github", host: "github.com" },
  { value: "github-enterprise", host: "" },
  { value: "gitlab", host: "gitlab.com" },
  { value: "gitlab-self-managed", host: "" },
  { value: "bitbucket", host: "bitbucket.org" },
  { value: "bitbucket-server", host: "" },
] as const;

const defaultHost = (provider: string) => PROVIDERS.find((p) => p.value === provider)?.host ?? "";

export function ConnectForm() {
  const [state, action] = useActionState<ActionState, FormData>(connectWithTokenAction, { status: "idle" });
  const [provider, setProvider] = useState<string>(state.values?.provider || "github");
  const [host, setHost] = useState<string>(state.values?.host ?? defaultHost("github"));
  const providerError = state.fieldErrors?.provider;
  const form = useRef<HTMLFormElement>(null);
  // Submitted by hand, so that a refusal leaves the form as it was typed (an
  // action's automatic reset would show the first provider while the state
  // still holds another); once connected, only the secrets are cleared.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  useEffect(() => {
    if (state.status !== "success" || !form.current) return;
    for (const name of ["token", "email"]) {
      const input = form.current.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = "";
    }
  }, [state]);
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">Connect with a personal access token</h2>
      <FormMessage state={state} />
      <form ref={form} onSubmit={submit} className="grid gap-4 sm:grid-cols-2">
        <div className="text-sm">
          <label htmlFor="field-provider" className="block font-medium text-slate-700">
            Provider
          </label>
          <select
            id="field-provider"
            name="provider"
            value={provider}
            aria-invalid={providerError ? true : undefined}
            onChange={(e) => {
              // The host follows the provider unless the user typed one of their own.
              if (host === defaultHost(provider)) setHost(defaultHost(e.target.value));
              setProvider(e.target.value);
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {PROVIDERS.map((p) => (
              <option key={p.value} value={p.value}>
                {providerLabels[p.value]}
              </option>
            ))}
          </select>
          {providerError && <p className="mt-1 text-xs text-red-700">{providerError}</p>}
        </div>
        <div className="text-sm">
          <label htmlFor="field-host" className="block font-medium text-slate-700">
            Host
          </label>
          <input
            id="field-host"
            name="host"
            required
            value={host}
            onChange={(e) => setHost(e.target.value)}
            placeholder="git.example.com"
            aria-invalid={state.fieldErrors?.host ? true : undefined}
            aria-describedby={state.fieldErrors?.host ? "field-host-error" : "field-host-hint"}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500"
          />
          {state.fieldErrors?.host ? (
            <p id="field-host-error" className="mt-1 text-xs text-red-700">
              {state.fieldErrors.host}
            </p>
          ) : (
            <p id="field-host-hint" className="mt-1 text-xs text-slate-500">
              host or host:port, as in the repositories&apos; addresses.
            </p>
          )}
        </div>
        {provider === "bitbucket" && (
          <div className="sm:col-span-2">
            <Field
              label="Atlassian account email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={state.values?.email}
              error={state.fieldErrors?.email}
              hint="For an API token of your Atlassian account, which Bitbucket signs in with your email. Leave empty for a repository or workspace access token."
            />
          </div>
        )}
        <div className="sm:col-span-2">
          <Field
            label={provider === "bitbucket" ? "API token or access token" : "Personal access token"}
            name="token"
            type="password"
            required
            autoComplete="off"
            error={state.fieldErrors?.token}
            hint="Checked against the host before it is stored; stored encrypted and never shown again."
          />
        </div>
        <div>
          <SubmitButton>Connect</SubmitButton>
        </div>
      </form>
    </div>
  );
}
