import type { Extension } from "@codemirror/state";

type Loader = () => Promise<Extension>;

const python: Loader = async () => (await import("@codemirror/lang-python")).python();
const javascript = (options: { jsx?: boolean; typescript?: boolean }): Loader => async () => (await import("@codemirror/lang-javascript")).javascript(options);
const json: Loader = async () => (await import("@codemirror/lang-json")).json();
const yaml: Loader = async () => (await import("@codemirror/lang-yaml")).yaml();
const markdown: Loader = async () => (await import("@codemirror/lang-markdown")).markdown();
const sql: Loader = async () => (await import("@codemirror/lang-sql")).sql();
const r: Loader = async () => {
  const [{ StreamLanguage }, { r }] = await Promise.all([import("@codemirror/language"), import("@codemirror/legacy-modes/mode/r")]);
  return StreamLanguage.define(r);
};
const julia: Loader = async () => {
  const [{ StreamLanguage }, { julia }] = await Promise.all([import("@codemirror/language"), import("@codemirror/legacy-modes/mode/julia")]);
  return StreamLanguage.define(julia);
};

const byExtension: Record<string, Loader> = {
  py: python,
  pyi: python,
  js: javascript({}),
  mjs: javascript({}),
  cjs: javascript({}),
  jsx: javascript({ jsx: true }),
  ts: javascript({ typescript: true }),
  mts: javascript({ typescript: true }),
  cts: javascript({ typescript: true }),
  tsx: javascript({ typescript: true, jsx: true }),
  json: json,
  ipynb: json,
  yaml: yaml,
  yml: yaml,
  md: markdown,
  markdown: markdown,
  sql: sql,
  r: r,
  jl: julia,
};

/** A notebook's cells, by the language its metadata names (kernelspec.language, language_info.name). */
const byLanguage: Record<string, Loader> = { python, r, julia, sql, javascript: javascript({}), typescript: javascript({ typescript: true }) };

/** The syntax highlighting for a file, picked by its extension; none for unknown kinds. */
export async function loadLanguage(path: string): Promise<Extension> {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const loader = byExtension[extension];
  return loader ? loader() : [];
}

/** The highlighting for a notebook's code cells; none for a language without a mode. */
export async function loadLanguageNamed(language: string): Promise<Extension> {
  const loader = Object.hasOwn(byLanguage, language) ? byLanguage[language] : undefined;
  return loader ? loader() : [];
}

/**
 * Fetches the editor and every language mode ahead of need. They are separate
 * chunks; loading them once the session is open means a person who goes offline
 * later can still open and edit any file.
 */
export async function preloadEditor(): Promise<void> {
  const loaders = [...new Set(Object.values(byExtension))];
  await Promise.allSettled([import("./editor-setup"), import("./notebook/cell-editor-setup"), ...loaders.map((load) => load())]);
}
