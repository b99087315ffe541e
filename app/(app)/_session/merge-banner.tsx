"use client";

import { plural } from "./error-text";
import { useSession } from "./session-context";

/** Shown while a pull's merge waits for its conflicts to be resolved and committed. */
export function MergeBanner() {
  const { api, state, busy, run, confirm, announce, refresh } = useSession();
  if (!state.merging) return null;
  const count = state.merging.conflicts.length;

  const abort = async () => {
    const ok = await confirm({
      title: "Abort the merge?",
      body: "Your copy will go back to how it was before the pull, and the conflict resolutions made so far will be lost. You can pull again later.",
      confirmLabel: "Abort the merge",
      cancelLabel: "Keep merging",
      danger: true,
    });
    if (!ok) return;
    await run({ busy: "Aborting the merge", failure: "Could not abort the merge" }, async () => {
      await api.abortMerge();
      await refresh();
      announce({ text: "Merge aborted: your copy is back to how it was before the pull.", tone: "success" });
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="min-w-0 flex-1 font-medium">{count > 0 ? `Merging: resolve ${plural(count, "conflict")}, then commit` : "Merging: all conflicts are resolved — commit to finish the merge"}</p>
      <button type="button" disabled={busy !== null} onClick={() => void abort()} className="rounded-md border border-amber-400 bg-white px-2 py-1 text-xs font-semibold text-amber-900 hover:bg-amber-100">
        Abort merge
      </button>
    </div>
  );
}
