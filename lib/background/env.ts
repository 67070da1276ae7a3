/**
 * What the worker knows of the browser it runs in: the UI language (the one decision every surface
 * honours: the Options preference, else the browser's UI language), the local time zone, and how to
 * bring a tab to the front. One place, so the popup, the sidebar, notifications and Options agree.
 */
import { resolveLocale, type Locale } from '../i18n';
import type { Preferences } from '../storage/schemas';

/** The browser's UI languages (fakeBrowser and some platforms have no i18n API). */
export function uiLanguages(): string[] {
  try {
    return [browser.i18n.getUILanguage()];
  } catch {
    return [];
  }
}

/**
 * The language every surface speaks (notifications, the popup, the sidebar, Options, the report):
 * the Options preference, else the browser's UI language. Never the page's `navigator.languages`
 * (the web-content language, which can differ from the UI language: a half-Dutch sidebar).
 */
export function uiLanguage(preferences: Pick<Preferences, 'language'>): Locale {
  return resolveLocale(preferences.language, uiLanguages());
}

/**
 * What a page shows until the worker's answer names the language (a "Loading…", an error): the same
 * decision without the preference, which only the worker reads. Works in the content script too.
 */
export function untilWorkerAnswers(): Locale {
  return uiLanguage({ language: 'auto' });
}

export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const sameUrl = (a: string | undefined, b: string) => {
  if (!a) return false;
  const norm = (u: string) => u.replace(/#.*$/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
};

/** Focuses a tab that shows `url` (and its window), or opens it in a new tab. */
export async function focusOrOpen(url: string): Promise<'focused' | 'created'> {
  const tabs = await browser.tabs.query({});
  const tab = tabs.find((t) => sameUrl(t.url, url));
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return 'focused';
  }
  await browser.tabs.create({ url });
  return 'created';
}
