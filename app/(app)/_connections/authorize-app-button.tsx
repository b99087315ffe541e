"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { isGitHubProvider, type OAuthAppProvider } from "@/lib/oauth-apps/providers";
import { startAuthorizationAction } from "./authorize-action";

const idle: ActionState = { status: "idle" };

export const authorizeLabel = (provider: OAuthAppProvider) => (isGitHubProvider(provider) ? "Authorize GitHub app" : "Authorize GitLab app");

/**
 * "Authorize GitHub app" / "Authorize GitLab app": a form posting to the server
 * action that starts the OAuth flow; the browser leaves for the provider's
 * consent page and comes back to `returnTo`.
 */
export function AuthorizeAppButton({ provider, host, returnTo, label, onBeforeLeave }: { provider: OAuthAppProvider; host: string; returnTo: string; label?: string; onBeforeLeave?: () => void }) {
  const [state, action] = useActionState(startAuthorizationAction, idle);
  return (
    <form action={action} onSubmit={onBeforeLeave} className="inline-flex flex-col gap-2">
      <input type="hidden" name="provider" value={provider} />
      <input type="hidden" name="host" value={host} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubmitButton>{label ?? authorizeLabel(provider)}</SubmitButton>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
