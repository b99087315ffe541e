"use client";

import { plural } from "./error-text";
import { useSession } from "./session-context";
import { useSyncActions } from "./use-sync-actions";

const button = "rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:cursor-not-allowed";

/** Pull and Push; Push is described by how many commits wait to be pushed. A viewer gets Pull only. */
export function SyncButtons() {
  const { state, busy, canPush } = useSession();
  const { pull, push } = useSyncActions();
  const unpushed = state.unpushed;
  // During a merge the remote's commits are already here, waiting for the merge commit.
  const behind = state.behind && !state.merging;
  return (
    <div className="flex flex-wrap items-center gap-2">
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
      {canPush ? (
        <>
          <button
            type="button"
            onClick={() => void push()}
            disabled={busy !== null}
            aria-describedby="push-description"
            className={`${button} bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-300`}
          >
            Push
          </button>
          <span id="push-description" className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${unpushed > 0 ? "bg-indigo-100 text-indigo-800" : "text-slate-500"}`}>
            {`${unpushed} unpushed`}
          </span>
        </>
      ) : (
        // A viewer pushes nothing; commits made here earlier (as an editor) stay, and say why they wait.
        unpushed > 0 && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" title="You are a viewer now: these commits stay in this browser and cannot be pushed.">
            {plural(unpushed, "local commit")}, not pushable
          </span>
        )
      )}
    </div>
  );
}
