"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import type { NewProjectDestination } from "@/lib/projects/new-project-destination";
import { AuthorizeAppButton } from "../_connections/authorize-app-button";
import { connectForNewProjectAction } from "./actions";

type External = Extract<NewProjectDestination, { kind: "external" }>;

/**
 * Shown instead of the New project form while the caller has no account
 * connected at the external backend's host: projects there are created and
 * pushed as the user, so they connect first (the OAuth app, else a token).
 */
export function ConnectForProjects({ destination }: { destination: External }) {
  const [state, action] = useActionState<ActionState, FormData>(connectForNewProjectAction, { status: "idle" });
  return (
    <div className="space-y-3 text-sm">
      <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
        New projects are kept in <strong>{destination.organization}</strong> at <strong>{destination.host}</strong>. Connect your account there first: Benchtop creates the repository and you push
        to it as yourself.
      </p>
      {destination.authorize && <AuthorizeAppButton provider={destination.authorize} host={destination.host} returnTo="/projects" />}
      <form action={action} className="space-y-3" aria-label={`Connect to ${destination.host}`}>
        <FormMessage state={state} />
        {destination.provider === "bitbucket" && (
          <Field
            label="Atlassian account email"
            name="email"
            type="email"
            required
            autoComplete="email"
            error={state.fieldErrors?.email}
            hint="Bitbucket Cloud's API tokens sign in with your Atlassian account's email."
          />
        )}
        <Field
          label={`${destination.provider === "bitbucket" ? "API token" : "Personal access token"} for ${destination.host}`}
          name="token"
          type="password"
          required
          autoComplete="off"
          error={state.fieldErrors?.token ?? state.fieldErrors?.host}
          hint="A token of your own account there that may read and write repositories. It is stored sealed and never shown again."
        />
        <SubmitButton>Connect</SubmitButton>
      </form>
    </div>
  );
}
