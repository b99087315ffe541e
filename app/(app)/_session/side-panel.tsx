"use client";

import { ChangesPanel } from "./changes-panel";
import { HistoryPanel } from "./history-panel";
import { useSession, type SidePanel as Panel } from "./session-context";

const tabs: { id: Panel; label: string }[] = [
  { id: "changes", label: "Changes" },
  { id: "history", label: "History" },
];

/** The right-hand panel: uncommitted changes with the commit form, or the history. */
export function SidePanel() {
  const { sidePanel, setSidePanel, changes, state } = useSession();
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next = sidePanel === "changes" ? "history" : "changes";
    setSidePanel(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="tablist" aria-label="Side panel" onKeyDown={onKeyDown} className="flex border-b border-slate-200 px-2">
        {tabs.map((tab) => {
          const selected = sidePanel === tab.id;
          const count = tab.id === "changes" ? changes.length : 0;
          return (
            <button
              key={tab.id}
              id={`tab-${tab.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setSidePanel(tab.id)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${selected ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {tab.label}
              {count > 0 && <span className={`ml-1.5 rounded-full px-1.5 text-xs ${state.merging ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}>{count}</span>}
            </button>
          );
        })}
      </div>
      {/* Both stay mounted, so a half-written commit message survives a look at the history. */}
      <div id="panel-changes" role="tabpanel" aria-labelledby="tab-changes" hidden={sidePanel !== "changes"} className="min-h-0 flex-1">
        <ChangesPanel />
      </div>
      <div id="panel-history" role="tabpanel" aria-labelledby="tab-history" hidden={sidePanel !== "history"} className="min-h-0 flex-1">
        <HistoryPanel />
      </div>
    </div>
  );
}
