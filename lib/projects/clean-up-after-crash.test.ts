import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getReposDir } from "../config/env";
import { AppError } from "../errors";
import { insertUser, lfsObjectExists, listAuditEvents, projectNameTaken } from "../db";
import { repoPath } from "../git-server";
import { keepObject, lfsUploadsDir, serverLfsObjectFile } from "../lfs-objects";
import { loadProject } from "./access";
import { cleanUpAfterCrash } from "./clean-up-after-crash";
import { createProject } from "./create-project";

const owner = () => insertUser({ email: `crash${Date.now()}${Math.random()}@example.test`.slice(0, 60), name: "Crash", handle: `c${Math.random().toString(36).slice(2, 10)}`, passwordHash: "x", role: "user" });

/** A Git LFS object's file waiting to be kept, as a transfer leaves it. */
function lfsFile(content: string) {
  const tempFile = path.join(os.tmpdir(), `lfs-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(tempFile, content);
  return { oid: createHash("sha256").update(content).digest("hex"), size: content.length, tempFile };
}

describe("creating a project, across a crash", () => {
  it("takes away the Git LFS objects a failed creation had kept, and only those", async () => {
    const user = owner();
    const held = await createProject({ input: { name: "Holder", description: "" }, owner: user });
    keepObject({ projectId: held.id, ...lfsFile("shared with a failed copy") });
    await expect(
      createProject({
        input: { name: "Failing", description: "" },
        owner: user,
        initialize: async ({ project }) => {
          keepObject({ projectId: project.id, ...lfsFile("shared with a failed copy") });
          keepObject({ projectId: project.id, ...lfsFile("only the failed copy's") });
          throw new AppError("conflict", "The host refused.");
        },
      }),
    ).rejects.toThrow("The host refused.");
    expect(lfsObjectExists({ oid: lfsFile("only the failed copy's").oid })).toBe(false);
    expect(fs.existsSync(serverLfsObjectFile(lfsFile("only the failed copy's").oid))).toBe(false);
    expect(fs.existsSync(serverLfsObjectFile(lfsFile("shared with a failed copy").oid))).toBe(true);
  });

  it("hides the project while its repository is made, holding its name", async () => {
    const user = owner();
    let seenWhileCreating: unknown = "not called";
    const tryLoad = (id: string) => {
      try {
        return loadProject({ id, user });
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    await createProject({
      input: { name: "Halfway", description: "" },
      owner: user,
      initialize: async ({ project, dir }) => {
        seenWhileCreating = tryLoad(project.id);
        expect(projectNameTaken({ ownerId: user.id, name: "halfway" })).toBe("creating");
        expect(fs.existsSync(repoPath(project.id))).toBe(false);
        fs.writeFileSync(path.join(dir, "marker"), "x");
      },
    }).then((project) => expect(fs.readFileSync(path.join(repoPath(project.id), "marker"), "utf8")).toBe("x"));
    expect(seenWhileCreating).toBe("not_found");
  });

  it("at start removes a project whose creation was cut off, its partial repository and staged copy, with an audit event, freeing the name", async () => {
    const user = owner();
    let projectId = "";
    // A creation that never finishes: the state the server is in when killed half-way.
    void createProject({
      input: { name: "Cut-off", description: "" },
      owner: user,
      initialize: ({ project, dir }) => {
        projectId = project.id;
        fs.writeFileSync(path.join(dir, "partial"), "x");
        // A copy's Git LFS object already kept for it, and a download under way in its work area.
        keepObject({ projectId: project.id, ...lfsFile("kept for the cut-off copy") });
        fs.mkdirSync(path.join(lfsUploadsDir(), `copy-${project.id}`), { recursive: true });
        fs.writeFileSync(path.join(lfsUploadsDir(), `copy-${project.id}`, "half"), "x");
        return new Promise(() => {});
      },
    });
    await expect.poll(() => projectId).not.toBe("");
    expect(projectNameTaken({ ownerId: user.id, name: "Cut-off" })).toBe("creating");
    await expect(createProject({ input: { name: "cut-off", description: "" }, owner: user })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/is being created right now/) });
    await cleanUpAfterCrash({ startedAt: new Date() });
    expect(projectNameTaken({ ownerId: user.id, name: "Cut-off" })).toBe(false);
    expect(fs.existsSync(path.join(getReposDir(), ".staging"))).toBe(false);
    const { oid } = lfsFile("kept for the cut-off copy");
    expect(lfsObjectExists({ oid })).toBe(false);
    expect(fs.existsSync(serverLfsObjectFile(oid))).toBe(false);
    expect(fs.readdirSync(lfsUploadsDir())).toEqual([]);
    const [event] = listAuditEvents({ action: "project.creation_abandoned", projectId, limit: 5, offset: 0 });
    expect(event).toMatchObject({ projectName: "Cut-off", actorId: null, detail: { name: "Cut-off", owner: { id: user.id, email: user.email }, reason: expect.stringMatching(/stopped before/) } });
    const again = await createProject({ input: { name: "Cut-off", description: "" }, owner: user });
    expect(loadProject({ id: again.id, user }).project.name).toBe("Cut-off");
  });

  it("at start removes an interrupted push's quarantine folder and ref locks, not the repository", async () => {
    const user = owner();
    const project = await createProject({ input: { name: "Pushed", description: "" }, owner: user });
    const dir = repoPath(project.id);
    const quarantine = path.join(dir, "objects", "tmp_objdir-incoming-abc123");
    fs.mkdirSync(path.join(quarantine, "pack"), { recursive: true });
    fs.writeFileSync(path.join(quarantine, "pack", "tmp_pack_x"), Buffer.alloc(1000));
    fs.writeFileSync(path.join(dir, "refs", "heads", "main.lock"), "");
    await cleanUpAfterCrash({ startedAt: new Date(Date.now() + 1000) });
    expect(fs.existsSync(quarantine)).toBe(false);
    expect(fs.existsSync(path.join(dir, "refs", "heads", "main.lock"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "HEAD"))).toBe(true);
    const [event] = listAuditEvents({ action: "git.push_leftovers_removed", projectId: project.id, limit: 5, offset: 0 });
    expect(event?.detail).toMatchObject({ paths: [path.join("objects", "tmp_objdir-incoming-abc123"), path.join("refs", "heads", "main.lock")], bytes: 1000 });
  });
});
