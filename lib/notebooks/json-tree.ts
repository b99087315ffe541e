// A JSON parser that remembers where each value stands in the text, so that the
// writer can copy every unchanged part of a notebook exactly as it was (its
// spacing, its escapes, `1.0` rather than `1`). It reads what Python's json
// module reads, NaN and Infinity included, since Jupyter writes them.

export type JsonNode =
  | { type: "object"; start: number; end: number; members: JsonMember[] }
  | { type: "array"; start: number; end: number; items: JsonNode[] }
  | { type: "string"; start: number; end: number; value: string }
  | { type: "number"; start: number; end: number; value: number }
  | { type: "literal"; start: number; end: number; value: boolean | null };

export type JsonMember = { key: string; keyStart: number; keyEnd: number; value: JsonNode };

/** Why a text is not JSON, with the line and column (from 1) where reading stopped. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${problem} at line ${line}, column ${column}`);
    this.name = "JsonSyntaxError";
  }
}

// Deeper nesting than any notebook has; refusing it keeps a hostile file from exhausting the stack.
const MAX_DEPTH = 500;
// The run of characters in a string up to a quote, a backslash or a control character.
const PLAIN = /[^"\\\0-\x1f]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORDS: [string, number | boolean | null][] = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
];

/** The tree of a JSON text; the text may start with a byte order mark. Throws JsonSyntaxError. */
export function parseJsonTree(text: string): JsonNode {
  const reader = new Reader(text);
  reader.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  reader.skipSpace();
  const root = reader.value(0);
  reader.skipSpace();
  if (reader.pos < text.length) reader.fail("unexpected text after the end of the JSON");
  return root;
}

/** The plain value of a node. */
export function toJsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case "object": {
      const object: Record<string, unknown> = {};
      for (const member of node.members) object[member.key] = toJsonValue(member.value);
      return object;
    }
    case "array":
      return node.items.map(toJsonValue);
    default:
      return node.value;
  }
}

/** The member of an object node with this key (the last one, as JSON.parse and Python keep). */
export function findMember(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (node?.type !== "object") return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]!.key === key) return node.members[i];
  return undefined;
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(problem: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    throw new JsonSyntaxError(problem, line, column);
  }

  skipSpace() {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    const c = this.text[this.pos];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    if (c === undefined) this.fail("unexpected end of the text");
    const start = this.pos;
    for (const [word, value] of WORDS) {
      if (this.text.startsWith(word, start)) {
        this.pos += word.length;
        return typeof value === "number" ? { type: "number", start, end: this.pos, value } : { type: "literal", start, end: this.pos, value };
      }
    }
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail(`unexpected character ${JSON.stringify(c)}`);
    this.pos += match[0].length;
    return { type: "number", start, end: this.pos, value: Number(match[0]) };
  }

  object(depth: number): JsonNode {
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "}") return { type: "object", start, end: ++this.pos, members };
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail("expected a quoted key");
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail('expected ":" after a key');
      this.pos++;
      this.skipSpace();
      members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: this.value(depth + 1) });
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === "}") return { type: "object", start, end: this.pos, members };
      if (next !== ",") this.fail('expected "," or "}" in an object', this.pos - 1);
      this.skipSpace();
    }
  }

  array(depth: number): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "]") return { type: "array", start, end: ++this.pos, items };
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === "]") return { type: "array", start, end: this.pos, items };
      if (next !== ",") this.fail('expected "," or "]" in a list', this.pos - 1);
      this.skipSpace();
    }
  }

  string(): JsonNode & { type: "string" } {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let escaped = false;
    for (;;) {
      PLAIN.lastIndex = pos;
      PLAIN.test(text);
      pos = PLAIN.lastIndex;
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (Number.isNaN(c)) this.fail("a text that never ends (no closing quote)", start);
      if (c < 0x20) this.fail("a control character inside a text", pos);
      escaped = true;
      pos += 2;
    }
    this.pos = pos + 1;
    if (!escaped) return { type: "string", start, end: this.pos, value: text.slice(start + 1, pos) };
    try {
      return { type: "string", start, end: this.pos, value: JSON.parse(text.slice(start, this.pos)) as string };
    } catch {
      return this.fail("an invalid escape sequence in a text", start);
    }
  }
}
