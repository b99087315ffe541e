"use client";

import { useSession } from "./session-context";
import { useSyncActions } from "./use-sync-actions";

const button = "rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:cursor-not-allowed";

/** Pull and Push; Push is described by how many commits wait to be pushed. */
export function SyncButtons() {
  const { state, busy, canPush } = useSession();
  const { pull, push } = useSyncActions();
  const unpushed = state.unpushed;
  // During a merge the remote's commits are already here, waiting for the merge commit.
  const behind = state.behind && !state.merging;
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        onClick={() => void pull()}
        disabled={busy !== null}
        aria-describedby={behind ? "pull-description" : undefined}
        className={`${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400`}
      >
        Pull
      </button>
      {behind && (
        <span id="pull-description" className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-800">
          remote has new commits
        </span>
      )}
      <button
        type="button"
        onClick={() => void push()}
        disabled={busy !== null}
        aria-describedby="push-description"
        title={canPush ? undefined : "You can view this project; the server will refuse pushes until the owner makes you an editor"}
        className={`${button} bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-300`}
      >
        Push
      </button>
      <span id="push-description" className={`rounded-full px-2 py-0.5 text-xs font-medium ${unpushed > 0 ? "bg-indigo-100 text-indigo-800" : "text-slate-500"}`}>
        {`${unpushed} unpushed`}
        {!canPush && " · read-only"}
      </span>
    </div>
  );
}
