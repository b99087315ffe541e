import type { Page } from "@playwright/test";

/** The header every signed-in page shares. */
export class AppShell {
  readonly nav;
  readonly signOutButton;
  /** The bell: its name says how many notifications are unread ("Notifications, 2 unread"). */
  readonly bell;

  constructor(readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.signOutButton = this.nav.getByRole("button", { name: "Sign out" });
    this.bell = this.nav.getByRole("link", { name: /^Notifications, / });
  }

  /** The signed-in user as the header shows them ("Name @handle"). */
  currentUser(handle: string) {
    return this.nav.getByText(`@${handle}`);
  }

  async signOut() {
    await this.signOutButton.click();
    await this.page.waitForURL("**/login");
  }
}
