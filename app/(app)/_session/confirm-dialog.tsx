"use client";

import { useEffect, useId, useRef } from "react";
import type { ConfirmOptions } from "./dialog-options";
import { buttonClass, dialogClass } from "./dialog-style";

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
