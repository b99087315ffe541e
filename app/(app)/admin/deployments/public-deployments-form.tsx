"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { setPublicDeploymentsAction } from "./actions";

/** Allow public deployments: on or off, with what the change does said beside the button. */
export function PublicDeploymentsForm({ allowed }: { allowed: boolean }) {
  const [state, action] = useActionState<ActionState, FormData>(setPublicDeploymentsAction, { status: "idle" });
  return (
    <form action={action} aria-labelledby="public-heading" className="mt-3 space-y-3 text-sm">
      <FormMessage state={state} />
      <input type="hidden" name="allowPublic" value={String(!allowed)} />
      <p>
        Allow public deployments: <strong>{allowed ? "on" : "off"}</strong>
      </p>
      <p className="text-slate-600">
        {allowed
          ? "Turning it off serves existing public deployments to people signed in only (their links ask a visitor to sign in), and refuses to make new ones public. Turning it on again makes them public as before."
          : "Turning it on lets project editors make deployments public again, and serves the existing public ones to anyone with the link."}
      </p>
      <SubmitButton variant={allowed ? "plain" : "primary"}>{allowed ? "Turn public deployments off" : "Allow public deployments"}</SubmitButton>
    </form>
  );
}
