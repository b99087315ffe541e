/** The id of a form control named `name`, and the ids of its hint and error that aria-describedby lists. */
export function fieldIds({ name, hint, error }: { name: string; hint?: string; error?: string }): { id: string; describedBy: string | undefined } {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, describedBy };
}

/** The hint and the error under a form control, with the ids fieldIds gave it. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
    </>
  );
}
