// The lines "Track with LFS" adds to .gitattributes, as `git lfs track` writes them. Pure.
import { attributePattern } from "./gitattributes";

/** The attributes `git lfs track` gives a pattern. */
const LFS_ATTRIBUTES = "filter=lfs diff=lfs merge=lfs -text";

/** A name's characters that mean something in a pattern, escaped; spaces as `git lfs track` writes them (attribute lines split on spaces). */
function escapeName(name: string): string {
  return name.replace(/[\\*?[\]]/g, "\\$&").replace(/\s/g, "[[:space:]]");
}

/** The pattern for every file with `path`'s extension at any depth (`*.csv`), or null for a name without one. */
export function extensionPattern(path: string): string | null {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 && dot < name.length - 1 ? `*.${escapeName(name.slice(dot + 1))}` : null;
}

/** The pattern for exactly the file at `path` (`/data/big file.bin`, anchored at the top). */
export function filePattern(path: string): string {
  return `/${path.split("/").map(escapeName).join("/")}`;
}

/**
 * Refuses what cannot be one pattern of a .gitattributes line: empty, with
 * white space (it would split into attributes) or a negation (git ignores them).
 * Answers the words to show, or null when the pattern is fine.
 */
export function checkTrackPattern(pattern: string): string | null {
  if (!pattern.trim()) return "Give a pattern, such as *.csv or /data/model.bin.";
  if (/\s/.test(pattern)) return "A pattern cannot hold spaces: write [[:space:]] for a space in a name.";
  if (pattern.startsWith("!")) return "Git ignores negative patterns in .gitattributes; give the files to track instead.";
  if (pattern.startsWith("#")) return "A pattern cannot start with #: git would read the line as a comment.";
  return null;
}

/** `.gitattributes` with `pattern` tracked by Git LFS: the line appended, or the text unchanged when the same line is there. */
export function addLfsTrackLine(text: string, pattern: string): string {
  const present = text.split(/\r?\n/).some((line) => {
    const [first, ...attributes] = line.trim().split(/\s+/);
    return first === pattern && attributes.includes("filter=lfs");
  });
  if (present) return text;
  const separator = text === "" || text.endsWith("\n") ? "" : "\n";
  return `${text}${separator}${pattern} ${LFS_ATTRIBUTES}\n`;
}

/** Whether `pattern` (of the top .gitattributes) takes `path`: to tell the person what tracking will cover. */
export function patternTakes(pattern: string, path: string): boolean {
  return attributePattern(pattern, "")(path);
}
