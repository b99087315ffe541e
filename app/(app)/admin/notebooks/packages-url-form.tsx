"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { savePackagesUrlAction } from "./actions";

/** The administrator's Pyodide package repository: a URL, or empty for none. */
export function PackagesUrlForm({ current }: { current: string }) {
  const [state, action] = useActionState<ActionState, FormData>(savePackagesUrlAction, { status: "idle" });
  const value = state.values?.pyodidePackagesUrl ?? current;
  return (
    <form action={action} aria-labelledby="packages-heading" className="mt-3 space-y-3">
      <FormMessage state={state} />
      {/* Keyed by the value so that a saved URL shows as Benchtop stored it (with its final "/"). */}
      <Field
        key={value}
        label="Pyodide package repository URL"
        name="pyodidePackagesUrl"
        defaultValue={value}
        placeholder="Empty: none"
        error={state.fieldErrors?.pyodidePackagesUrl}
        hint="An https:// URL, or http:// for a mirror on your network. Empty for none. Sessions opened or reloaded after saving use it."
      />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
