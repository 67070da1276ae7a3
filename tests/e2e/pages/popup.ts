/**
 * The popup as a page object: how the e2e specs open it, start a refresh and read the queue and the
 * compliance tab, written once (the selectors are the popup's own: `#app` data attributes, row and
 * count classes, the compliance figures' `data-figure`).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class PopupPage {
  readonly app: Locator;
  /** The queue's rows (`data-key` is the registry key). */
  readonly rows: Locator;
  readonly lastRefresh: Locator;
  readonly refreshErrors: Locator;
  readonly complianceHead: Locator;
  readonly breaches: Locator;
  readonly historyNote: Locator;

  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {
    this.app = page.locator('#app');
    this.rows = page.locator('li.row');
    this.lastRefresh = page.locator('.refresh-last');
    this.refreshErrors = page.locator('.refresh-errors');
    this.complianceHead = page.locator('.compliance-head');
    this.breaches = page.locator('tr.breaches');
    this.historyNote = page.locator('.history-note');
  }

  /** Opens popup.html in this page and waits until it shows the worker's model. */
  async open(): Promise<this> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    await expect(this.app).toHaveAttribute('data-state', 'ready');
    return this;
  }

  /** Starts a queue refresh and waits for it to finish without errors. */
  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: /refresh|vernieuw/i }).click();
    await expect(this.app).toHaveAttribute('data-refreshing', 'true');
    await expect(this.app).toHaveAttribute('data-refreshing', 'false', { timeout: 30_000 });
    await expect(this.refreshErrors).toHaveCount(0);
  }

  /** The keys of the rows in the order shown. */
  shownKeys(): Promise<Array<string | null>> {
    return this.rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
  }

  /** The number in the summary's count for a state. */
  count(state: 'breached' | 'at-risk' | 'running' | 'paused'): Locator {
    return this.page.locator(`li.count[data-state="${state}"] .count-n`);
  }

  /** Switches to the compliance tab and chooses a period. */
  async showCompliance(period: string): Promise<void> {
    await this.page.getByRole('tab', { name: /compliance|naleving/i }).click();
    await this.page.locator('.period select').selectOption(period);
  }

  /** A compliance figure's row, by its id (`policy|priority|metric|measure`). */
  figure(id: string): Locator {
    return this.page.locator(`tr[data-figure="${id}"]`);
  }

  /** A compliance figure's met/total cell ("9/10"). */
  figureCount(id: string): Locator {
    return this.figure(id).locator('td').nth(1);
  }

  /** Opens a figure's list of breached tickets. */
  async showBreaches(id: string): Promise<void> {
    await this.figure(id).getByRole('button').click();
  }
}
