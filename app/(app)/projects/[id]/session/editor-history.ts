import { Annotation, ChangeSet, EditorSelection, StateField, Transaction } from "@codemirror/state";
import type { KeyBinding } from "@codemirror/view";
import type { EditorView } from "@codemirror/view";

/**
 * Undo and redo. @codemirror/commands (which has the full history) is not among
 * the project's packages, so this keeps a small one: each entry is the inverse
 * of a change and the selection before it; typing within a short pause is one entry.
 */
type Entry = { changes: ChangeSet; selection: EditorSelection };
type History = { done: Entry[]; undone: Entry[]; time: number };

const fromHistory = Annotation.define<"undo" | "redo">();
const GROUP_MS = 600;
const MAX_ENTRIES = 300;

const historyField = StateField.define<History>({
  create: () => ({ done: [], undone: [], time: 0 }),
  update(value, tr) {
    if (!tr.docChanged) return value;
    const entry: Entry = { changes: tr.changes.invert(tr.startState.doc), selection: tr.startState.selection };
    const source = tr.annotation(fromHistory);
    if (source === "undo") return { done: value.done.slice(0, -1), undone: [...value.undone, entry], time: 0 };
    if (source === "redo") return { done: [...value.done, entry], undone: value.undone.slice(0, -1), time: 0 };
    const now = Date.now();
    const last = value.done[value.done.length - 1];
    if (last && tr.isUserEvent("input.type") && now - value.time < GROUP_MS) {
      // Undoing the group undoes this change, then the earlier ones.
      const grouped = { changes: entry.changes.compose(last.changes), selection: last.selection };
      return { done: [...value.done.slice(0, -1), grouped], undone: [], time: now };
    }
    return { done: [...value.done, entry].slice(-MAX_ENTRIES), undone: [], time: tr.isUserEvent("input.type") ? now : 0 };
  },
});

function step(view: EditorView, source: "undo" | "redo"): boolean {
  const history = view.state.field(historyField);
  const stack = source === "undo" ? history.done : history.undone;
  const entry = stack[stack.length - 1];
  if (!entry) return false;
  view.dispatch({
    changes: entry.changes,
    selection: entry.selection,
    scrollIntoView: true,
    annotations: [fromHistory.of(source), Transaction.userEvent.of(source)],
  });
  return true;
}

export const undo = (view: EditorView) => step(view, "undo");
export const redo = (view: EditorView) => step(view, "redo");

export const historyKeymap: KeyBinding[] = [
  { key: "Mod-z", run: undo, preventDefault: true },
  { key: "Mod-y", mac: "Mod-Shift-z", run: redo, preventDefault: true },
  { key: "Mod-Shift-z", run: redo, preventDefault: true },
];

export const history = historyField;

