// .gitattributes as git reads it (gitattributes(5)), for the one attribute a session needs:
// `filter`, which says whether Git LFS keeps a path's content (`filter=lfs`). Pure.
// No maintained package fits: gitignore matchers (`ignore`) also match everything inside a
// matching folder, which attribute patterns never do, and glob libraries differ from git's
// wildmatch on `**` and on names without a slash; this follows git's own rules, checked
// against `git check-attr` in the tests.

/** One line of a .gitattributes file that mentions `filter`. */
export type FilterRule = {
  /** The pattern as written. */
  pattern: string;
  /** The folder of the .gitattributes file ("" at the top). */
  folder: string;
  matches: (path: string) => boolean;
  /** The filter the line sets (`lfs`), or null where it unsets it (`-filter`, `!filter`). */
  filter: string | null;
};

/** Turns git's wildmatch pattern into a regular expression for the whole path (`/` only matched by `/`). */
function wildmatchSource(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        const atStart = i === 0 || pattern[i - 1] === "/";
        const next = pattern[i + 2];
        if (atStart && next === "/") {
          out += "(?:.*/)?";
          i += 2;
          continue;
        }
        if (atStart && next === undefined) {
          out += ".*";
          i += 1;
          continue;
        }
        i += 1; // "**" elsewhere is an ordinary "*"
      }
      out += "[^/]*";
    } else if (char === "?") out += "[^/]";
    else if (char === "\\" && i + 1 < pattern.length) out += escapeRegExp(pattern[++i]!);
    else if (char === "[") {
      const end = findClassEnd(pattern, i);
      if (end === -1) {
        out += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      out += `[${negated ? "^/" : ""}${classBody(body)}]`;
      i = end;
    } else out += escapeRegExp(char);
  }
  return out;
}

function findClassEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === "!" || pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern.startsWith("[:", i)) {
      const close = pattern.indexOf(":]", i + 2);
      if (close === -1) return -1;
      i = close + 1;
    } else if (pattern[i] === "]") return i;
  }
  return -1;
}

/** POSIX classes inside brackets, as git's wildmatch knows them (`git lfs track` writes `[[:space:]]` for a space). */
const POSIX_CLASSES: Record<string, string> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  blank: " \\t",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "\\x21-\\x7e",
  lower: "a-z",
  print: "\\x20-\\x7e",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\s",
  upper: "A-Z",
  xdigit: "0-9a-fA-F",
};

/** The inside of a bracket expression as a regular expression class's inside. */
function classBody(body: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (body.startsWith("[:", i)) {
      const close = body.indexOf(":]", i + 2);
      out += POSIX_CLASSES[body.slice(i + 2, close)] ?? "";
      i = close + 1;
    } else if (char === "\\" && i + 1 < body.length) {
      const next = body[++i]!;
      out += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
    }
    else out += char === "]" || char === "[" || char === "\\" || char === "^" ? `\\${char}` : char;
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * A pattern of a .gitattributes file in `folder`, as a test on paths from the
 * repository's top: a pattern without a slash matches a name at any depth below
 * the folder, one with a slash the path from the folder (a leading slash only
 * anchors). A pattern never matches the files inside a folder it names.
 */
export function attributePattern(pattern: string, folder: string): (path: string) => boolean {
  const anchored = pattern.includes("/");
  const body = wildmatchSource(pattern.replace(/^\//, ""));
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  const prefix = folder === "" ? "" : `${folder}/`;
  return (path) => path.startsWith(prefix) && regex.test(path.slice(prefix.length));
}

/** The lines of one .gitattributes file (found in `folder`) that set or unset `filter`, in order. */
export function parseFilterRules(text: string, folder: string): FilterRule[] {
  const rules: FilterRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    // Comments, blank lines, macro definitions; negative patterns are forbidden in attributes and ignored by git.
    if (!line || line.startsWith("#") || line.startsWith("[attr]") || line.startsWith("!")) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    let filter: string | null | undefined;
    for (const attribute of attributes) {
      if (attribute === "-filter" || attribute === "!filter") filter = null;
      else if (attribute.startsWith("filter=")) filter = attribute.slice("filter=".length);
    }
    if (filter === undefined || !pattern) continue;
    rules.push({ pattern, folder, matches: attributePattern(pattern, folder), filter });
  }
  return rules;
}

/** The filter git applies to `path` under these rules (outer files first, each file's lines in order): the last match wins. */
export function filterFor(rules: readonly FilterRule[], path: string): string | null {
  for (let i = rules.length - 1; i >= 0; i--) if (rules[i]!.matches(path)) return rules[i]!.filter;
  return null;
}
