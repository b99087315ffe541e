"use client";

import { useEffect, useId, useState } from "react";
import type { Change, CommitInfo } from "@/lib/workspace/types";
import { FileDiffView } from "./file-diff-view";
import { describeError, shortOid } from "./error-text";
import { useSession } from "./session-context";

function formatTime(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** One commit of the history; expands to its changed files, each to its diff. */
export function CommitRow({ commit }: { commit: CommitInfo }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const short = shortOid(commit.oid);
  const [summary, ...rest] = commit.message.trim().split("\n");
  return (
    <li className="px-3 py-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-files` : undefined}
        aria-label={`Files changed in ${short}`}
        onClick={() => setOpen((shown) => !shown)}
        className="block w-full text-left"
      >
        <span className="flex items-baseline gap-2">
          <span aria-hidden className="text-xs text-slate-400">
            {open ? "▾" : "▸"}
          </span>
          <span className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900" title={summary}>
            {summary}
          </span>
          <code className="shrink-0 text-xs text-slate-500">{short}</code>
        </span>
        <span className="block pl-4 text-xs text-slate-500">
          {commit.author.name} · {formatTime(commit.author.timestamp)}
          {commit.parents.length > 1 && " · merge"}
        </span>
      </button>
      {rest.join("\n").trim() && <p className="mt-1 whitespace-pre-wrap pl-4 text-xs text-slate-600">{rest.join("\n").trim()}</p>}
      {open && <CommitFiles id={`${id}-files`} oid={commit.oid} />}
    </li>
  );
}

function CommitFiles({ id, oid }: { id: string; oid: string }) {
  const { api } = useSession();
  const [result, setResult] = useState<{ changes?: Change[]; error?: string } | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.listCommitChanges({ oid }).then(
      (changes) => !cancelled && setResult({ changes }),
      (error: unknown) => !cancelled && setResult({ error: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, oid]);

  if (!result) return <p className="mt-1 pl-4 text-xs text-slate-500">Loading the changed files…</p>;
  if (result.error) return <p className="mt-1 pl-4 text-xs text-red-800">Could not read the commit. {result.error}</p>;
  return (
    <ul id={id} aria-label={`Files changed in ${shortOid(oid)}`} className="mt-1 space-y-0.5 pl-4">
      {result.changes?.length === 0 && <li className="text-xs text-slate-500">No file changes.</li>}
      {result.changes?.map((change) => (
        <li key={change.path}>
          <button type="button" aria-expanded={shown === change.path} onClick={() => setShown(shown === change.path ? null : change.path)} className="flex w-full items-center gap-2 text-left text-xs hover:underline">
            <span className="min-w-0 flex-1 truncate font-mono text-slate-800" title={change.path}>
              {change.path}
            </span>
            <span className="shrink-0 text-slate-500">{change.kind === "new" ? "added" : change.kind}</span>
          </button>
          {shown === change.path && <FileDiffView path={change.path} label={`Diff of ${change.path} in ${shortOid(oid)}`} loadKey={`${oid}:${change.path}`} load={() => api.diffCommitFile({ oid, path: change.path })} />}
        </li>
      ))}
    </ul>
  );
}
