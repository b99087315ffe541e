// recordEventUnlessRecent: the same actor, action, project and detail within the
// window is one event; another detail, another actor or a later time is another.
import { describe, expect, it } from "vitest";
import { insertUser, listAuditEvents } from "../db";
import { recordEventUnlessRecent } from "./record-event";

const user = (tag: string) => insertUser({ email: `${tag}-${Date.now()}@example.test`, name: tag, handle: `${tag}${Math.random().toString(36).slice(2, 8)}`, passwordHash: "x", role: "user" });

describe("recording an event unless it was just recorded", () => {
  it("keeps one event for repeats within the window, and records what differs", async () => {
    const [ada, ben] = [user("ada"), user("ben")];
    const project = { id: `p${Date.now()}`, name: "demo" };
    const record = (actor: typeof ada, detail: Record<string, unknown>, withinMs = 60_000) => recordEventUnlessRecent({ action: "session.opened", actor, project, detail, withinMs });
    expect([record(ada, { role: "owner" }), record(ada, { role: "owner" }), record(ada, { role: "owner" })]).toEqual([true, false, false]);
    expect(record(ada, { role: "editor" })).toBe(true);
    expect(record(ben, { role: "owner" })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(record(ada, { role: "owner" }, 10)).toBe(true);
    expect(listAuditEvents({ projectId: project.id, action: "session.opened", limit: 10, offset: 0 }).map((e) => [e.actorId, e.detail])).toEqual([
      [ada.id, { role: "owner" }],
      [ben.id, { role: "owner" }],
      [ada.id, { role: "editor" }],
      [ada.id, { role: "owner" }],
    ]);
  });
});
