"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";
import type { UserView } from "@/lib/users/user-view";
import { updateUserAction } from "./actions";
import { ResetPasswordForm } from "./reset-password-form";
import { UnlockButton } from "./unlock-button";

/** One user; `limitedFor` is how long their sign-in is still limited ("3 minutes"), when it is. */
export function UserRow({ user, isSelf, limitedFor }: { user: UserView; isSelf: boolean; limitedFor?: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateUserAction.bind(null, user.id), { status: "idle" });
  return (
    <tr className={user.disabled ? "text-slate-400" : undefined}>
      <td className="px-4 py-2">
        <span className="font-medium">{user.name}</span> <span className="text-slate-500">{user.email}</span>
      </td>
      <td className="px-4 py-2 font-mono text-xs">{user.handle}</td>
      <td className="px-4 py-2">
        <form action={action} className="flex items-center gap-2">
          <select name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`} className="rounded-md border border-slate-300 px-2 py-1 text-sm" disabled={isSelf}>
            <option value="user">user</option>
            <option value="admin">admin</option>
          </select>
          {!isSelf && (
            <button type="submit" disabled={pending} className="text-sm text-indigo-700 hover:underline">
              Set role
            </button>
          )}
        </form>
      </td>
      <td className="px-4 py-2">
        {user.disabled ? "disabled" : "active"}
        <UnlockButton userId={user.id} email={user.email} limitedFor={limitedFor} />
      </td>
      <td className="space-y-1 px-4 py-2 text-right">
        {!isSelf && <ResetPasswordForm userId={user.id} email={user.email} />}
        {!isSelf && (
          <form action={action}>
            <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
            <button type="submit" disabled={pending} className="text-sm text-red-700 hover:underline" aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}>
              {user.disabled ? "Enable" : "Disable"}
            </button>
          </form>
        )}
        {state.status === "error" && (
          <span role="alert" className="block text-xs text-red-700">
            {state.message}
          </span>
        )}
      </td>
    </tr>
  );
}
