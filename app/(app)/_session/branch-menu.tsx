"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { BranchInfo } from "@/lib/workspace/types";
import { buttonClass } from "./dialog-style";
import { describeError } from "./error-text";
import { useSession } from "./session-context";
import { useBranchActions } from "./use-branch-actions";

/** The current branch; opens to switch, create and delete branches (a viewer only switches). */
export function BranchMenu() {
  const { api, state, revision, busy, canPush, announce } = useSession();
  const actions = useBranchActions();
  const [open, setOpen] = useState(false);
  const [branches, setBranches] = useState<BranchInfo[] | null>(null);
  const [newName, setNewName] = useState("");
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    api.listBranches().then(
      (list) => !cancelled && setBranches(list),
      (error: unknown) => !cancelled && announce({ text: `Could not list the branches. ${describeError(error)}`, tone: "error" }),
    );
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      cancelled = true;
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, api, revision, announce]);

  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };
  const choose = (name: string) => {
    close();
    if (name === state.branch) announce({ text: `You are on ${name} already.`, tone: "info" });
    else void actions.switchTo(name);
  };

  return (
    <div ref={rootRef} className="relative" onKeyDown={(e) => e.key === "Escape" && open && (e.stopPropagation(), close())}>
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((shown) => !shown)}
        className="flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        <span className="text-slate-500">Branch:</span>
        <span className="max-w-24 truncate font-mono sm:max-w-40" title={state.branch}>
          {state.branch}
        </span>
        <span aria-hidden className="text-xs text-slate-400">
          ▾
        </span>
      </button>
      {open && (
        <div id={`${id}-panel`} role="group" aria-label="Branches" className="absolute left-0 top-full z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Branches</h2>
          {!branches ? (
            <p className="mt-2 text-sm text-slate-500">Loading…</p>
          ) : (
            <ul className="mt-2 max-h-64 space-y-0.5 overflow-auto">
              {branches.map((branch) => (
                <li key={branch.name} className="flex items-center gap-2">
                  <button
                    type="button"
                    aria-label={`Switch to ${branch.name}`}
                    aria-current={branch.current ? "true" : undefined}
                    disabled={busy !== null}
                    onClick={() => choose(branch.name)}
                    title={branch.name}
                    className={`min-w-0 flex-1 truncate rounded px-2 py-1 text-left font-mono text-sm hover:bg-slate-100 ${branch.current ? "font-semibold text-indigo-700" : "text-slate-800"}`}
                  >
                    {branch.current && <span aria-hidden>✓ </span>}
                    {branch.name}
                    {branch.remote && <span className="ml-2 font-sans text-xs text-slate-500">remote</span>}
                  </button>
                  {canPush && !branch.current && (
                    <button type="button" aria-label={`Delete branch ${branch.name}`} disabled={busy !== null} onClick={() => (close(), void actions.remove(branch.name))} className="rounded px-1.5 py-0.5 text-xs text-red-700 hover:bg-red-50">
                      Delete
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {/* A viewer switches branches to browse them; a new branch would be work that cannot be pushed. */}
          {canPush && (
            <form
              className="mt-3 flex items-end gap-2 border-t border-slate-100 pt-3"
              onSubmit={(event) => {
                event.preventDefault();
                const name = newName.trim();
                if (!name) return;
                setNewName("");
                close();
                void actions.create(name);
              }}
            >
              <label className="min-w-0 flex-1 text-xs font-medium text-slate-700">
                New branch from {state.branch}
                <input value={newName} onChange={(e) => setNewName(e.target.value)} autoComplete="off" spellCheck={false} placeholder="feature-name" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500" />
              </label>
              <button type="submit" disabled={busy !== null} className={buttonClass.primary}>
                Create branch
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
