/** What the session asks with its modal dialogs (useDialogs). */

export type ConfirmOptions = { title: string; body?: string; confirmLabel: string; cancelLabel?: string; danger?: boolean };
export type PromptOptions = {
  title: string;
  label: string;
  defaultValue?: string;
  submitLabel: string;
  hint?: string;
  /** Checks the answer before the dialog closes; a message keeps it open and is shown under the field. */
  validate?: (value: string) => Promise<string | null>;
};
