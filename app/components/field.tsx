import { FieldNotes, fieldIds } from "./field-notes";

type FieldProps = {
  label: string;
  name: string;
  type?: string;
  defaultValue?: string;
  error?: string;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  hint?: string;
  multiline?: boolean;
};

/** A labelled input with its hint and error, wired for screen readers. */
export function Field({ label, name, type = "text", defaultValue, error, required, autoComplete, placeholder, hint, multiline }: FieldProps) {
  const { id, describedBy } = fieldIds({ name, hint, error });
  const className =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-red-500";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {multiline ? (
        <textarea id={id} name={name} defaultValue={defaultValue} required={required} placeholder={placeholder} aria-invalid={error ? true : undefined} aria-describedby={describedBy} rows={3} className={className} />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          required={required}
          autoComplete={autoComplete}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={className}
        />
      )}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
