"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { Field } from "@/app/components/field";
import { AccessRequestLink } from "@/app/components/access-request-link";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import type { Provider } from "@/lib/hosts/types";
import type { RepositoryView } from "@/lib/repositories/repository-view";
import { createRepositoryAction, testRepositoryAction, updateRepositoryAction } from "./actions";
import { tokenRequired } from "@/lib/hosts/token-required";
import { locationHint, tokenHints } from "./providers";
import { RepositoryPicker } from "./repository-picker";

const idle: ActionState = { status: "idle" };

/** The user's connection to the provider's host: its repositories fill the Repository field. */
export type ConnectedAccount = { id: string; login: string; host: string };

type Props = { provider: Provider; onDone: () => void; connection?: ConnectedAccount } & ({ mode: "add"; repository?: undefined } | { mode: "edit"; repository: RepositoryView });

/** The fields of one provider, for adding a repository or editing a registered one. */
export function RepositoryForm({ provider, mode, repository, onDone, connection }: Props) {
  const save = mode === "add" ? createRepositoryAction : updateRepositoryAction.bind(null, repository.id);
  const [state, action] = useActionState<ActionState, FormData>(save, idle);
  const [test, setTest] = useState<ActionState>(idle);
  const [testing, startTest] = useTransition();
  const [shown, setShown] = useState<"save" | "test">("save");
  // With a connected account the Repository field lists its repositories; a personal access token stays the fallback.
  const [withToken, setWithToken] = useState(!connection);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.status === "success") onDone();
  }, [state, onDone]);

  // Test runs outside the form's action so that nothing typed is reset.
  function runTest() {
    if (!form.current) return;
    const data = new FormData(form.current);
    setShown("test");
    startTest(async () => setTest(await testRepositoryAction(idle, data)));
  }

  const current = shown === "test" ? test : state;
  const errors = current.fieldErrors ?? {};
  const value = (name: string, stored?: string | null) => state.values?.[name] ?? stored ?? undefined;
  const keep = mode === "edit" ? " Leave empty to keep the stored one." : "";

  return (
    <form ref={form} action={action} onSubmit={() => setShown("save")} className="space-y-4" noValidate>
      <input type="hidden" name="provider" value={provider} />
      {state.status === "error" && <FormMessage state={state} />}
      <Field label="Name" name="name" defaultValue={value("name", repository?.name)} error={errors.name} autoComplete="off" />
      {provider === "s3" ? (
        <>
          <Field label="Bucket name" name="bucket" defaultValue={value("bucket", repository?.bucket)} error={errors.bucket} autoComplete="off" hint="For a public bucket this is the only field you need to fill in." />
          <Field label="Access key ID" name="accessKeyId" defaultValue={state.values?.accessKeyId} error={errors.accessKeyId} autoComplete="off" hint={`Needed for a private bucket, with the secret access key.${keep}`} />
          <Field label="Secret access key" name="secretAccessKey" type="password" error={errors.secretAccessKey} autoComplete="new-password" hint={keep.trim() || undefined} />
          <Field label="Session token" name="sessionToken" type="password" error={errors.sessionToken} autoComplete="new-password" hint={`Optional; only for temporary credentials.${keep}`} />
          <Field label="Region" name="region" defaultValue={value("region", repository?.region)} error={errors.region} autoComplete="off" hint="Optional, such as eu-west-1." />
          <Field label="Endpoint" name="endpoint" defaultValue={value("endpoint", repository?.endpoint)} error={errors.endpoint} autoComplete="off" hint="Optional; the address of S3-compatible storage such as MinIO. Leave empty for AWS." />
        </>
      ) : connection && !withToken ? (
        <>
          <RepositoryPicker
            connectionId={connection.id}
            account={`${connection.login} at ${connection.host}`}
            defaultValue={value("location")}
            error={errors.location}
            onChoose={(choice) => {
              const name = form.current?.elements.namedItem("name");
              if (name instanceof HTMLInputElement && !name.value.trim()) name.value = choice.fullName.split("/").pop() ?? "";
            }}
          />
          <p className="text-xs text-slate-600">
            Benchtop uses your connection as {connection.login} for this repository.{" "}
            <button type="button" onClick={() => setWithToken(true)} className="font-medium text-indigo-700 underline hover:text-indigo-600">
              Use a personal access token instead
            </button>
          </p>
        </>
      ) : (
        <>
          <Field label="Repository location" name="location" defaultValue={value("location", repository?.location)} error={errors.location} autoComplete="off" placeholder="https://host/owner/repository" hint={locationHint} />
          <Field
            label="Personal access token"
            name="token"
            type="password"
            error={errors.token}
            autoComplete="new-password"
            hint={mode === "edit" && repository.hasCredentials ? `A token is stored.${keep}` : tokenHints[provider].text}
          />
          {tokenHints[provider].href && (
            <p className="-mt-2 text-xs">
              <a href={tokenHints[provider].href} target="_blank" rel="noreferrer" className="font-medium text-indigo-700 underline hover:text-indigo-600">
                {tokenHints[provider].linkText}
              </a>
            </p>
          )}
        </>
      )}
      <Field label="Description" name="description" multiline defaultValue={value("description", repository?.description)} error={errors.description} hint="Optional." />
      {mode === "add" && (
        <div role="status" aria-live="polite" aria-label="Test result">
          {testing ? (
            <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">Testing the connection…</p>
          ) : (
            test.message && (
              <p className={`rounded-md border px-3 py-2 text-sm ${test.status === "success" ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`}>
                {test.message}
                {test.accessRequest && (
                  <>
                    {" "}
                    <AccessRequestLink request={test.accessRequest} />
                  </>
                )}
              </p>
            )
          )}
        </div>
      )}
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
        {mode === "add" && (
          <button type="button" onClick={runTest} disabled={testing} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-700 shadow-sm hover:bg-slate-50 disabled:text-slate-400">
            Test
          </button>
        )}
        <SubmitButton>{mode === "add" ? "Add repository" : "Save changes"}</SubmitButton>
      </div>
      {mode === "edit" && tokenRequired(provider) && !repository.hasCredentials && (
        <p className="text-xs text-slate-500">This provider needs a token; none is stored.</p>
      )}
    </form>
  );
}
