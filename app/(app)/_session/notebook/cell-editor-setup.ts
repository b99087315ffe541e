import { closeBrackets } from "@codemirror/autocomplete";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { EditorState, Prec, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { minimalSetup } from "codemirror";

/** What a cell's editor hands back to the notebook: its text, and the keys Jupyter gives a cell being edited. */
export type CellEditorEvents = {
  onChange(text: string): void;
  /** Shift+Enter: run, then go to the next cell. */
  onRunAndAdvance(): void;
  /** Ctrl+Enter (⌘+Enter): run and stay. */
  onRun(): void;
  /** Esc: leave the editor for command mode. */
  onEscape(): void;
  onFocus(): void;
};

/**
 * One theme for every cell's editor. Made once: a theme made per editor is a new
 * style module that stays mounted, and each one inserts rules into the page's
 * stylesheet, so the whole notebook is restyled for every editor created (in the
 * benchmark's 500-cell notebook, creating ten editors took about three times as
 * long).
 */
const CELL_THEME = EditorView.theme({
  "&": { fontSize: "13px", backgroundColor: "var(--color-slate-50)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", lineHeight: "1.45" },
  ".cm-content": { padding: "6px 0" },
});

/**
 * A cell's CodeMirror: CodeMirror's minimal setup (history, selection, default
 * highlighting and keys) with bracket help and the language, and no line
 * numbers or fixed height, so a cell is as tall as its source, as in Jupyter.
 * The run keys take precedence over CodeMirror's own (Shift+Enter would insert
 * a line). Tab indents, as it does in Jupyter; Esc then Tab leaves the cell.
 */
export function cellEditorExtensions({ language, label, readOnly, events }: { language: Extension; label: string; readOnly: boolean; events: CellEditorEvents }): Extension[] {
  return [
    minimalSetup,
    bracketMatching(),
    closeBrackets(),
    indentOnInput(),
    language,
    Prec.highest(
      keymap.of([
        { key: "Shift-Enter", run: () => (events.onRunAndAdvance(), true) },
        { key: "Mod-Enter", run: () => (events.onRun(), true) },
        { key: "Escape", run: () => (events.onEscape(), true) },
      ]),
    ),
    EditorState.readOnly.of(readOnly),
    EditorState.tabSize.of(4),
    placeholder(readOnly ? "" : "Empty cell"),
    EditorView.contentAttributes.of({ "aria-label": label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) events.onChange(update.state.doc.toString());
      if (update.focusChanged && update.view.hasFocus) events.onFocus();
    }),
    CELL_THEME,
  ];
}

export { EditorState, EditorView };
