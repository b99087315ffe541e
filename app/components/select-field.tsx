import { FieldNotes, fieldIds } from "./field-notes";

type SelectFieldProps = {
  label: string;
  name: string;
  defaultValue: string;
  /** Each choice: the value sent, and the words shown (the value itself when left out). */
  options: { value: string; label?: string }[];
  error?: string;
  hint?: string;
};

/** A labelled select with its hint and error, wired for screen readers like Field. */
export function SelectField({ label, name, defaultValue, options, error, hint }: SelectFieldProps) {
  const { id, describedBy } = fieldIds({ name, hint, error });
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label ?? o.value}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
