import { describe, expect, it } from "vitest";
import { insertUser, type User } from "../db";
import { countUnread, listNotifications } from "./list-notifications";
import { markAllRead, markRead } from "./mark-read";
import { notify, toPlainText } from "./notify";

let n = 0;
const newUser = (): User => insertUser({ email: `n${++n}@example.test`, name: `Person ${n}`, handle: `n${n}`, passwordHash: "x", role: "user" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("notifications", () => {
  it("lists a user's own notifications newest first, with the unread count, one page at a time", async () => {
    const ada = newUser();
    const bob = newUser();
    for (const message of ["first", "second", "third"]) {
      notify({ userId: ada.id, kind: "operation.failed", message });
      await sleep(3);
    }
    notify({ userId: bob.id, kind: "operation.failed", message: "bob's" });

    const firstPage = listNotifications({ user: ada, perPage: 2 });
    expect(firstPage.notifications.map((x) => x.message)).toEqual(["third", "second"]);
    expect(firstPage).toMatchObject({ unread: 3, nextPage: 2 });
    expect(firstPage.notifications[0]).toMatchObject({ kind: "operation.failed", projectId: null, read: false, at: expect.stringMatching(/Z$/) });
    const secondPage = listNotifications({ user: ada, perPage: 2, page: 2 });
    expect(secondPage.notifications.map((x) => x.message)).toEqual(["first"]);
    expect(secondPage.nextPage).toBeNull();
    expect(countUnread({ user: bob })).toBe(1);
  });

  it("marks one read only for its recipient, and all read at once", () => {
    const ada = newUser();
    const bob = newUser();
    const one = notify({ userId: ada.id, kind: "operation.failed", message: "one" });
    notify({ userId: ada.id, kind: "operation.failed", message: "two" });
    notify({ userId: bob.id, kind: "operation.failed", message: "bob's" });

    expect(() => markRead({ user: bob, id: one.id })).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => markRead({ user: ada, id: "no-such-id" })).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(countUnread({ user: ada })).toBe(2);

    markRead({ user: ada, id: one.id });
    markRead({ user: ada, id: one.id }); // twice is fine
    expect(countUnread({ user: ada })).toBe(1);
    expect(listNotifications({ user: ada, unread: true }).notifications.map((x) => x.message)).toEqual(["two"]);
    expect(listNotifications({ user: ada }).notifications.find((x) => x.id === one.id)?.read).toBe(true);

    markAllRead({ user: ada });
    expect(countUnread({ user: ada })).toBe(0);
    expect(countUnread({ user: bob })).toBe(1);
  });

  it("keeps messages as one line of plain text of bounded length", () => {
    const ada = newUser();
    const stored = notify({ userId: ada.id, kind: "operation.failed", message: "line one\n\tline two\u0000<b>bold</b>" });
    expect(stored.message).toBe("line one line two <b>bold</b>");
    expect(toPlainText("x".repeat(30), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
