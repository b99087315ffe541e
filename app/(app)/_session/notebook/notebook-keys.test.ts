import { describe, expect, it } from "vitest";
import { commandFor, DOUBLE_KEY_MS } from "./notebook-keys";

const key = (value: string, modifiers: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: value,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe("command-mode keys", () => {
  it("map Jupyter's keys to their actions", () => {
    const cases: [ReturnType<typeof key>, string | null][] = [
      [key("Enter"), "edit"],
      [key("Enter", { shiftKey: true }), "run-and-advance"],
      [key("Enter", { ctrlKey: true }), "run"],
      [key("Enter", { metaKey: true }), "run"],
      [key("a"), "insert-above"],
      [key("b"), "insert-below"],
      [key("m"), "to-markdown"],
      [key("y"), "to-code"],
      [key("ArrowUp"), "select-previous"],
      [key("k"), "select-previous"],
      [key("ArrowDown"), "select-next"],
      [key("j"), "select-next"],
      [key("s", { ctrlKey: true }), null],
      [key("a", { ctrlKey: true }), null],
      [key("A", { shiftKey: true }), null],
      [key("x"), null],
    ];
    for (const [event, action] of cases) expect([event, commandFor(event, null, 0).action]).toEqual([event, action]);
  });

  it("delete only on two D presses within a second", () => {
    const first = commandFor(key("d"), null, 1_000);
    expect(first).toEqual({ action: null, pendingD: 1_000 });
    expect(commandFor(key("d"), first.pendingD, 1_000 + DOUBLE_KEY_MS).action).toBe("delete");
    expect(commandFor(key("d"), first.pendingD, 1_000 + DOUBLE_KEY_MS + 1)).toEqual({ action: null, pendingD: 1_000 + DOUBLE_KEY_MS + 1 });
    expect(commandFor(key("x"), first.pendingD, 1_100).pendingD).toBeNull();
  });
});
