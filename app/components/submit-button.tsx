"use client";

import { useFormStatus } from "react-dom";

const styles = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-300",
  danger: "bg-red-600 text-white hover:bg-red-500 disabled:bg-red-300",
  plain: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 disabled:text-slate-400",
};

/** A submit button that disables itself while its form is being handled; `name` and `value` say which button was pressed. */
export function SubmitButton({ children, variant = "primary", disabled, name, value }: { children: React.ReactNode; variant?: keyof typeof styles; disabled?: boolean; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending || disabled} aria-disabled={pending || disabled} className={`rounded-md px-3 py-2 text-sm font-semibold shadow-sm ${styles[variant]}`}>
      {children}
    </button>
  );
}
