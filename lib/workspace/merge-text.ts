import diff3Merge from "diff3";

const MARKER = 7;
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Labels written on conflict markers, e.g. "yours (main)" and "theirs (origin/main)". */
export type ConflictLabels = { ours: string; theirs: string };

/** The labels a pull of `branch` writes on its conflict markers. */
export function conflictLabels(branch: string): ConflictLabels {
  return { ours: `yours (${branch})`, theirs: `theirs (origin/${branch})` };
}

/** Whether `text` still holds conflict markers written by a pull. */
export function hasConflictMarkers(text: string): boolean {
  return /^(<{7} yours \(|>{7} theirs \()/m.test(text);
}

/** The bytes as text, or null when they are not UTF-8 text (a NUL byte, or invalid UTF-8). */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8000).includes(0)) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Splits text into lines that keep their line endings, so joining gives the text back. */
function lines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

function block(chunk: string[]): string {
  const text = chunk.join("");
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

/**
 * Three-way merge of text, line by line (diff3, as git and isomorphic-git do).
 * Where both sides changed the same lines differently, both versions are
 * kept between git's conflict markers.
 */
export function mergeText({ base, ours, theirs, labels }: { base: string; ours: string; theirs: string; labels: ConflictLabels }): { clean: boolean; text: string } {
  let clean = true;
  let text = "";
  for (const part of diff3Merge(lines(ours), lines(base), lines(theirs))) {
    if ("ok" in part) {
      text += part.ok.join("");
      continue;
    }
    clean = false;
    text += `${"<".repeat(MARKER)} ${labels.ours}\n${block(part.conflict.a)}${"=".repeat(MARKER)}\n${block(part.conflict.b)}${">".repeat(MARKER)} ${labels.theirs}\n`;
  }
  return { clean, text };
}

/**
 * Marks a file that one side changed and the other deleted: the changed text
 * stays, on its side of the markers, with a note saying who did what.
 */
export function markDeleteConflict({ text, deletedBy, labels }: { text: string; deletedBy: "us" | "them"; labels: ConflictLabels }): string {
  const open = `${"<".repeat(MARKER)} ${labels.ours}: ${deletedBy === "us" ? "you deleted this file" : "you changed this file"}\n`;
  const middle = `${"=".repeat(MARKER)}\n`;
  const close = `${">".repeat(MARKER)} ${labels.theirs}: ${deletedBy === "them" ? "they deleted this file" : "they changed this file"}\n`;
  return deletedBy === "us" ? `${open}${middle}${block([text])}${close}` : `${open}${block([text])}${middle}${close}`;
}
