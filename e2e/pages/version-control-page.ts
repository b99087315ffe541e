import type { Page } from "@playwright/test";

type Settings = { type?: "github" | "gitlab"; name?: string; url?: string; credentialHostname?: string; organization?: string; username?: string; token?: string };

/** /admin/version-control: where new projects' repositories live. */
export class VersionControlPage {
  readonly heading;
  readonly current;
  readonly form;
  readonly test;
  readonly apply;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Version control", level: 1 });
    this.current = page.getByRole("region", { name: "In use now" });
    this.form = page.getByRole("form", { name: "An organization on a git host" });
    this.test = this.form.getByRole("button", { name: "Test" });
    this.apply = this.form.getByRole("button", { name: "Apply" });
  }

  /** Fills the fields given; the others keep what they hold. */
  async fill(settings: Settings): Promise<void> {
    if (settings.type) await this.form.getByLabel("Type").selectOption(settings.type);
    const fields: [keyof Settings, string][] = [
      ["name", "Name"],
      ["url", "URL"],
      ["credentialHostname", "Credential host name"],
      ["organization", "Organization"],
      ["username", "Username"],
      ["token", "Token"],
    ];
    for (const [key, label] of fields) {
      const value = settings[key];
      if (value !== undefined) await this.form.getByLabel(label, { exact: true }).fill(value);
    }
  }

  /** One line of the Test findings: "<name>: passed|failed <advice>". */
  check(name: string) {
    return this.form.getByRole("list", { name: "Checks" }).getByRole("listitem").filter({ hasText: new RegExp(`^\\W*${name}:`) });
  }
}
