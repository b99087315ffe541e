// How a session opens a project's .ipynb files (the project setting "Default editor").
// No imports: the settings form (a client component) and the session use these names too.

export const DEFAULT_EDITORS = ["notebook", "code"] as const;
export type DefaultEditor = (typeof DEFAULT_EDITORS)[number];

/** Each editor as the settings page offers it. */
export const defaultEditorLabels: Record<DefaultEditor, string> = {
  notebook: "Notebook view",
  code: "Code editor",
};
