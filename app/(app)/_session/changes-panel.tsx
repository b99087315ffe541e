"use client";

import { useState } from "react";
import type { Change } from "@/lib/workspace/types";
import { ChangeRow } from "./change-row";
import { CommitForm } from "./commit-form";
import { MergeBanner } from "./merge-banner";
import { useSession } from "./session-context";

// What Discard will do, said before it does it.
const discardText = {
  new: "The new file will be deleted. This cannot be undone.",
  modified: "The file will go back to how it is in the last commit; your changes to it will be lost.",
  deleted: "The file will come back as it is in the last commit.",
};

const resolvedText = { ours: "kept your version", theirs: "took the remote's version", edited: "kept your edited version" };

/** Uncommitted changes: select them for the commit (staging), see diffs, discard, settle conflicts, commit. */
export function ChangesPanel() {
  const { api, changes, state, canPush, run, confirm, announce, refresh, openPath, openFile, flushEditor } = useSession();
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const selectedPaths = changes.filter((change) => selected.has(change.path)).map((change) => change.path);

  const select = (path: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(path);
      else next.delete(path);
      return next;
    });

  const discard = async (change: Change) => {
    const ok = await confirm({
      title: `Discard changes to ${change.path}?`,
      body: discardText[change.kind],
      confirmLabel: "Discard changes",
      danger: true,
    });
    if (!ok) return;
    await run({ busy: `Discarding ${change.path}`, failure: `Could not discard ${change.path}` }, async () => {
      const wasOpen = openPath === change.path;
      // The editor's unsaved text for this file is part of what is being discarded.
      if (wasOpen) await openFile(null, { save: false });
      await api.discardChanges({ paths: [change.path] });
      select(change.path, false);
      await refresh();
      if (wasOpen && change.kind !== "new") await openFile(change.path);
      announce({ text: `Discarded the changes to ${change.path}`, tone: "success" });
    });
  };

  const resolve = async (change: Change, take: "ours" | "theirs" | "edited") => {
    await run({ busy: `Resolving ${change.path}`, failure: `Could not resolve ${change.path}` }, async () => {
      if (!(await flushEditor())) return;
      await api.resolveConflict({ path: change.path, take });
      await refresh();
      announce({ text: `Resolved ${change.path}: ${resolvedText[take]}`, tone: "success" });
    });
  };

  const conflicts = state.merging?.conflicts ?? [];
  const rows = changes.map((change) => (conflicts.includes(change.path) && !change.conflict ? { ...change, conflict: true } : change));

  return (
    <div className="flex h-full min-h-0 flex-col">
      <MergeBanner />
      {canPush ? (
        <CommitForm selected={selectedPaths} onCommitted={() => setSelected(new Set())} />
      ) : (
        <p className="border-b border-slate-200 p-3 text-xs text-slate-600">
          Read-only: a viewer cannot commit or push here.
          {rows.length > 0 && " The changes below were made in this browser earlier and stay only here: discard them, or ask the owner for editor access to commit them."}
        </p>
      )}
      <div className="flex items-center justify-between px-3 pb-1 pt-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{rows.length === 0 ? "No changes" : `${rows.length} changed`}</h3>
        {rows.length > 0 && <span className="text-xs text-slate-500">{state.merging ? "The merge commits every change" : selectedPaths.length > 0 ? `${selectedPaths.length} selected` : "Select files to commit only those"}</span>}
      </div>
      <ul aria-label="Changed files" className="min-h-0 flex-1 divide-y divide-slate-100 overflow-auto">
        {rows.map((change) => (
          <ChangeRow
            key={change.path}
            change={change}
            selected={selected.has(change.path)}
            onSelect={(on) => select(change.path, on)}
            onDiscard={() => void discard(change)}
            onResolve={(take) => void resolve(change, take)}
          />
        ))}
      </ul>
    </div>
  );
}
