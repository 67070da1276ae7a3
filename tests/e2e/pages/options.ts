/** The Options page as a page object: open it, and edit a host's mapping (the parts the specs use). */
import { expect, type Locator, type Page } from '@playwright/test';

export class OptionsPage {
  readonly app: Locator;

  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {
    this.app = page.locator('#app');
  }

  /** Opens options.html in this page and waits until it shows the worker's model. */
  async open(): Promise<this> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`);
    await expect(this.app).toHaveAttribute('data-state', 'ready');
    return this;
  }

  /** Opens the mapping form of the host's assignment. */
  async editMapping(host: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit mapping: ${host}` }).click();
  }

  /** Saves the open assignment form. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }
}
