/**
 * Storage errors in words: what happened and what to do, instead of the browser's
 * `Resource::kQuotaBytes quota exceeded` or an IndexedDB `QuotaExceededError`.
 */
export const isQuotaError = (e: unknown): boolean =>
  /quota/i.test(e instanceof Error ? `${e.name} ${e.message}` : String(e));

export function explainStorageError(e: unknown): string {
  if (isQuotaError(e))
    return 'the browser’s storage for this extension is full, so nothing was saved; delete old history in Options → Preferences (Clear history) or remove unused imported policies, then try again';
  return `could not save: ${e instanceof Error ? e.message : String(e)}`;
}
