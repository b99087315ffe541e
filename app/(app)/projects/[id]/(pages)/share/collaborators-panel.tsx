"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import type { CollaboratorView } from "@/lib/projects/collaborators";
import { ConfirmActionButton } from "@/app/components/confirm-action-button";
import { UserSearchField } from "./user-search-field";
import { addCollaboratorAction, changeCollaboratorRoleAction, removeCollaboratorAction, transferProjectAction } from "../../_project/actions";

const idle: ActionState = { status: "idle" };

function CollaboratorRow({ projectId, collaborator, canManage }: { projectId: string; collaborator: CollaboratorView; canManage: boolean }) {
  const [roleState, changeRole] = useActionState<ActionState, FormData>(changeCollaboratorRoleAction.bind(null, projectId, collaborator.userId), idle);
  const [removeState, remove] = useActionState<ActionState, FormData>(removeCollaboratorAction.bind(null, projectId, collaborator.userId), idle);
  const error = [roleState, removeState].find((s) => s.status === "error");
  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm">
      <span className="min-w-48 flex-1 break-words">
        {collaborator.name} <span className="break-all text-slate-500">{collaborator.email}</span>
        {collaborator.hostAccess === "waiting" && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">waiting to connect</span>}
      </span>
      {canManage ? (
        <>
          {/* Keyed by the saved role: once the change is saved, the choice shows what the server holds. */}
          <RoleForm key={collaborator.role} action={changeRole} email={collaborator.email} role={collaborator.role} />
          {roleState.status === "success" && (
            <span role="status" className="text-xs text-emerald-700">
              {roleState.message}
            </span>
          )}
          <ConfirmActionButton
            action={transferProjectAction.bind(null, projectId, collaborator.userId)}
            label={`Make ${collaborator.email} the owner`}
            confirmText={`Hand this project to ${collaborator.email}? They will become its owner, and you will stay on it as an editor.`}
          >
            Make owner
          </ConfirmActionButton>
          <form action={remove}>
            <button type="submit" aria-label={`Remove ${collaborator.email}`} className="text-sm text-red-700 hover:underline">
              Remove
            </button>
          </form>
        </>
      ) : (
        <span className="text-slate-600">{collaborator.role}</span>
      )}
      {error && <FormMessage state={error} />}
    </li>
  );
}

/** The role choice saves as soon as it changes; the button is there for keyboards and for pages without scripts. */
function RoleForm({ action, email, role }: { action: (data: FormData) => void; email: string; role: CollaboratorView["role"] }) {
  return (
    <form action={action} className="flex items-center gap-2">
      <select name="role" defaultValue={role} aria-label={`Role of ${email}`} onChange={(e) => e.currentTarget.form?.requestSubmit()} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        <option value="viewer">viewer</option>
        <option value="editor">editor</option>
      </select>
      <SubmitButton variant="plain">Change role</SubmitButton>
    </form>
  );
}

/** `host`: the git host of an external project's repository, where each collaborator's own account is given access. */
export function CollaboratorsPanel({ projectId, collaborators, canManage, host }: { projectId: string; collaborators: CollaboratorView[]; canManage: boolean; host: string | null }) {
  const [state, add] = useActionState<ActionState, FormData>(addCollaboratorAction.bind(null, projectId), idle);
  const waiting = collaborators.some((c) => c.hostAccess === "waiting");
  return (
    <div className="space-y-4">
      {host && (
        <p className="text-sm text-slate-600">
          The repository is at {host}: each collaborator works there with their own account.
          {waiting && <> Those waiting to connect get access when they connect their account at {host} in Settings → Connections.</>}
        </p>
      )}
      {collaborators.length === 0 ? (
        <p className="text-sm text-slate-600">Only the owner works on this project.</p>
      ) : (
        <ul aria-label="Collaborators" className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {collaborators.map((c) => (
            <CollaboratorRow key={c.userId} projectId={projectId} collaborator={c} canManage={canManage} />
          ))}
        </ul>
      )}
      {canManage && (
        <form action={add} className="flex flex-wrap items-end gap-2">
          <div className="w-full">
            <FormMessage state={state} />
          </div>
          <div className="text-sm">
            <label htmlFor="collaborator-email" className="block font-medium text-slate-700">
              Person (name or email)
            </label>
            {/* Remounted once someone is added, so the field is empty for the next one. */}
            <UserSearchField key={collaborators.length} name="email" invalid={Boolean(state.fieldErrors?.email)} excludeIds={collaborators.map((c) => c.userId)} />
          </div>
          <div className="text-sm">
            <label htmlFor="collaborator-role" className="block font-medium text-slate-700">
              Role
            </label>
            <select id="collaborator-role" name="role" defaultValue="viewer" className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
              <option value="viewer">viewer</option>
              <option value="editor">editor</option>
            </select>
          </div>
          <SubmitButton>Add collaborator</SubmitButton>
        </form>
      )}
    </div>
  );
}
