import { EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";

/**
 * The editor's extensions: CodeMirror's basic setup (line numbers, history,
 * search, bracket matching, autocompletion, highlighting) plus the language
 * and an accessible name. Tab is left to move focus, so keyboard users can
 * leave the editor. `readOnly` for a viewer's session.
 */
export function editorExtensions({ language, onChange, readOnly = false }: { language: Extension; onChange: (text: string) => void; readOnly?: boolean }): Extension[] {
  return [
    basicSetup,
    language,
    // Read-only still selects, searches and copies; it only refuses changes (and says so: aria-readonly).
    EditorState.readOnly.of(readOnly),
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
