import type { Page } from "@playwright/test";

/** /setup: the first-run page that creates the administrator. */
export class SetupPage {
  readonly heading;
  readonly name;
  readonly email;
  readonly password;
  readonly confirmPassword;
  readonly submit;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Welcome to Benchtop" });
    this.name = page.getByLabel("Name", { exact: true });
    this.email = page.getByLabel("Email", { exact: true });
    // "Password" is also part of "Confirm password".
    this.password = page.getByLabel("Password", { exact: true });
    this.confirmPassword = page.getByLabel("Confirm password", { exact: true });
    this.submit = page.getByRole("button", { name: "Create administrator" });
  }

  async createAdministrator({ name, email, password }: { name: string; email: string; password: string }) {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.password.fill(password);
    await this.confirmPassword.fill(password);
    await this.submit.click();
  }
}
