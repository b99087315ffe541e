import { describe, expect, it } from "vitest";
import { insertUser } from "../db";
import { commitFiles } from "../git-server";
import { createProject } from "../projects";
import { README_LIMIT, readProjectReadme } from "./project-readme";

let n = 0;
const newUser = () => insertUser({ email: `readme${++n}@example.test`, name: `Reader ${n}`, handle: `readme${n}`, passwordHash: "x", role: "user" });

describe("readProjectReadme (internal git server)", () => {
  it("reads README.md from the root of the default branch, preferring Markdown", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: "with-readme", description: "Weekly sales" }, owner });
    await commitFiles({
      projectId: project.id,
      branch: "main",
      files: [
        { path: "README.txt", content: Buffer.from("plain words") },
        { path: "docs/README.md", content: Buffer.from("# not the root one") },
      ],
      message: "More READMEs",
      author: owner,
    });
    expect(await readProjectReadme({ actor: owner, project })).toEqual({ status: "found", path: "README.md", text: "# with-readme\n\nWeekly sales\n", markdown: true });
  });

  it("says when there is none, and when it is too large to show", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: "no-readme", description: "" }, owner, initialize: async () => {} });
    expect(await readProjectReadme({ actor: owner, project })).toEqual({ status: "none" });

    const big = await createProject({ input: { name: "big-readme", description: "" }, owner });
    await commitFiles({ projectId: big.id, branch: "main", files: [{ path: "README.md", content: Buffer.alloc(README_LIMIT + 1, 97) }], message: "Long", author: owner });
    expect(await readProjectReadme({ actor: owner, project: big })).toEqual({ status: "too_large", path: "README.md", bytes: README_LIMIT + 1 });
  });
});
