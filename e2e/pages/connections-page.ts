import type { Page } from "@playwright/test";

/** /settings/connections: the user's connections, the registered apps to authorize, disconnecting. */
export class ConnectionsPage {
  readonly heading;
  /** The outcome of an authorization that came back here ("Connected to … as …"). */
  readonly outcome;
  readonly table;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Connections", level: 1 });
    this.outcome = page.getByRole("main").getByRole("status").filter({ hasText: "Connected to" });
    this.table = page.getByRole("table", { name: "Connections" });
  }

  async goto() {
    await this.page.goto("/settings/connections");
  }

  /** A registered app's line, e.g. app("GitHub Enterprise", "127.0.0.1:3463"). */
  app(label: string, host: string) {
    return this.page.getByRole("listitem", { name: `${label} at ${host}`, exact: true });
  }

  row(login: string, host: string) {
    return this.table.getByRole("row").filter({ hasText: login }).filter({ hasText: host });
  }

  /** Disconnects, accepting the browser's confirmation. */
  async disconnect(login: string, host: string) {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.page.getByRole("button", { name: `Disconnect ${login} at ${host}`, exact: true }).click();
  }
}
