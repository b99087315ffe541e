import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createProject, createUser, type TestUser } from "../integration/helpers/api";
import { cloneInto, commitFile, git, gitOk } from "../integration/helpers/git";

const bareRepo = (projectId: string) => path.join(inject("dataDir"), "repos", `${projectId}.git`);
const serverRef = (projectId: string, ref: string) => git(["--git-dir", bareRepo(projectId), "rev-parse", "--verify", "-q", ref]);

/** Commits one file named `name` with plumbing: a name this machine's file system may not hold, as any client can send it. */
function commitName(dir: string, name: string): string {
  const blob = gitOk(["hash-object", "-w", "--stdin"], { cwd: dir, input: "data\n" }).trim();
  const entries = gitOk(["ls-tree", "-z", "HEAD"], { cwd: dir });
  const tree = gitOk(["mktree", "-z"], { cwd: dir, input: `${entries}100644 blob ${blob}\t${name}\x00` }).trim();
  return gitOk(["commit-tree", tree, "-p", "HEAD", "-m", `Add ${name.slice(0, 20)}`], { cwd: dir }).trim();
}

describe("pushes to the internal git server", () => {
  let owner: TestUser;
  let project: Awaited<ReturnType<typeof createProject>>;
  beforeAll(async () => {
    owner = await createUser();
    project = await createProject(owner);
  });

  it("a file name too long to check out is refused on push", () => {
    const dir = cloneInto(project.cloneUrl, { token: owner.token });
    const name = `${"x".repeat(300)}.csv`;
    const commit = commitName(dir, name);

    const pushed = git(["push", "origin", `${commit}:refs/heads/long-name`], { cwd: dir, auth: { token: owner.token } });
    expect(pushed.status, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toMatch(/remote: Benchtop refused "x+…": the name "x+…" is 304 bytes long, .*use a shorter name\./);
    expect(pushed.stderr).toContain("pre-receive hook declined");
    expect(serverRef(project.id, "refs/heads/long-name").status).not.toBe(0);
    // Nobody's clone breaks.
    cloneInto(project.cloneUrl, { token: owner.token });
  });

  it("a .git folder inside the tree is refused on push (receive.fsckObjects)", () => {
    const dir = cloneInto(project.cloneUrl, { token: owner.token });
    const commit = commitName(dir, ".GIT.");
    const pushed = git(["push", "origin", `${commit}:refs/heads/dot-git`], { cwd: dir, auth: { token: owner.token } });
    expect(pushed.status, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toMatch(/dotgit|\.git|Benchtop refused/i);
    expect(serverRef(project.id, "refs/heads/dot-git").status).not.toBe(0);
  });

  it("an ordinary push still works", () => {
    const dir = cloneInto(project.cloneUrl, { token: owner.token });
    const commit = commitFile(dir, `reports/${"é".repeat(120)}.md`, "# fine\n");
    gitOk(["push", "-q", "origin", "main"], { cwd: dir, auth: { token: owner.token } });
    expect(serverRef(project.id, "refs/heads/main").stdout.trim()).toBe(commit);
  });
});
