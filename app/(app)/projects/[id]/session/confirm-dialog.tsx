"use client";

import { useEffect, useId, useRef } from "react";
import type { ConfirmOptions } from "./use-dialogs";

export const dialogClass = "w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40";
export const buttonClass = {
  primary: "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:bg-indigo-300",
  danger: "rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-500 disabled:bg-red-300",
  plain: "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:text-slate-400",
};

/** A modal question with two answers; Escape answers no. */
export function ConfirmDialog({ options, onDone }: { options: ConfirmOptions; onDone: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const finish = (ok: boolean) => {
    ref.current?.close();
    onDone(ok);
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={options.body ? `${id}-body` : undefined}
      className={`m-auto ${dialogClass}`}
      onCancel={(event) => {
        event.preventDefault();
        finish(false);
      }}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {options.title}
      </h2>
      {options.body && (
        <p id={`${id}-body`} className="mt-2 text-sm text-slate-700">
          {options.body}
        </p>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={buttonClass.plain} autoFocus={options.danger} onClick={() => finish(false)}>
          {options.cancelLabel ?? "Cancel"}
        </button>
        <button type="button" className={options.danger ? buttonClass.danger : buttonClass.primary} autoFocus={!options.danger} onClick={() => finish(true)}>
          {options.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
