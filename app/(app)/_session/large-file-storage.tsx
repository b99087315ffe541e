"use client";

import { useCallback, useEffect, useState } from "react";
import type { LfsUsage } from "@/lib/workspace/lfs/budget";
import { formatSize } from "./format-size";
import { describeError } from "./error-text";
import { onLfsStored } from "./lfs-stored-event";
import { useSession } from "./session-context";

const GB = 1024 ** 3;

const BUDGETS = [GB / 4, GB, 4 * GB, 16 * GB];

/**
 * What this browser keeps of the project's large files (Git LFS) for offline
 * use, against a budget the person picks, with Clear. Shown once there is any.
 */
export function LargeFileStorage() {
  const { api, revision, confirm, announce } = useSession();
  const [usage, setUsage] = useState<LfsUsage | null>(null);

  const read = useCallback(() => api.getLfsUsage().then(setUsage, () => setUsage(null)), [api]);
  useEffect(() => {
    void read();
  }, [read, revision]);
  useEffect(() => onLfsStored(() => void read()), [read]);

  const change = useCallback(
    async (work: () => Promise<LfsUsage>, failure: string) => {
      try {
        setUsage(await work());
      } catch (error) {
        announce({ text: `${failure}. ${describeError(error)}`, tone: "error" });
      }
    },
    [announce],
  );

  const clear = async () => {
    const ok = await confirm({
      title: "Clear large files kept in this browser?",
      body: "They are downloaded again when you open them. Large files you added and have not pushed yet are kept.",
      confirmLabel: "Clear",
    });
    if (ok) await change(() => api.clearLfsCopies(), "Could not clear the large files");
  };

  if (!usage || usage.objects === 0) return null;
  const budgets = BUDGETS.includes(usage.budget) ? BUDGETS : [...BUDGETS, usage.budget].sort((a, b) => a - b);
  return (
    <section aria-label="Large files in this browser" className="shrink-0 border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
      <p>
        Large files kept here: {formatSize(usage.used)}
        {usage.pinned > 0 && <> ({formatSize(usage.pinned)} not pushed yet)</>}
      </p>
      <div className="mt-1 flex items-center gap-2">
        <label className="flex items-center gap-1">
          Keep up to
          <select
            value={usage.budget}
            onChange={(event) => void change(() => api.setLfsBudget({ bytes: Number(event.target.value) }), "Could not change the budget")}
            className="rounded border border-slate-300 bg-white px-1 py-0.5"
          >
            {budgets.map((bytes) => (
              <option key={bytes} value={bytes}>
                {formatSize(bytes)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void clear()} className="ml-auto rounded border border-slate-300 bg-white px-2 py-0.5 font-semibold text-slate-800 hover:bg-slate-50">
          Clear
        </button>
      </div>
    </section>
  );
}
