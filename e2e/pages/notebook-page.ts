import { expect, type Locator, type Page } from "@playwright/test";

/** The notebook view of an open .ipynb file in a session (its UI contract: regions "Cell N", "Run cell", the toolbar). */
export class NotebookPage {
  readonly runAll: Locator;
  readonly interrupt: Locator;
  readonly restart: Locator;
  readonly kernelStatus: Locator;

  constructor(readonly page: Page) {
    this.runAll = page.getByRole("button", { name: "Run all" });
    this.interrupt = page.getByRole("button", { name: "Interrupt" });
    this.restart = page.getByRole("button", { name: "Restart kernel" });
    this.kernelStatus = page.getByText(/^Python: /);
  }

  cell(number: number): Locator {
    return this.page.getByRole("region", { name: `Cell ${number}`, exact: true });
  }

  cells(): Locator {
    return this.page.getByRole("region", { name: /^Cell \d+$/ });
  }

  /** Runs a code cell with its button and waits until it has finished (its prompt shows a number again). */
  async run(number: number, { timeout = 120_000 }: { timeout?: number } = {}): Promise<void> {
    await this.cell(number).getByRole("button", { name: "Run cell" }).click();
    await expect(this.cell(number)).toHaveAttribute("aria-busy", "true", { timeout: 5_000 }).catch(() => {});
    await expect(this.cell(number)).not.toHaveAttribute("aria-busy", "true", { timeout });
  }

  /** A cell's source editor (CodeMirror's editing surface). */
  source(number: number): Locator {
    return this.page.getByRole("textbox", { name: `Source of cell ${number}` });
  }

  /** Replaces a cell's source by typing, as a person does (select all, type). */
  async typeSource(number: number, text: string): Promise<void> {
    const source = this.source(number);
    await source.click();
    await this.page.keyboard.press("Control+A");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(text);
  }

  /** Waits until the notebook's edits are saved into the session's copy (it saves itself a moment after a change). */
  async expectSaved(): Promise<void> {
    await expect(this.page.getByText("Unsaved", { exact: true })).toHaveCount(0, { timeout: 15_000 });
    await expect(this.page.getByText("Saving…")).toHaveCount(0);
  }
}
