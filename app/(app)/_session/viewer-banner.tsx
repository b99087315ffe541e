"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { buttonClass, dialogClass } from "./dialog-style";

type CopyAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  name: string;
  /** The project as a zip of its default branch. */
  downloadHref: string;
  /** Makes a project of the viewer's from this one (with its history) and opens it. */
  copyAction: CopyAction;
};

const link = "rounded-md border border-amber-300 bg-white px-2.5 py-1 text-xs font-semibold text-amber-950 hover:bg-amber-100";

/**
 * A viewer's session says from its first paint that it is read-only and why,
 * and offers what a viewer can do instead of work that Push would refuse:
 * browse (the tree and the read-only editor), download, or copy the project
 * into one of their own.
 */
export function ViewerBanner({ name, downloadHref, copyAction }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <section aria-label="Read-only session" className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950 md:px-4">
      <p className="min-w-0 flex-1 basis-64">
        <strong className="font-semibold">Read-only.</strong> You are a viewer of this project: you can browse, download and copy it, but not push. Ask the owner for editor access.
      </p>
      <div className="flex flex-wrap gap-2">
        <a href={downloadHref} download className={link}>
          Download .zip
        </a>
        <button type="button" className={link} onClick={() => dialogRef.current?.showModal()}>
          Copy into a project of your own
        </button>
      </div>
      <CopyDialog dialogRef={dialogRef} name={name} copyAction={copyAction} />
    </section>
  );
}

/** The name of the copy; the action opens the new project's session when it is made, or says here why it was not. */
function CopyDialog({ dialogRef, name, copyAction }: { dialogRef: React.RefObject<HTMLDialogElement | null>; name: string; copyAction: CopyAction }) {
  const [state, action] = useActionState<ActionState, FormData>(copyAction, { status: "idle" });
  const titleId = "copy-project-title";
  useEffect(() => {
    if (state.status === "error") dialogRef.current?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
  }, [state, dialogRef]);
  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} className={`m-auto ${dialogClass}`}>
      <form action={action} className="space-y-3">
        <h2 id={titleId} className="break-words text-base font-semibold">
          Copy {name} into a project of your own
        </h2>
        <p className="text-sm text-slate-700">
          A new project will be made with you as its owner, holding every branch, tag and commit of {name}. You will be able to edit, commit and push there; {name} itself will not change.
        </p>
        <FormMessage state={state} />
        <Field label="Name of your project" name="name" defaultValue={state.values?.name ?? name} error={state.fieldErrors?.name} hint="Letters, digits, '.', '-' and '_'; up to 100 characters." />
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass.plain} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <SubmitButton>Copy into my project</SubmitButton>
        </div>
      </form>
    </dialog>
  );
}
