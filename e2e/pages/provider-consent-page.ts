import type { Page } from "@playwright/test";

/**
 * The host emulators' sign-in-and-authorize page (e2e/hosts/shared/sign-in-page.ts),
 * in each provider's words.
 */
export class ProviderConsentPage {
  readonly login;
  readonly password;
  readonly authorizeButton;
  readonly alert;

  private constructor(
    readonly page: Page,
    labels: { login: string; authorize: string },
  ) {
    this.login = page.getByLabel(labels.login, { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.authorizeButton = page.getByRole("button", { name: labels.authorize, exact: true });
    this.alert = page.getByRole("alert");
  }

  /** GitHub's page; `appName` is the app's name, which its button carries ("Authorize Benchtop"). */
  static github(page: Page, appName = "Benchtop") {
    return new ProviderConsentPage(page, { login: "Username or email address", authorize: `Authorize ${appName}` });
  }

  static gitlab(page: Page) {
    return new ProviderConsentPage(page, { login: "Username or primary email", authorize: "Authorize" });
  }

  async authorize({ login, password }: { login: string; password: string }) {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.authorizeButton.click();
  }
}
