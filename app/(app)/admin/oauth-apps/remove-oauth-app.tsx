"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";
import type { OAuthAppProvider } from "@/lib/oauth-apps/providers";
import { removeOAuthAppAction } from "./actions";
import { providerLabels } from "@/lib/hosts/labels";

export function RemoveOAuthApp({ provider, host }: { provider: OAuthAppProvider; host: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(removeOAuthAppAction, { status: "idle" });
  const label = `${providerLabels[provider]} app for ${host}`;
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Remove the ${label}? Users will no longer be able to connect to ${host} with it.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="provider" value={provider} />
      <input type="hidden" name="host" value={host} />
      <button type="submit" disabled={pending} className="text-sm text-red-700 hover:underline" aria-label={`Remove ${label}`}>
        Remove
      </button>
      {state.status === "error" && (
        <span role="alert" className="block text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
