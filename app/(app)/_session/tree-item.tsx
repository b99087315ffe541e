import { useId } from "react";
import type { FileEntry } from "@/lib/workspace/types";

export type Marker = { text: string; className: string; symbol: string };

const markers = {
  conflict: { text: "conflict", className: "bg-red-100 text-red-800 font-semibold", symbol: "⚠ conflict" },
  new: { text: "new", className: "text-green-700", symbol: "N" },
  modified: { text: "modified", className: "text-amber-700", symbol: "M" },
  deleted: { text: "deleted", className: "text-red-700", symbol: "D" },
  folderConflict: { text: "contains conflicts", className: "text-red-700", symbol: "!" },
  folderChanged: { text: "contains changes", className: "text-amber-700", symbol: "●" },
} satisfies Record<string, Marker>;

/** How a tree entry differs from the last commit, if it does. */
export function markerOf(entry: FileEntry, conflicts: Set<string>): Marker | null {
  if (entry.type === "dir") {
    const prefix = `${entry.path}/`;
    if (entry.conflict || [...conflicts].some((path) => path.startsWith(prefix))) return markers.folderConflict;
    return entry.change ? markers.folderChanged : null;
  }
  if (entry.conflict || conflicts.has(entry.path)) return markers.conflict;
  return entry.change ? markers[entry.change] : null;
}

type Props = {
  entry: FileEntry;
  level: number;
  setSize: number;
  position: number;
  expanded: boolean;
  active: boolean;
  open: boolean;
  marker: Marker | null;
  onActivate: (entry: FileEntry) => void;
  onFocusItem: (path: string) => void;
};

/** One row of the file tree; its accessible name is exactly the entry's name. */
export function TreeItem({ entry, level, setSize, position, expanded, active, open, marker, onActivate, onFocusItem }: Props) {
  const isDir = entry.type === "dir";
  const markerId = useId();
  return (
    <div
      role="treeitem"
      aria-label={entry.name}
      aria-level={level}
      aria-setsize={setSize}
      aria-posinset={position}
      aria-expanded={isDir ? expanded : undefined}
      aria-selected={active}
      aria-current={open ? "page" : undefined}
      aria-describedby={marker ? markerId : undefined}
      tabIndex={active ? 0 : -1}
      data-path={entry.path}
      onClick={() => onActivate(entry)}
      onFocus={() => onFocusItem(entry.path)}
      style={{ paddingLeft: `${(level - 1) * 14 + 8}px` }}
      className={`flex cursor-pointer select-none items-center gap-1.5 py-0.5 pr-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${
        open ? "bg-indigo-100 text-indigo-950" : active ? "bg-slate-100" : "hover:bg-slate-100"
      }`}
    >
      <span aria-hidden className="w-3 shrink-0 text-xs text-slate-500">
        {isDir ? (expanded ? "▾" : "▸") : ""}
      </span>
      <EntryIcon dir={isDir} />
      <span title={entry.path} className={`min-w-0 flex-1 truncate ${entry.change === "deleted" ? "text-slate-500 line-through" : ""}`}>
        {entry.name}
      </span>
      {marker && (
        <span id={markerId} className={`shrink-0 rounded px-1 text-[11px] ${marker.className}`} title={marker.text}>
          <span aria-hidden>{marker.symbol}</span>
          <span className="sr-only">{marker.text}</span>
        </span>
      )}
    </div>
  );
}

function EntryIcon({ dir }: { dir: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={`size-3.5 shrink-0 ${dir ? "fill-amber-400" : "fill-none stroke-slate-400"}`}>
      {dir ? <path d="M1.5 3.5a1 1 0 0 1 1-1h3.6l1.5 1.5h5.9a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" /> : <path d="M4 1.5h5.5l3 3v10H4z M9.5 1.5v3h3" strokeWidth="1.2" />}
    </svg>
  );
}
