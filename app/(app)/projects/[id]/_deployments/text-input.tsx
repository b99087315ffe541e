import { FieldNotes } from "@/app/components/field-notes";

type Props = {
  /** Unique on the page: a page with several forms of the same fields (one per schedule) gives each its own. */
  id: string;
  label: string;
  name: string;
  defaultValue?: string;
  /** For a field the form watches as it is typed (the schedule's live preview). */
  value?: string;
  onChange?: (value: string) => void;
  /** The id of a <datalist> of suggestions (branches, time zones). */
  list?: string;
  required?: boolean;
  placeholder?: string;
  hint?: string;
  error?: string;
  className?: string;
};

/** A labelled text input with its hint and error, like app/components' Field, with suggestions and an id of its own. */
export function TextInput({ id, label, name, defaultValue, value, onChange, list, required, placeholder, hint, error, className = "w-full" }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={defaultValue}
        value={value}
        onChange={onChange && ((e) => onChange(e.target.value))}
        list={list}
        required={required}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-red-500 ${className}`}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
