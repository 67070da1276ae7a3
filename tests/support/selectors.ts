/** The sidebar's host element (WXT createShadowRootUi name); Playwright locators pierce its open shadow root. */
export const SIDEBAR_SELECTOR = 'sla-overlay';
