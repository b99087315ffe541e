import type { Output } from "./types";

/** How many outputs of each kind a cell has, and the same in words ("1 image, 2 text"). */
export type OutputCounts = { image: number; html: number; text: number; error: number; other: number; total: number; words: string };

type Category = "image" | "html" | "text" | "error" | "other";
const TEXT_MIMES = new Set(["text/plain", "text/markdown", "text/latex"]);

/** An output's kind for a summary: what a person would call it. */
export function categorizeOutput(output: Output): Category {
  if (output.output_type === "error") return "error";
  if (output.output_type === "stream") return "text";
  const mimes = Object.keys(output.data);
  if (mimes.some((mime) => mime.startsWith("image/"))) return "image";
  if (mimes.includes("text/html")) return "html";
  if (mimes.length > 0 && mimes.every((mime) => TEXT_MIMES.has(mime))) return "text";
  return "other";
}

const NAMES: Record<Category, (count: number) => string> = {
  image: (n) => `${n} ${n === 1 ? "image" : "images"}`,
  html: (n) => `${n} HTML`,
  text: (n) => `${n} text`,
  error: (n) => `${n} ${n === 1 ? "error" : "errors"}`,
  other: (n) => `${n} other`,
};

export function summarizeOutputs(outputs: Output[]): OutputCounts {
  const counts = { image: 0, html: 0, text: 0, error: 0, other: 0 };
  for (const output of outputs) counts[categorizeOutput(output)]++;
  const words = (Object.keys(NAMES) as Category[])
    .filter((category) => counts[category] > 0)
    .map((category) => NAMES[category](counts[category]))
    .join(", ");
  return { ...counts, total: outputs.length, words: words || "none" };
}
