"use client";

import { codeOf, describeError } from "./error-text";
import { useSession } from "./session-context";

/** Deletes this browser's copy and downloads it again; asks before losing unpushed or uncommitted work. */
export function ResetButton() {
  const { api, busy, run, confirm, announce, openFile, reopen, flushEditor } = useSession();

  const reset = () =>
    run({ busy: "Resetting the local copy", failure: "Could not reset the local copy" }, async () => {
      // Saved text counts as an uncommitted change, so the refusal below covers it too.
      await flushEditor();
      try {
        await api.resetLocalCopy({});
      } catch (error) {
        const code = codeOf(error);
        if (code !== "unpushed" && code !== "dirty") throw error;
        const ok = await confirm({
          title: "Reset the local copy and lose your work?",
          body: `${describeError(error)} Resetting will delete this browser's copy with that work and download the repository again. This cannot be undone.`,
          confirmLabel: "Reset and lose work",
          cancelLabel: "Keep my work",
          danger: true,
        });
        if (!ok) return announce({ text: "Nothing was reset; your work is kept.", tone: "info" });
        await api.resetLocalCopy({ force: true });
      }
      await openFile(null, { save: false });
      announce({ text: "Deleted the local copy; downloading it again…", tone: "progress" });
      await reopen();
    });

  return (
    <button type="button" disabled={busy !== null} onClick={() => void reset()} className="rounded-md px-2 py-1.5 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-400">
      Reset local copy
    </button>
  );
}
