import type { Page } from "@playwright/test";

/** /login: the sign-in form. */
export class LoginPage {
  readonly email;
  readonly password;
  readonly submit;
  /** The form's error, not Next's route announcer (also an alert). */
  readonly error;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.error = page.getByRole("main").getByRole("alert");
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  }

  async signIn({ email, password }: { email: string; password: string }) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
