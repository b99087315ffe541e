"use client";

import { useId, useState } from "react";
import type { Change } from "@/lib/workspace/types";
import { FileDiffView } from "./file-diff-view";
import { ResolveCellsButton } from "./notebook-conflicts";
import { useSession } from "./session-context";

const small = "rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:text-slate-400";

/** added / modified / deleted / untracked: new files count as added once selected for the commit. */
export function kindLabel(change: Change, selected: boolean): string {
  if (change.conflict) return "conflict";
  if (change.kind === "new") return selected ? "added" : "untracked";
  return change.kind;
}

const kindStyle: Record<string, string> = {
  conflict: "bg-red-100 text-red-800",
  added: "bg-green-100 text-green-800",
  untracked: "bg-slate-100 text-slate-700",
  modified: "bg-amber-100 text-amber-800",
  deleted: "bg-red-50 text-red-700",
};

type Props = {
  change: Change;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDiscard: () => void;
  onResolve: (take: "ours" | "theirs" | "edited") => void;
};

/** One changed file: select it for the commit, see its diff, discard it or settle its conflict. */
export function ChangeRow({ change, selected, onSelect, onDiscard, onResolve }: Props) {
  const { api, revision, busy, openFile, state } = useSession();
  const [showDiff, setShowDiff] = useState(false);
  const id = useId();
  const kind = kindLabel(change, selected);
  const cellByCell = change.conflict && (state.merging?.notebooks.includes(change.path) ?? false);
  return (
    <li className={`px-3 py-1.5 ${change.conflict ? "bg-red-50/60" : ""}`}>
      <div className="flex items-center gap-2">
        <input type="checkbox" aria-label={change.path} checked={selected} onChange={(e) => onSelect(e.target.checked)} className="size-4 shrink-0 accent-indigo-600" />
        <button
          type="button"
          id={`${id}-path`}
          aria-expanded={showDiff}
          aria-controls={showDiff ? `${id}-diff` : undefined}
          title={`${change.path} (show or hide the diff)`}
          onClick={() => setShowDiff((shown) => !shown)}
          className="min-w-0 flex-1 truncate text-left font-mono text-xs text-slate-800 hover:underline"
        >
          <span aria-hidden className="mr-1 text-slate-400">
            {showDiff ? "▾" : "▸"}
          </span>
          {change.path}
        </button>
        <span className={`shrink-0 rounded px-1.5 text-[11px] font-medium ${kindStyle[kind]}`}>{kind}</span>
        {!change.conflict && (
          <button type="button" aria-describedby={`${id}-path`} className={small} disabled={busy !== null} onClick={onDiscard}>
            Discard
          </button>
        )}
      </div>
      {change.conflict && (
        <div role="group" aria-label={`Resolve ${change.path}`} className="mt-1.5 flex flex-wrap gap-1 pl-6">
          {cellByCell && <ResolveCellsButton path={change.path} className={small} />}
          <button type="button" className={small} disabled={busy !== null} onClick={() => onResolve("ours")}>
            Take ours
          </button>
          <button type="button" className={small} disabled={busy !== null} onClick={() => onResolve("theirs")}>
            Take theirs
          </button>
          <button type="button" className={small} onClick={() => void openFile(change.path)}>
            Edit
          </button>
          <button type="button" className={small} disabled={busy !== null} onClick={() => onResolve("edited")} title={cellByCell ? "Keep the notebook as it is now" : "After removing the conflict markers in the editor"}>
            Mark resolved
          </button>
        </div>
      )}
      {showDiff && (
        <div id={`${id}-diff`} className="pl-6">
          <FileDiffView path={change.path} label={`Diff of ${change.path}`} loadKey={`${change.path}:${change.kind}:${revision}`} load={() => api.diffFile({ path: change.path })} />
        </div>
      )}
    </li>
  );
}
