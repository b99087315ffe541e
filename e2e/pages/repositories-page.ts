import { expect, type Locator, type Page } from "@playwright/test";

/** One provider's "Add … repository" (or Edit) dialog. */
export class RepositoryDialog {
  readonly name;
  readonly location;
  /** With a connected account: the Repository combobox that lists the account's repositories. */
  readonly repository;
  readonly repositoryOptions;
  readonly token;
  readonly description;
  readonly bucket;
  readonly accessKeyId;
  readonly secretAccessKey;
  readonly sessionToken;
  readonly region;
  readonly endpoint;
  readonly testButton;
  readonly addButton;
  readonly saveButton;
  /** The result of Test. */
  readonly testResult;
  readonly error;
  /** Under Repository: the organizations that keep the connection's app out, each with Request access. */
  readonly organizationsWithoutAccess;
  /** A GitHub App's "Edit repository permissions" (its installation settings on GitHub). */
  readonly editRepositoryPermissions;

  constructor(readonly root: Locator) {
    const field = (label: string) => root.getByLabel(label, { exact: true });
    this.name = field("Name");
    this.location = field("Repository location");
    this.repository = root.getByRole("combobox", { name: "Repository", exact: true });
    this.repositoryOptions = root.getByRole("listbox", { name: "Your repositories" });
    this.token = field("Personal access token");
    this.description = field("Description");
    this.bucket = field("Bucket name");
    this.accessKeyId = field("Access key ID");
    this.secretAccessKey = field("Secret access key");
    this.sessionToken = field("Session token");
    this.region = field("Region");
    this.endpoint = field("Endpoint");
    this.testButton = root.getByRole("button", { name: "Test", exact: true });
    this.addButton = root.getByRole("button", { name: "Add repository" });
    this.saveButton = root.getByRole("button", { name: "Save changes" });
    this.testResult = root.getByRole("status", { name: "Test result" });
    this.error = root.getByRole("alert");
    this.organizationsWithoutAccess = root.getByRole("list", { name: "Organizations without access" });
    this.editRepositoryPermissions = root.getByRole("link", { name: "Edit repository permissions", exact: true });
  }

  /** One organization's note under Repository. */
  organizationWithoutAccess(organization: string) {
    return this.organizationsWithoutAccess.getByRole("listitem", { name: organization, exact: true });
  }

  /** The Request access link of an organization's note. */
  requestAccess(organization: string) {
    return this.organizationWithoutAccess(organization).getByRole("link", { name: "Request access", exact: true });
  }

  /** "Authorize GitHub app" / "Authorize GitLab app", offered while the user has no connection to the provider. */
  authorizeButton(label: "Authorize GitHub app" | "Authorize GitLab app") {
    return this.root.getByRole("button", { name: label, exact: true });
  }

  /** Types into Repository and picks `fullName` (e.g. acme/models) from the account's repositories. */
  async pickRepository(typed: string, fullName: string) {
    await this.repository.click();
    await this.repository.pressSequentially(typed);
    const escaped = fullName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await this.repositoryOptions.getByRole("option", { name: new RegExp(`^${escaped}( |$)`) }).click();
  }

  /** The error shown under a field (its aria-describedby). */
  fieldError(field: Locator) {
    return field.locator("xpath=following-sibling::p[contains(@id, '-error')]");
  }
}

/** /repositories: the caller's registered repositories and the add dialogs. */
export class RepositoriesPage {
  readonly heading;
  readonly list;
  readonly addRepository;
  readonly providerChoice;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Repositories", level: 1 });
    this.list = page.getByRole("list", { name: "Repositories" });
    // The page's own button, not the dialog's submit button of the same name.
    this.addRepository = page.getByRole("button", { name: "Add repository", expanded: false }).or(page.getByRole("button", { name: "Add repository", expanded: true }));
    this.providerChoice = page.getByRole("list", { name: "Choose a provider" });
  }

  async goto() {
    await this.page.goto("/repositories");
  }

  /** Opens the provider choice, picks one, and returns its dialog. */
  async openAddDialog(provider: string): Promise<RepositoryDialog> {
    await this.addRepository.click();
    await this.providerChoice.getByRole("button", { name: provider, exact: true }).click();
    return this.addDialog(provider);
  }

  /** A provider's add dialog, also when the page opened it itself (back from the provider's consent page). */
  addDialog(provider: string): RepositoryDialog {
    return new RepositoryDialog(this.page.getByRole("dialog", { name: `Add ${provider} repository` }));
  }

  row(name: string) {
    return this.list.getByRole("listitem", { name, exact: true });
  }

  async openEditDialog(name: string): Promise<RepositoryDialog> {
    await this.row(name).getByRole("button", { name: "Edit" }).click();
    return new RepositoryDialog(this.page.getByRole("dialog", { name: new RegExp(`^Edit .* repository ${name}$`) }));
  }

  /** A confirmation dialog opened from a row. */
  confirmDialog(title: string) {
    return this.page.getByRole("dialog", { name: title });
  }
}

/** /repositories/{id}: branches, folders, and the import and copy forms. */
export class BrowseRepositoryPage {
  readonly branch;
  readonly breadcrumb;
  readonly files;
  readonly importForm;
  readonly project;
  readonly message;
  readonly importButton;
  readonly importResult;
  readonly hostError;
  readonly copyForm;

  constructor(readonly page: Page) {
    this.branch = page.getByRole("combobox", { name: "Branch" });
    this.breadcrumb = page.getByRole("navigation", { name: "Folder" });
    this.files = page.getByRole("table", { name: "Files" });
    this.importForm = page.getByRole("form", { name: "Import into project" });
    this.project = this.importForm.getByLabel("Project", { exact: true });
    this.message = this.importForm.getByLabel("Commit message", { exact: true });
    this.importButton = this.importForm.getByRole("button", { name: "Import into project" });
    this.importResult = this.importForm.getByRole("status");
    this.hostError = page.getByRole("main").getByRole("alert");
    this.copyForm = page.getByRole("form", { name: "Create project" });
  }

  select(name: string) {
    return this.files.getByRole("checkbox", { name: `Select ${name}`, exact: true });
  }

  folder(name: string) {
    return this.files.getByRole("link", { name: `${name}/`, exact: true });
  }

  /** Imports what is checked; returns the short commit id the page reports. */
  async importInto(projectLabel: string, message?: string): Promise<string> {
    await this.project.selectOption({ label: projectLabel });
    if (message) await this.message.fill(message);
    await this.importButton.click();
    await expect(this.importResult).toContainText("Imported", { timeout: 20_000 });
    const text = (await this.importResult.textContent({ timeout: 20_000 })) ?? "";
    const match = /as commit ([0-9a-f]{7})/.exec(text);
    if (!match) throw new Error(`No commit in "${text}"`);
    return match[1]!;
  }
}
