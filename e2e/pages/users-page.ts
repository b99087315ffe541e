import type { Page } from "@playwright/test";

/** /admin/users: accounts, for administrators. */
export class UsersPage {
  readonly heading;
  readonly newUserForm;
  readonly fullName;
  readonly email;
  readonly password;
  readonly role;
  readonly create;
  readonly table;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Users", level: 1 });
    this.newUserForm = page.getByRole("form", { name: "New user" });
    this.fullName = this.newUserForm.getByLabel("Full name", { exact: true });
    this.email = this.newUserForm.getByLabel("User email", { exact: true });
    this.password = this.newUserForm.getByLabel("Initial password", { exact: true });
    // The label wraps the select, so its name also holds the chosen option ("Role user").
    this.role = this.newUserForm.getByRole("combobox", { name: /^Role/ });
    this.create = this.newUserForm.getByRole("button", { name: "Create user" });
    this.table = page.getByRole("table", { name: "Users" });
  }

  async goto() {
    await this.page.goto("/admin/users");
  }

  row(email: string) {
    return this.table.getByRole("row").filter({ hasText: email });
  }

  async createUser(input: { name: string; email: string; password: string; role: "admin" | "user" }) {
    await this.fullName.fill(input.name);
    await this.email.fill(input.email);
    await this.password.fill(input.password);
    await this.role.selectOption(input.role);
    await this.create.click();
  }

  async setRole(email: string, role: "admin" | "user") {
    const row = this.row(email);
    await row.getByLabel(`Role of ${email}`, { exact: true }).selectOption(role);
    await row.getByRole("button", { name: "Set role" }).click();
  }
}
