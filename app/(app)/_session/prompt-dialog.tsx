"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { PromptOptions } from "./dialog-options";
import { buttonClass, dialogClass } from "./dialog-style";

/** A modal asking for one line of text (a path, a name); Escape or Cancel answers null. A refusal of `validate` shows under the field. */
export function PromptDialog({ options, onDone }: { options: PromptOptions; onDone: (value: string | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const input = inputRef.current;
    // Put the caret after a folder prefix such as "src/", where the new name goes.
    if (input) input.setSelectionRange(input.value.length, input.value.length);
  }, []);
  const finish = (value: string | null) => {
    ref.current?.close();
    onDone(value);
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      className={`m-auto ${dialogClass}`}
      onCancel={(event) => {
        event.preventDefault();
        finish(null);
      }}
    >
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const value = inputRef.current?.value.trim() ?? "";
          if (!value || checking) return;
          if (options.validate) {
            setChecking(true);
            const problem = await options.validate(value).catch(() => "The name could not be checked. Try again.").finally(() => setChecking(false));
            setError(problem);
            if (problem) return inputRef.current?.focus();
          }
          finish(value);
        }}
      >
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {options.title}
        </h2>
        <label htmlFor={`${id}-input`} className="mt-4 block text-sm font-medium text-slate-700">
          {options.label}
        </label>
        <input
          ref={inputRef}
          id={`${id}-input`}
          defaultValue={options.defaultValue}
          autoFocus
          required
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : "", options.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined}
          onChange={() => setError(null)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="mt-1 break-words text-xs text-red-700">
            {error}
          </p>
        )}
        {options.hint && (
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
            {options.hint}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={buttonClass.plain} onClick={() => finish(null)}>
            Cancel
          </button>
          <button type="submit" className={buttonClass.primary} disabled={checking}>
            {options.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
