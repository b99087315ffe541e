// Pushes and clones at the same moment, as a busy team makes them: every push is
// recorded as exactly what it changed and by whom (read from that push's own
// commands and git's report, never from before/after snapshots of the whole
// repository), and the repository stays sound (`git fsck --strict`).
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, createProject, createUser, share, type TestUser } from "../integration/helpers/api";
import { gitAsync } from "../integration/helpers/gateway";
import { cloneInto, commitFile, gitOk } from "../integration/helpers/git";
import { writeRandomFile } from "../integration/helpers/random-file";

type Project = Awaited<ReturnType<typeof createProject>>;
type PushEvent = { actor: { email: string }; detail: { refs: { ref: string; change: string; before: string | null; after: string | null; commits?: number }[] } };

const bareRepo = (projectId: string) => path.join(inject("dataDir"), "repos", `${projectId}.git`);

async function readPushEvents(project: Project, owner: TestUser): Promise<PushEvent[]> {
  const res = await api(`/api/v1/projects/${project.id}/audit?action=git.push&perPage=100`, { token: owner.token });
  expect(res.status, res.text).toBe(200);
  return res.body.events;
}

/**
 * The project's push events once `count` are there (a push is recorded just after git answers the client),
 * read again a moment later so that any surplus event would show.
 */
