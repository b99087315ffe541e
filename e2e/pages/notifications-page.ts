import type { Page } from "@playwright/test";

/** /notifications: the user's notifications, newest first. */
export class NotificationsPage {
  readonly heading;
  readonly list;
  readonly markAllRead;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Notifications", level: 1 });
    this.list = page.getByRole("list", { name: "Notifications" });
    this.markAllRead = page.getByRole("button", { name: "Mark all as read" });
  }

  async goto() {
    await this.page.goto("/notifications");
  }

  /** The notification whose text contains `text`. */
  item(text: string | RegExp) {
    return this.list.getByRole("listitem").filter({ hasText: text });
  }
}
