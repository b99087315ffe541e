"use client";

import { useId, useRef, useState } from "react";
import { buttonClass } from "./dialog-style";
import { plural, shortOid } from "./error-text";
import { useSession } from "./session-context";

/** The commit message and the Commit button: commits the selected files, or every change when none is selected, or the merge. */
export function CommitForm({ selected, onCommitted }: { selected: string[]; onCommitted: () => void }) {
  const { api, state, changes, busy, run, announce, refresh, flushEditor } = useSession();
  const [message, setMessage] = useState("");
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const conflicts = state.merging?.conflicts.length ?? 0;
  const scope = state.merging ? "Commits the merge" : selected.length > 0 ? `Commits the ${plural(selected.length, "selected file")}` : `Commits all ${plural(changes.length, "change")}`;

  const commit = async () => {
    if (!message.trim()) {
      announce({ text: "Write a commit message first: say what changed and why.", tone: "error" });
      fieldRef.current?.focus();
      return;
    }
    if (conflicts > 0) {
      announce({ text: `Resolve ${plural(conflicts, "conflict")} first (Take ours, Take theirs, or edit and Mark resolved), then commit the merge.`, tone: "error" });
      return;
    }
    await run({ busy: "Committing", failure: "Could not commit" }, async () => {
      if (!(await flushEditor())) return;
      const merging = state.merging !== null;
      const paths = !merging && selected.length > 0 ? selected : undefined;
      const count = paths ? paths.length : (await api.getStatus()).length;
      if (!merging && count === 0) return announce({ text: "Nothing to commit: there are no changes.", tone: "info" });
      const info = await api.commit({ message: message.trim(), paths });
      setMessage("");
      onCommitted();
      await refresh();
      announce({ text: merging ? `Committed the merge as ${shortOid(info.oid)}` : `Committed ${plural(count, "file")} as ${shortOid(info.oid)}`, tone: "success" });
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
        className="block w-full resize-y rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
      />
      <div className="flex items-center gap-2">
        <button type="submit" disabled={busy !== null} aria-describedby={`${id}-scope`} className={buttonClass.primary}>
          Commit
        </button>
        <span id={`${id}-scope`} className="text-xs text-slate-500">
          {scope}
        </span>
      </div>
    </form>
  );
}
