"use client";

import { useId, useRef, useState } from "react";
import type { CommitResult } from "@/lib/workspace/types";
import { buttonClass } from "./dialog-style";
import { formatSize } from "./format-size";
import { plural, shortOid } from "./error-text";
import { useSession } from "./session-context";

/** Why Commit did not commit; each is shown only while its cause lasts (see `problemText`). */
type Problem = "message" | "conflicts" | "nothing";

/** The words for a problem whose cause is still there, else null: a warning goes away as soon as its cause does. */
function problemText(problem: Problem | null, { message, conflicts, nothing }: { message: string; conflicts: number; nothing: boolean }): string | null {
  if (problem === "nothing" && nothing) return "Nothing to commit: there are no changes. Edit, add or delete a file first.";
  if (problem === "conflicts" && conflicts > 0) return `Resolve ${plural(conflicts, "conflict")} first (Take ours, Take theirs, Resolve cell by cell for a notebook, or edit and Mark resolved), then commit the merge.`;
  if (problem === "message" && !message.trim() && !nothing) return "Write a commit message first: say what changed and why.";
  return null;
}

/** The recommendation of large-file storage for files of 100 MB or more that a commit took, or null. */
function largeFilesText(info: CommitResult): string | null {
  if (info.largeFiles.length === 0) return null;
  const files = info.largeFiles.map((file) => `${file.path} (${formatSize(file.size)})`).join(", ");
  return `Committed, with ${info.largeFiles.length === 1 ? "a large file" : "large files"}: ${files}. Files of 100 MB or more are better kept in large-file storage made for them (Git LFS): git hosts such as GitHub refuse them, and every clone downloads each version.`;
}

/** The commit message and the Commit button: commits the selected files, or every change when none is selected, or the merge. */
export function CommitForm({ selected, onCommitted }: { selected: string[]; onCommitted: () => void }) {
  const { api, state, changes, busy, run, announce, refresh, flushEditor } = useSession();
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [largeFiles, setLargeFiles] = useState<string | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const conflicts = state.merging?.conflicts.length ?? 0;
  const nothing = !state.merging && changes.length === 0;
  const warning = problemText(problem, { message, conflicts, nothing });
  const scope = state.merging
    ? "Commits the merge"
    : nothing
      ? "No changes to commit yet"
      : selected.length > 0
        ? `Commits the ${plural(selected.length, "selected file")}`
        : `Commits all ${plural(changes.length, "change")}`;

  const commit = async () => {
    setLargeFiles(null);
    if (conflicts > 0) return setProblem("conflicts");
    await run({ busy: "Committing", failure: "Could not commit" }, async () => {
      // The editor's last keystrokes are saved first: what counts as a change is only known after that.
      if (!(await flushEditor())) return;
      const merging = state.merging !== null;
      const paths = !merging && selected.length > 0 ? selected : undefined;
      const count = paths ? paths.length : (await api.getStatus()).length;
      // Nothing to commit comes first: no message is asked for when there is nothing to describe.
      if (!merging && count === 0) {
        await refresh();
        return setProblem("nothing");
      }
      if (!message.trim()) {
        setProblem("message");
        fieldRef.current?.focus();
        return;
      }
      setProblem(null);
      const info = await api.commit({ message: message.trim(), paths });
      setMessage("");
      setLargeFiles(largeFilesText(info));
      onCommitted();
      await refresh();
      const done = merging ? `Committed the merge as ${shortOid(info.oid)}` : `Committed ${plural(count, "file")} as ${shortOid(info.oid)}`;
      announce({ text: info.largeFiles.length > 0 ? `${done}; see the note on large files under Commit.` : done, tone: "success" });
    });
  };

  return (
    <form
      className="space-y-2 border-b border-slate-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        void commit();
      }}
    >
      <label htmlFor={`${id}-message`} className="block text-xs font-semibold text-slate-700">
        Commit message
      </label>
      <textarea
        ref={fieldRef}
        id={`${id}-message`}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void commit();
          }
        }}
        rows={2}
        placeholder="What changed and why"
        aria-invalid={problem === "message" && warning ? true : undefined}
        aria-describedby={warning ? `${id}-problem` : undefined}
        className="block w-full resize-y rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-red-500"
      />
      {warning && (
        <p id={`${id}-problem`} role="alert" className={`text-xs ${problem === "nothing" ? "text-slate-700" : "text-red-700"}`}>
          {warning}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={busy !== null} aria-describedby={`${id}-scope`} className={buttonClass.primary}>
          Commit
        </button>
        <span id={`${id}-scope`} className="text-xs text-slate-500">
          {scope}
        </span>
      </div>
      {largeFiles && (
        <div role="note" aria-label="Large files" className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-xs text-amber-950">
          <p className="min-w-0 flex-1 break-words">{largeFiles}</p>
          <button type="button" onClick={() => setLargeFiles(null)} className="shrink-0 font-semibold text-amber-900 hover:underline">
            Dismiss
          </button>
        </div>
      )}
    </form>
  );
}
