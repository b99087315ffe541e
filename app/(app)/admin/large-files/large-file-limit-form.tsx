"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { saveLargeFileLimitAction } from "./actions";

/** The largest Git LFS object, in MB. */
export function LargeFileLimitForm({ currentMegabytes, defaultMegabytes }: { currentMegabytes: string; defaultMegabytes: string }) {
  const [state, action] = useActionState<ActionState, FormData>(saveLargeFileLimitAction, { status: "idle" });
  const value = state.values?.maxObjectMegabytes ?? currentMegabytes;
  return (
    <form action={action} aria-labelledby="limit-heading" className="mt-3 space-y-3">
      <FormMessage state={state} />
      <Field
        key={value}
        label="Largest file (MB)"
        name="maxObjectMegabytes"
        defaultValue={value}
        required
        error={state.fieldErrors?.maxObjectMegabytes}
        hint={`1024 MB is 1 GB. The default is ${defaultMegabytes} MB. A push with a larger file is refused, naming this setting; files already stored stay.`}
      />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
