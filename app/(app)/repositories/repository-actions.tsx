"use client";

import Link from "next/link";
import { useActionState, useCallback, useState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import type { RepositoryView } from "@/lib/repositories/repository-view";
import { clearCredentialsAction, deleteRepositoryAction, retestRepositoryAction } from "./actions";
import { Modal } from "./modal";
import { providerLabels } from "@/lib/hosts/labels";
import { RepositoryForm } from "./repository-form";
import { SessionLink } from "@/app/components/session-link";

const idle: ActionState = { status: "idle" };
const plain = "inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";

/** A row's button that submits its form, in the row's button style. */
function RowSubmit({ children }: { children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={`${plain} disabled:text-slate-400`}>
      {pending ? "Testing…" : children}
    </button>
  );
}

/** A confirmation dialog whose one button runs the action; it stays open to show a refusal. */
function ConfirmDialog({ title, text, button, run, onClose }: { title: string; text: string; button: string; run: (prev: ActionState) => Promise<ActionState>; onClose: () => void }) {
  const [state, action] = useActionState<ActionState>(async (prev) => {
    const next = await run(prev);
    if (next.status === "success") onClose();
    return next;
  }, idle);
  return (
    <Modal title={title} onClose={onClose}>
      <form action={action} className="space-y-4">
        <p className="text-sm text-slate-700">{text}</p>
        <FormMessage state={state} />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className={plain}>
            Cancel
          </button>
          <SubmitButton variant="danger">{button}</SubmitButton>
        </div>
      </form>
    </Modal>
  );
}

/** The buttons of one registered repository and the dialogs they open. */
export function RepositoryActions({ repository }: { repository: RepositoryView }) {
  const [open, setOpen] = useState<"edit" | "clear" | "remove" | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const [retest, retestAction] = useActionState<ActionState>(retestRepositoryAction.bind(null, repository.id), idle);
  const secret = repository.provider === "s3" ? "access keys" : "token";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Link href={`/repositories/${repository.id}`} className={plain}>
          Browse
        </Link>
        {repository.provider !== "s3" && (
          <SessionLink href={`/repositories/${repository.id}/session`} className={plain}>
            Open session
          </SessionLink>
        )}
        <form action={retestAction}>
          <RowSubmit>Test again</RowSubmit>
        </form>
        <button type="button" className={plain} onClick={() => setOpen("edit")}>
          Edit
        </button>
        {repository.hasCredentials && (
          <button type="button" className={plain} onClick={() => setOpen("clear")}>
            Clear credentials
          </button>
        )}
        <button type="button" className={`${plain} text-red-700`} onClick={() => setOpen("remove")}>
          Remove
        </button>
      </div>
      {retest.status !== "idle" && (
        <p role="status" className={`text-sm ${retest.status === "success" ? "text-green-700" : "text-red-700"}`}>
          {retest.message}
        </p>
      )}
      {open === "edit" && (
        <Modal title={`Edit ${providerLabels[repository.provider]} repository ${repository.name}`} onClose={close}>
          <RepositoryForm mode="edit" provider={repository.provider} repository={repository} onDone={close} />
        </Modal>
      )}
      {open === "clear" && (
        <ConfirmDialog
          title={`Clear the credentials of ${repository.name}?`}
          text={`The stored ${secret} will be deleted from Benchtop. Private repositories cannot be read until you add new credentials with Edit. The ${secret} itself stays valid at the provider; revoke it there if it leaked.`}
          button="Clear credentials"
          run={clearCredentialsAction.bind(null, repository.id)}
          onClose={close}
        />
      )}
      {open === "remove" && (
        <ConfirmDialog
          title={`Remove ${repository.name}?`}
          text="Benchtop forgets this repository and its credentials. Nothing changes at the provider, and files already imported into projects stay there."
          button="Remove"
          run={deleteRepositoryAction.bind(null, repository.id)}
          onClose={close}
        />
      )}
    </div>
  );
}
