"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { NotebookCellVersion, NotebookConflictView } from "@/lib/workspace/types";
import { buttonClass } from "./dialog-style";
import { describeError, plural } from "./error-text";
import { useSession } from "./session-context";

type Choice = "ours" | "theirs";
type Loaded = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "ready"; conflicts: NotebookConflictView[] };

const wideDialog = "m-auto flex max-h-[85vh] w-full max-w-5xl flex-col rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40";

/** "Resolve cell by cell" on the Changes row of a notebook a pull left in conflict, and the dialog it opens. */
export function ResolveCellsButton({ path, className }: { path: string; className: string }) {
  const { busy } = useSession();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} disabled={busy !== null} onClick={() => setOpen(true)}>
        Resolve cell by cell
      </button>
      {open && <NotebookConflictsDialog path={path} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Each cell (or metadata key) both sides changed, ours and theirs side by side,
 * one choice each; Resolve writes the notebook with those choices. Everything
 * else the two sides changed is merged already and is not asked about.
 */
function NotebookConflictsDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const { api, run, refresh, announce, flushEditor } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    let live = true;
    api.readNotebookConflicts({ path }).then(
      (conflicts) => live && setLoaded({ kind: "ready", conflicts }),
      (error: unknown) => live && setLoaded({ kind: "failed", message: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, path]);

  const close = () => {
    ref.current?.close();
    onClose();
  };
  const conflicts = loaded.kind === "ready" ? loaded.conflicts : [];
  const chosen = conflicts.filter((_, i) => choices[i]).length;
  const ready = loaded.kind === "ready" && chosen === conflicts.length;

  const resolve = async () => {
    setProblem(null);
    setWorking(true);
    const onError = (error: unknown) => {
      setProblem(`Could not resolve ${path}. ${describeError(error)}`);
      return true;
    };
    await run({ busy: `Resolving ${path}`, failure: `Could not resolve ${path}`, onError }, async () => {
      // Unsaved edits to the notebook are saved first, so that nothing newer overwrites what is chosen here.
      if (!(await flushEditor())) return;
      await api.resolveNotebookConflict({ path, choices: conflicts.map((_, i) => choices[i] as Choice) });
      close();
      await refresh();
      const theirs = Object.values(choices).filter((choice) => choice === "theirs").length;
      announce({ text: `Resolved ${path} cell by cell: kept yours in ${conflicts.length - theirs}, took theirs in ${theirs}.`, tone: "success" });
    });
    setWorking(false);
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      className={wideDialog}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Resolve <span className="font-mono">{path}</span> cell by cell
      </h2>
      <p id={`${id}-intro`} className="mt-1 text-sm text-slate-700">
        Both sides changed these parts of the notebook differently: choose which version to keep for each. Everything else is merged already. Resolving writes the
        notebook from both versions with your choices, replacing edits made to it since the pull.
      </p>
      <div className="mt-3 min-h-0 flex-1 space-y-3 overflow-auto pr-1">
        {loaded.kind === "loading" && <p className="text-sm text-slate-600">Reading both versions…</p>}
        {loaded.kind === "failed" && (
          <p role="alert" className="text-sm text-red-700">
            Could not read the conflicts of {path}. {loaded.message}
          </p>
        )}
        {conflicts.map((conflict, i) => (
          <fieldset key={i} className="rounded-md border border-slate-200 p-2">
            <legend className="px-1 text-sm font-semibold">{conflict.kind === "cell" ? `Cell ${conflict.cell}` : `Notebook metadata: ${conflict.key}`}</legend>
            <div className="grid gap-2 md:grid-cols-2">
              {(["ours", "theirs"] as const).map((side) => (
                <SideChoice
                  key={side}
                  name={`${id}-conflict-${i}`}
                  side={side}
                  checked={choices[i] === side}
                  onChoose={() => setChoices((prev) => ({ ...prev, [i]: side }))}
                >
                  {conflict.kind === "cell" ? <CellVersion version={conflict[side]} /> : <JsonVersion json={conflict[side]} />}
                </SideChoice>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {problem && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {problem}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center justify-end gap-2">
        {loaded.kind === "ready" && (
          <span className="mr-auto text-xs text-slate-600">
            {chosen} of {plural(conflicts.length, "conflict")} chosen
          </span>
        )}
        <button type="button" className={buttonClass.plain} onClick={close}>
          Cancel
        </button>
        <button type="button" className={buttonClass.primary} disabled={!ready || working} onClick={() => void resolve()}>
          Resolve
        </button>
      </div>
    </dialog>
  );
}

const SIDES = { ours: { label: "Ours", note: "your version" }, theirs: { label: "Theirs", note: "the version pulled from the remote" } };

function SideChoice({ name, side, checked, onChoose, children }: { name: string; side: Choice; checked: boolean; onChoose: () => void; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className={`min-w-0 rounded border p-2 ${checked ? "border-indigo-500 bg-indigo-50/60" : "border-slate-200"}`}>
      <label className="flex items-center gap-1.5 text-sm font-semibold">
        <input type="radio" name={name} value={side} checked={checked} onChange={onChoose} aria-describedby={id} className="size-4 accent-indigo-600" />
        {SIDES[side].label}
        <span className="font-normal text-slate-500">({SIDES[side].note})</span>
      </label>
      <div id={id} className="mt-1.5">
        {children}
      </div>
    </div>
  );
}

const preClass = "max-h-56 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs text-slate-800";

function CellVersion({ version }: { version: NotebookCellVersion | null }) {
  if (!version) return <p className="text-sm italic text-slate-600">Cell deleted in this version</p>;
  const about = [`${version.cellType[0]!.toUpperCase()}${version.cellType.slice(1)} cell`];
  if (version.cellType === "code") about.push(version.executionCount == null ? "not run" : `run [${version.executionCount}]`, `outputs: ${version.outputs ?? "none"}`);
  return (
    <>
      <p className="mb-1 text-xs text-slate-600">{about.join(" · ")}</p>
      <pre className={preClass}>{version.source || "(empty)"}</pre>
    </>
  );
}

function JsonVersion({ json }: { json: string | null }) {
  return json === null ? <p className="text-sm italic text-slate-600">Removed in this version</p> : <pre className={preClass}>{json}</pre>;
}