async function pushEvents(project: Project, owner: TestUser, count: number): Promise<PushEvent[]> {
  await expect.poll(async () => (await readPushEvents(project, owner)).length, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(count);
  await new Promise((r) => setTimeout(r, 500));
  return readPushEvents(project, owner);
}

/** A project with `count` editors besides its owner, each with a clone of it. */
async function projectWithEditors(count: number) {
  const owner = await createUser();
  const project = await createProject(owner);
  const editors = await Promise.all(Array.from({ length: count }, () => createUser()));
  for (const editor of editors) await share(project, owner, editor, "editor");
  const clones = editors.map((editor) => cloneInto(project.cloneUrl, { token: editor.token }));
  return { owner, project, editors, clones };
}

describe("concurrent pushes", () => {
  let team: Awaited<ReturnType<typeof projectWithEditors>>;
  beforeAll(async () => {
    team = await projectWithEditors(10);
  }, 120_000);

  it("audit records crossed between pushers (two users push different branches at the same moment): each event names only its own pusher's ref", { timeout: 90_000 }, async () => {
    const [alice, bob] = team.editors;
    const [aliceDir, bobDir] = team.clones;
    // A few MB each, so that the two pushes are in flight together.
    const commits = [aliceDir!, bobDir!].map((dir, i) => {
      writeRandomFile(path.join(dir, `data-${i}.bin`), 3 * 1024 * 1024);
      gitOk(["add", "."], { cwd: dir });
      gitOk(["commit", "-q", "-m", `Data ${i}`], { cwd: dir });
      return gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();
    });
    const base = gitOk(["rev-parse", "HEAD~1"], { cwd: aliceDir! }).trim();
    const [a, b] = await Promise.all([
      gitAsync(["push", "origin", "HEAD:refs/heads/alice-branch"], { cwd: aliceDir!, token: alice!.token }),
      gitAsync(["push", "origin", "HEAD:refs/heads/bob-branch"], { cwd: bobDir!, token: bob!.token }),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);

    const events = await pushEvents(team.project, team.owner, 2);
    expect(events).toHaveLength(2);
    const byActor = new Map(events.map((e) => [e.actor.email, e.detail.refs]));
    expect(byActor.get(alice!.email)).toEqual([{ ref: "refs/heads/alice-branch", change: "created", before: null, after: commits[0], commits: 1 }]);
    expect(byActor.get(bob!.email)).toEqual([{ ref: "refs/heads/bob-branch", change: "created", before: null, after: commits[1], commits: 1 }]);
    expect(gitOk(["--git-dir", bareRepo(team.project.id), "rev-parse", "refs/heads/alice-branch~1"]).trim()).toBe(base);
  });

  it("audit records of pushes that never happened (ten racing pushes to one branch): one event per push that moved the branch, naming its pusher; the repository passes fsck --strict", { timeout: 90_000 }, async () => {
    const earlier = (await readPushEvents(team.project, team.owner)).length;
    const mainBefore = gitOk(["--git-dir", bareRepo(team.project.id), "rev-parse", "refs/heads/main"]).trim();
    const attempts = team.editors.map((editor, i) => {
      const dir = team.clones[i]!;
      gitOk(["fetch", "-q", "origin"], { cwd: dir, auth: { token: editor.token } });
      gitOk(["reset", "-q", "--hard", mainBefore], { cwd: dir });
      return { editor, dir, commit: commitFile(dir, `race-${i}.txt`, `push ${i}\n`) };
    });
    const results = await Promise.all(attempts.map(({ editor, dir }) => gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, token: editor.token })));
    const winners = attempts.filter((_, i) => results[i]!.code === 0);
    for (const [i, result] of results.entries()) {
      if (result.code !== 0) expect(result.stderr, `push ${i}`).toMatch(/rejected|failed|fetch first|non-fast-forward|lock/i);
    }
    expect(winners.length).toBeGreaterThanOrEqual(1);

    const all = await pushEvents(team.project, team.owner, earlier + winners.length);
    // Newest first: the race's events come before the earlier ones.
    const events = all.slice(0, all.length - earlier);
    expect(events).toHaveLength(winners.length);
    const serverMain = gitOk(["--git-dir", bareRepo(team.project.id), "rev-parse", "refs/heads/main"]).trim();
    for (const event of events) {
      expect(event.detail.refs).toHaveLength(1);
      const [ref] = event.detail.refs;
      const pusher = attempts.find((attempt) => attempt.commit === ref!.after);
      expect(pusher, `an event for a commit nobody pushed: ${JSON.stringify(ref)}`).toBeDefined();
      expect(event.actor.email).toBe(pusher!.editor.email);
      expect(ref).toMatchObject({ ref: "refs/heads/main", change: "updated", before: mainBefore, commits: 1 });
    }
    expect(winners.map((w) => w.commit)).toContain(serverMain);
    const fsck = gitOk(["--git-dir", bareRepo(team.project.id), "fsck", "--strict", "--no-progress"]);
    expect(fsck).not.toMatch(/error|missing|broken/i);
  });

  it("clones broken by pushes in flight (five clones while five pushes land): every clone succeeds and is whole", { timeout: 90_000 }, async () => {
    const mainBefore = gitOk(["--git-dir", bareRepo(team.project.id), "rev-parse", "refs/heads/main"]).trim();
    const pushes = team.editors.slice(0, 5).map((editor, i) => {
      const dir = team.clones[i]!;
      gitOk(["fetch", "-q", "origin"], { cwd: dir, auth: { token: editor.token } });
      gitOk(["reset", "-q", "--hard", mainBefore], { cwd: dir });
      writeRandomFile(path.join(dir, `bulk-${i}.bin`), 1024 * 1024);
      gitOk(["add", "."], { cwd: dir });
      gitOk(["commit", "-q", "-m", `Bulk ${i}`], { cwd: dir });
      return gitAsync(["push", "origin", `HEAD:refs/heads/bulk-${i}`], { cwd: dir, token: editor.token });
    });
    const clones = team.editors.slice(5).map((editor, i) => {
      const dir = path.join(path.dirname(team.clones[5 + i]!), `again-${i}`);
      return gitAsync(["clone", "-q", team.project.cloneUrl, dir], { token: editor.token }).then((result) => ({ result, dir }));
    });
    const [pushed, cloned] = await Promise.all([Promise.all(pushes), Promise.all(clones)]);
    for (const result of pushed) expect(result.code, result.stderr).toBe(0);
    for (const { result, dir } of cloned) {
      expect(result.code, result.stderr).toBe(0);
      gitOk(["fsck", "--strict", "--no-progress"], { cwd: dir });
      expect(gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim()).toBe(mainBefore);
    }
    gitOk(["--git-dir", bareRepo(team.project.id), "fsck", "--strict", "--no-progress"]);
    const events = await pushEvents(team.project, team.owner, 2 + 1 + 5);
    for (let i = 0; i < 5; i++) {
      const own = events.filter((e) => e.detail.refs.some((r) => r.ref === `refs/heads/bulk-${i}`));
      expect(own.map((e) => [e.actor.email, e.detail.refs.length])).toEqual([[team.editors[i]!.email, 1]]);
    }
  });

  it("audit records claiming a refused ref (one push, one ref refused as non-fast-forward, one accepted): the event names only the accepted ref", { timeout: 60_000 }, async () => {
    const [editor] = team.editors;
    const dir = team.clones[0]!;
    gitOk(["fetch", "-q", "origin"], { cwd: dir, auth: { token: editor!.token } });
    const serverMain = gitOk(["rev-parse", "origin/main"], { cwd: dir }).trim();
    gitOk(["reset", "-q", "--hard", `${serverMain}~1`], { cwd: dir });
    const stale = commitFile(dir, "stale.txt", "behind main\n");
    const earlier = (await readPushEvents(team.project, team.owner)).length;
    const push = await gitAsync(["push", "origin", `${stale}:refs/heads/main`, `${stale}:refs/heads/side`], { cwd: dir, token: editor!.token });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/\[new branch\][^\n]*side/);
    expect(push.stderr).toMatch(/rejected[^\n]*main/);

    const events = await pushEvents(team.project, team.owner, earlier + 1);
    expect(events).toHaveLength(earlier + 1);
    expect(events[0]).toMatchObject({ actor: { email: editor!.email }, detail: { refs: [{ ref: "refs/heads/side", change: "created", after: stale }] } });
    expect(events[0]!.detail.refs).toHaveLength(1);
    expect(gitOk(["--git-dir", bareRepo(team.project.id), "rev-parse", "refs/heads/main"]).trim()).toBe(serverMain);
  });
});
