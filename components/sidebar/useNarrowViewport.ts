/**
 * True while the viewport is narrow — a small window, or 200% zoom and more on a laptop screen
 * (1280 px at 200% is 640 CSS px) — where a 300 px panel would cover half the helpdesk or more.
 * Follows the media query live; off when `enabled` is false (the sidebar placed inline, as in tests
 * and the gallery).
 */
import { useEffect, useState } from 'preact/hooks';

export const NARROW_QUERY = '(max-width: 1000px)';

export function useNarrowViewport(enabled: boolean): boolean {
  const query = enabled && typeof matchMedia === 'function' ? matchMedia(NARROW_QUERY) : null;
  const [narrow, setNarrow] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setNarrow(query.matches);
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [enabled]);
  return narrow;
}
