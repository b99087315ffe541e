"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { createTokenAction } from "./actions";

export function NewTokenForm() {
  const [state, action] = useActionState<ActionState, FormData>(createTokenAction, { status: "idle" });
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {state.data?.token && (
        <div>
          <label htmlFor="new-token" className="block text-sm font-medium text-slate-700">
            New token
          </label>
          <input id="new-token" readOnly value={state.data.token} className="mt-1 w-full rounded-md border border-green-300 bg-green-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.target.select()} />
        </div>
      )}
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field label="Token name" name="name" required error={state.fieldErrors?.name} placeholder="laptop" />
        </div>
        <div className="text-sm">
          <label htmlFor="token-expires" className="block font-medium text-slate-700">
            Expires
          </label>
          <select id="token-expires" name="expiresInDays" defaultValue="90" className="mt-1 rounded-md border border-slate-300 px-2 py-2 text-sm">
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </div>
        <SubmitButton>Create token</SubmitButton>
      </form>
    </div>
  );
}
