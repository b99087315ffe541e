"use client";

import { useEffect, useState } from "react";
import type { CommitInfo } from "@/lib/workspace/types";
import { CommitRow } from "./commit-row";
import { buttonClass } from "./dialog-style";
import { describeError } from "./error-text";
import { progressOptions } from "./progress-options";
import { useSession } from "./session-context";

const PAGE = 50;

/** The branch's commits, newest first; each opens to its files and diffs. */
export function HistoryPanel() {
  const { api, state, busy, run, announce, refresh, reportProgress } = useSession();
  const [limit, setLimit] = useState(PAGE);
  const [result, setResult] = useState<{ commits?: CommitInfo[]; error?: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.listCommits({ limit }).then(
      (commits) => !cancelled && setResult({ commits }),
      (error: unknown) => !cancelled && setResult({ error: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, limit, state.head, state.branch, state.shallow]);

  const deepen = () =>
    run({ busy: "Fetching the full history", failure: "Could not fetch the full history" }, async () => {
      await api.deepenHistory(progressOptions((progress) => reportProgress("Fetching the full history", progress)));
      await refresh();
      announce({ text: "Fetched the full history", tone: "success" });
    });

  const commits = result?.commits ?? [];
  return (
    <div className="flex h-full min-h-0 flex-col">
      {result?.error && <p className="p-3 text-sm text-red-800">Could not read the history. {result.error}</p>}
      {!result && <p className="p-3 text-sm text-slate-500">Loading the history…</p>}
      <ul aria-label="Commits" className="min-h-0 flex-1 divide-y divide-slate-100 overflow-auto">
        {commits.map((commit) => (
          <CommitRow key={commit.oid} commit={commit} />
        ))}
        <li className="space-y-2 p-3 text-xs text-slate-500">
          {commits.length >= limit && (
            <button type="button" className={buttonClass.plain} onClick={() => setLimit((n) => n + PAGE)}>
              Show older commits
            </button>
          )}
          {state.shallow && (
            <>
              <p>This copy has recent history only.</p>
              <button type="button" className={buttonClass.plain} disabled={busy !== null} onClick={() => void deepen()}>
                Load full history
              </button>
            </>
          )}
        </li>
      </ul>
    </div>
  );
}
