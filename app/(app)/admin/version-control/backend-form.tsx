"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import type { ActionState } from "@/lib/http/action-state";
import type { BackendCheck, ExternalSettings } from "@/lib/vcs";
import { saveBackendAction } from "./actions";
import { CheckList } from "./check-list";
import { BACKEND_HELP, BACKEND_TYPE_LABELS } from "@/lib/vcs/labels";

/** What the form starts from: the settings in force (never their token), or blanks. */
export type BackendFormValues = ExternalSettings & { hasAuthToken: boolean };

const button = "rounded-md px-3 py-2 text-sm font-semibold shadow-sm disabled:opacity-50";

/** The external backend's settings, with Test (every check, nothing saved) and Apply (checks, then saves). */
export function BackendForm({ initial, types }: { initial: BackendFormValues; types: readonly string[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveBackendAction, { status: "idle" });
  const value = (name: keyof BackendFormValues) => state.values?.[name] ?? String(initial[name] ?? "");
  const [type, setType] = useState(value("type") || "github");
  const help = BACKEND_HELP[type] ?? BACKEND_HELP.github!;
  const checks = state.data?.checks ? (JSON.parse(state.data.checks) as BackendCheck[]) : null;
  const errors = state.fieldErrors ?? {};
  // Submitted by hand rather than through `action`, so that React does not reset the form:
  // after a Test the admin applies what they typed, token included, without typing it again.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  }
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-labelledby="backend-form-heading">
      <h2 id="backend-form-heading" className="text-base font-semibold sm:col-span-2">
        An organization on a git host
      </h2>
      <div className="text-sm sm:col-span-2">
        <label htmlFor="field-type" className="block font-medium text-slate-700">
          Type
        </label>
        <select id="field-type" name="type" value={type} onChange={(e) => setType(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {types.map((t) => (
            <option key={t} value={t}>
              {BACKEND_TYPE_LABELS[t] ?? t}
            </option>
          ))}
        </select>
        {errors.type && <p className="mt-1 text-xs text-red-600">{errors.type}</p>}
      </div>
      <Field label="Name" name="name" defaultValue={value("name")} error={errors.name} hint="A descriptive name people will see, such as “Acme GitHub”." required />
      <Field label="URL" name="url" defaultValue={value("url")} error={errors.url} hint={`The API root: ${help.url}`} required />
      <Field label="Credential host name" name="credentialHostname" defaultValue={value("credentialHostname")} error={errors.credentialHostname} hint={`The git host people clone from: ${help.host}`} required />
      <Field
        label="Repository name template"
        name="repository"
        defaultValue={value("repository") || "{owner}-{id}"}
        error={errors.repository}
        hint="{owner} is the creating user's handle, {id} the project's id, {name} the project's name."
        required
      />
      <Field label="Organization" name="organization" defaultValue={value("organization")} error={errors.organization} hint={help.organization} required />
      <Field label="Username" name="username" defaultValue={value("username")} error={errors.username} hint={help.username ?? "The organization administrator's account, which the token belongs to."} required />
      <div className="sm:col-span-2">
        <Field
          label="Token"
          name="authToken"
          type="password"
          autoComplete="off"
          error={errors.authToken}
          placeholder={initial.hasAuthToken ? "Saved; leave empty to keep it" : undefined}
          hint={help.token}
        />
      </div>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="font-medium text-slate-700">Deleting a project</legend>
        <div className="mt-1 flex gap-6">
          {(["archive", "delete"] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-2">
              <input type="radio" name="onDelete" value={choice} defaultChecked={(value("onDelete") || "archive") === choice} />
              {choice === "archive" ? "archives its repository at the host" : "deletes its repository at the host"}
            </label>
          ))}
        </div>
        {help.archive && <p className="mt-1 text-xs text-slate-500">{help.archive}</p>}
      </fieldset>
      <div className="space-y-3 sm:col-span-2">
        <FormMessage state={state} />
        {checks && <CheckList checks={checks} />}
      </div>
      <div className="flex gap-3 sm:col-span-2">
        <button type="submit" name="intent" value="test" disabled={pending} className={`${button} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}>
          Test
        </button>
        <button type="submit" name="intent" value="apply" disabled={pending} className={`${button} bg-indigo-600 text-white hover:bg-indigo-500`}>
          Apply
        </button>
      </div>
    </form>
  );
}
