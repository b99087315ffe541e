/** What a key does in command mode (a cell selected, its editor not focused), as in Jupyter. */
export type CommandAction =
  | "edit"
  | "run"
  | "run-and-advance"
  | "insert-above"
  | "insert-below"
  | "delete"
  | "to-markdown"
  | "to-code"
  | "select-previous"
  | "select-next";

type Key = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/** How long the second D of "D D" may wait for, as in JupyterLab. */
export const DOUBLE_KEY_MS = 1_000;

/**
 * Jupyter's command-mode keys: Enter edits; Shift+Enter runs and advances;
 * Ctrl/⌘+Enter runs; A and B insert above and below; D D deletes; M and Y make
 * Markdown and code; Up/K and Down/J select. (Ctrl/⌘+S saves everywhere in the session: the editor pane handles it.) `previousD` is when the last lone D
 * was pressed (or null); the answer says whether this D starts a new pair.
 */
export function commandFor(event: Key, previousD: number | null, now: number): { action: CommandAction | null; pendingD: number | null } {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === "Enter") {
    if (event.shiftKey) return done("run-and-advance");
    if (mod) return done("run");
    if (!event.altKey) return done("edit");
  }
  if (mod || event.altKey) return done(null);
  switch (event.key) {
    case "ArrowUp":
    case "k":
      return done("select-previous");
    case "ArrowDown":
    case "j":
      return done("select-next");
  }
  if (event.shiftKey) return done(null);
  switch (event.key.toLowerCase()) {
    case "a":
      return done("insert-above");
    case "b":
      return done("insert-below");
    case "m":
      return done("to-markdown");
    case "y":
      return done("to-code");
    case "d":
      return previousD !== null && now - previousD <= DOUBLE_KEY_MS ? done("delete") : { action: null, pendingD: now };
  }
  return done(null);
}

const done = (action: CommandAction | null) => ({ action, pendingD: null });
