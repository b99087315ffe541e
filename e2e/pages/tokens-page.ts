import type { Page } from "@playwright/test";

/** /settings/tokens: personal access tokens. */
export class TokensPage {
  readonly heading;
  readonly name;
  readonly expires;
  readonly create;
  readonly newToken;
  readonly table;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Personal access tokens" });
    this.name = page.getByLabel("Token name", { exact: true });
    this.expires = page.getByRole("combobox", { name: /^Expires/ });
    this.create = page.getByRole("button", { name: "Create token" });
    this.newToken = page.getByRole("textbox", { name: "New token" });
    this.table = page.getByRole("table", { name: "Tokens" });
  }

  async goto() {
    await this.page.goto("/settings/tokens");
  }

  row(name: string) {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  async createToken(name: string) {
    await this.name.fill(name);
    await this.create.click();
  }

  /** Revokes a token, accepting the browser's confirmation. */
  async revoke(name: string) {
    this.page.once("dialog", (dialog) => void dialog.accept());
    await this.page.getByRole("button", { name: `Revoke ${name}`, exact: true }).click();
  }
}
