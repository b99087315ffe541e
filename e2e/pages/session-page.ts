import { expect, type Locator, type Page } from "@playwright/test";

/** The session workspace at /projects/{id}/session. */
export class SessionPage {
  readonly tree: Locator;
  readonly editor: Locator;
  readonly status: Locator;
  readonly commitMessage: Locator;
  readonly commitButton: Locator;
  readonly pushButton: Locator;
  readonly pullButton: Locator;
  readonly changedFiles: Locator;
  /** Beside Push: "2 unpushed". */
  readonly unpushed: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole("tree");
    this.editor = page.getByRole("textbox", { name: "Editor" });
    this.status = page.getByRole("status");
    this.commitMessage = page.getByRole("textbox", { name: "Commit message" });
    this.commitButton = page.getByRole("button", { name: "Commit", exact: true });
    this.pushButton = page.getByRole("button", { name: "Push", exact: true });
    this.pullButton = page.getByRole("button", { name: "Pull", exact: true });
    this.changedFiles = page.getByRole("list", { name: "Changed files" });
    this.unpushed = page.getByText(/^\d+ unpushed/);
  }

  async open(projectId: string): Promise<void> {
    await this.page.goto(`/projects/${projectId}/session`);
    await expect(this.page.getByRole("treeitem").first()).toBeVisible({ timeout: 30_000 });
  }

  /** A registered repository's session (/repositories/{id}/session). */
  async openRepository(repositoryId: string): Promise<void> {
    await this.page.goto(`/repositories/${repositoryId}/session`);
    await expect(this.page.getByRole("treeitem").first()).toBeVisible({ timeout: 30_000 });
  }

  /** A follow-up offered in the status message itself (e.g. "Reconnect" after the host refused the credential). */
  statusAction(name: string): Locator {
    return this.status.getByRole("button", { name, exact: true });
  }

  item(name: string): Locator {
    return this.tree.getByRole("treeitem", { name, exact: true });
  }

  /** The path shown above the editor (the pane's first heading: a notebook's Markdown has headings of its own). */
  get openPath(): Locator {
    return this.page.getByRole("region", { name: "Open file" }).getByRole("heading").first();
  }

  async openFile(name: string): Promise<void> {
    await this.item(name).click();
    await this.expectOpen(name);
  }

  /** Opens a notebook in the code editor ("Open as text"), to work on its JSON. */
  async openNotebookAsText(name: string): Promise<void> {
    await this.item(name).click();
    await this.page.getByRole("button", { name: "Open as text" }).click();
    await this.expectOpen(name);
  }

  /** Waits until `path` (or a file of that name) is open in the editor. */
  async expectOpen(path: string): Promise<void> {
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await expect(this.openPath).toHaveText(new RegExp(`(^|/)${escaped}$`));
    await expect(this.editor).toBeVisible();
  }

  async expectEditorText(text: string): Promise<void> {
    await expect.poll(() => this.editorText()).toBe(text);
  }

  /**
   * The document as CodeMirror holds it (the DOM renders only visible lines),
   * found the way EditorView.findFromDOM does.
   */
  editorText(): Promise<string> {
    return this.page.evaluate(() => {
      type Doc = { state: { doc: { toString(): string } } };
      const content = document.querySelector(".cm-content") as (HTMLElement & { cmTile?: { root?: { view?: Doc } }; cmView?: { view?: Doc } }) | null;
      const view = content?.cmTile?.root?.view ?? content?.cmView?.view;
      if (!view) throw new Error("No CodeMirror editor on the page");
      return view.state.doc.toString();
    });
  }

  /** Replaces the open file's text exactly (no auto-indent) and saves with Ctrl-S. */
  async replaceText(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press("Control+A");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(text);
    await this.save();
  }

  async save(): Promise<void> {
    await this.editor.press("Control+S");
    await expect(this.page.getByText("Unsaved", { exact: true })).toHaveCount(0);
  }

  async newFile(path: string, text: string): Promise<void> {
    await this.page.getByRole("button", { name: "New file" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Path of the new file").fill(path);
    await dialog.getByRole("button", { name: "Create" }).click();
    await this.expectOpen(path);
    await this.replaceText(text);
  }

  async commit(message: string): Promise<void> {
    await this.commitMessage.fill(message);
    await this.commitButton.click();
    await expect(this.status).toContainText(/Committed/);
  }

  async push(): Promise<void> {
    await this.pushButton.click();
    await expect(this.status).toContainText(/Pushed to/);
  }

  changeRow(path: string): Locator {
    return this.changedFiles.getByRole("listitem").filter({ hasText: path });
  }
}
