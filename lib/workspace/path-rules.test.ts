import { describe, expect, it } from "vitest";
import { isWorkspaceError } from "./errors";
import { checkNewPath, findCaseTwin, pathProblem } from "./path-rules";

const long = (bytes: number) => "x".repeat(bytes);

describe("pathProblem", () => {
  it.each([
    "README.md",
    "src/model.py",
    ".gitmodules",
    ".gitignore",
    ".github/workflows/ci.yml",
    "a.git/file", // only .git itself is git's
    "git",
    "legit~1",
    long(255),
    `${"é".repeat(127)}x`, // 255 bytes in UTF-8
    `${long(255)}/${long(255)}`,
    "with space and ümlaut.txt",
  ])("accepts %s", (path) => {
    expect(pathProblem(path)).toBeNull();
  });

  it.each([
    [long(256), "256 bytes long"],
    [long(300), "use a shorter name"],
    [`src/${long(300)}/x.py`, "300 bytes long"],
    ["é".repeat(128), "256 bytes long"],
    [".git", "git keeps"],
    [".GIT/config", "git keeps"],
    ["sub/.Git/hooks/pre-commit", "git keeps"],
    [".git.", "git keeps"],
    [".git ", "git keeps"],
    [".git. . ", "git keeps"],
    ["GIT~1/config", "git keeps"],
    [".g\u200cit/config", "git keeps"],
    ["a\0b", "control character"],
    ["tab\there", "control character"],
    ["line\nbreak", "control character"],
    ["Icon\r", "control character"],
    ["del\x7f", "control character"],
    ["", "empty"],
    ["a//b", "empty folder name"],
    ["/abs", "empty folder name"],
    ["trailing/", "empty folder name"],
    ["a/../b", '".."'],
    ["./a", '"."'],
  ])("refuses %j, saying why and what to do", (path, says) => {
    expect(pathProblem(path)).toContain(says);
    expect(pathProblem(path)).toMatch(/; (use|choose|remove|type)/);
  });

  it("uses nothing from outside its own body, so the push hook can run its source", () => {
    const copy = new Function(`return (${pathProblem.toString()})`)() as typeof pathProblem;
    expect(copy(long(300))).toBe(pathProblem(long(300)));
    expect(copy(".git")).toBe(pathProblem(".git"));
  });
});

describe("checkNewPath", () => {
  it("returns a good path and throws invalid_path with the path and the reason", () => {
    expect(checkNewPath("src/model.py")).toBe("src/model.py");
    let error: unknown;
    try {
      checkNewPath(`data/${long(300)}.csv`);
    } catch (e) {
      error = e;
    }
    expect(isWorkspaceError(error)).toBe(true);
    expect(error).toMatchObject({ code: "invalid_path", paths: [`data/${long(300)}.csv`] });
    expect((error as Error).message).toMatch(/^"data\/x+…" cannot be used: the name "x+…" is 304 bytes long.*use a shorter name\.$/);
  });
});

describe("findCaseTwin", () => {
  const tree: Record<string, string[]> = { "": ["README.md", "Src", "docs"], Src: ["model.py"], docs: ["Guide.md"] };
  const listNames = async (folder: string) => tree[folder] ?? null;

  it.each([
    ["readme.md", "README.md"],
    ["src/new.py", "Src"],
    ["docs/guide.md", "docs/Guide.md"],
    ["DOCS/new.md", "docs"],
  ])("finds the existing path that %s differs from only by case", async (path, twin) => {
    expect(await findCaseTwin(path, listNames)).toBe(twin);
  });

  it.each(["README.md", "Src/other.py", "docs/Guide.md", "new/deep/file.txt", "docs/new.md"])("finds none for %s", async (path) => {
    expect(await findCaseTwin(path, listNames)).toBeNull();
  });
});
