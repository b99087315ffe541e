import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, getIndentation, indentOnInput, indentString, syntaxHighlighting } from "@codemirror/language";
import { EditorSelection, EditorState, type Extension } from "@codemirror/state";
import { crosshairCursor, drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers, rectangularSelection } from "@codemirror/view";
import { history, historyKeymap } from "./editor-history";

/** Enter keeps the indentation the language asks for (or the current line's). */
function newlineAndIndent(view: EditorView): boolean {
  const { state } = view;
  view.dispatch(
    state.changeByRange((range) => {
      const line = state.doc.lineAt(range.from);
      const columns = getIndentation(state, range.from);
      const indent = columns === null ? (/^[ \t]*/.exec(line.text)?.[0] ?? "").slice(0, range.from - line.from) : indentString(state, columns);
      const insert = `\n${indent}`;
      return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + insert.length) };
    }),
    { scrollIntoView: true, userEvent: "input" },
  );
  return true;
}

/**
 * The editor's extensions, assembled from the installed @codemirror packages
 * (the "codemirror" package here is CodeMirror 5, so its basicSetup is not used).
 * Tab is left to move focus, so keyboard users can leave the editor.
 */
export function editorExtensions({ language, onChange }: { language: Extension; onChange: (text: string) => void }): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history,
    foldGutter(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    keymap.of([{ key: "Enter", run: newlineAndIndent }, ...historyKeymap, ...foldKeymap]),
    language,
    EditorView.contentAttributes.of({ "aria-label": "Editor" }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
    EditorView.theme({
      "&": { height: "100%", fontSize: "13px" },
      ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace" },
    }),
  ];
}

export { EditorState, EditorView };
