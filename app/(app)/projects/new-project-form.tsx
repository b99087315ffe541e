"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import type { NewProjectDestination } from "@/lib/projects/new-project-destination";
import { createProjectAction } from "./actions";
import { ConnectForProjects } from "./connect-for-projects";

/** The New project form; with an external backend, it first asks the caller to connect their account at its host. */
export function NewProjectForm({ destination }: { destination: NewProjectDestination }) {
  const [state, action] = useActionState<ActionState, FormData>(createProjectAction, { status: "idle" });
  const heading = (
    <h2 id="new-project-heading" className="text-base font-semibold">
      New project
    </h2>
  );
  if (destination.kind === "external" && !destination.login) {
    return (
      <section className="space-y-4" aria-labelledby="new-project-heading">
        {heading}
        <ConnectForProjects destination={destination} />
      </section>
    );
  }
  return (
    <form action={action} className="space-y-4" aria-labelledby="new-project-heading">
      {heading}
      <FormMessage state={state} />
      <Field label="Project name" name="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} hint="Letters, digits, '.', '-' and '_'; up to 100 characters." />
      <Field label="Description" name="description" multiline defaultValue={state.values?.description} error={state.fieldErrors?.description} />
      {destination.kind === "external" && (
        <p className="text-xs text-slate-500">
          The repository is created in {destination.organization} at {destination.host}; you push to it as {destination.login}.
        </p>
      )}
      <SubmitButton>Create project</SubmitButton>
    </form>
  );
}
