/** Small text helpers for the options views (no engine code: policies arrive as validated JSON). */
import type { Policy, PolicyDuration, Label } from '../../lib/sla/schema';
import type { Lang, Strings } from './strings';
import { offerDownload } from '../../lib/dom/download';
import { durationWords } from '../../lib/sla/unit-words';

export function label(l: Label | undefined, lang: Lang, fallback = ''): string {
  return l ? l[lang] || l.en || l.nl : fallback;
}

/** A target in words: "8 business hours", "next business day", or the contract's own words for "none". */
export function durationText(d: PolicyDuration, t: Strings): string {
  if (d.unit === 'none') return d.words ?? t.doc.noTarget;
  return durationWords(d)[t.lang];
}

export function priorityLabel(policy: Policy, id: string, lang: Lang, t: Strings): string {
  if (id === '*') return t.doc.anyPriority;
  const p = policy.priorities.find((x) => x.id === id);
  return p ? `${label(p.label, lang)} (${p.id})` : id;
}

export function levelLabel(
  items: Array<{ id: string; label: Label }> | undefined,
  id: string,
  lang: Lang,
): string {
  const it = items?.find((x) => x.id === id);
  return it ? label(it.label, lang, id) : id;
}

/** Every `source` note in a policy with where it applies, for the "Sources" list. */
export function collectSources(
  v: unknown,
  path: string[] = [],
  out: Array<{ where: string; path: string[]; source: string }> = [],
) {
  if (Array.isArray(v))
    v.forEach((x, i) => collectSources(x, [...path, (x as { id?: string })?.id ?? String(i)], out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'source' && typeof x === 'string')
        out.push({ where: path.join(' / ') || '—', path, source: x });
      else collectSources(x, [...path, k], out);
    }
  }
  return out;
}

/**
 * Where in the policy a contract source is cited, in the policy's own words: "Targets: Incident ·
 * any tier · Priority 1 · Response" rather than the JSON path "targets / incident / * / P1 / response".
 * Parts it does not know stay as written.
 */
export function sourcePlace(policy: Policy, path: readonly string[], lang: Lang, t: Strings): string {
  const [top, ...rest] = path;
  const tier = (id: string) => (id === '*' ? t.doc.anyTier : levelLabel(policy.tiers, id, lang));
  const metric = (m: string | undefined) =>
    m === 'response' ? t.doc.response : m === 'resolution' ? t.doc.resolution : m;
  const parts = (head: string, tail: Array<string | undefined>) =>
    `${head}: ${tail.filter((x): x is string => !!x).join(' · ')}`;
  switch (top) {
    case 'targets': {
      const [type, tr, prio, m, ...more] = rest;
      return parts(t.doc.targets, [
        type && levelLabel(policy.types, type, lang),
        tr && tier(tr),
        prio && priorityName(policy, prio, lang, t),
        metric(m),
        ...more,
      ]);
    }
    case 'calendars': {
      const [id, ...more] = rest;
      const cal = id ? policy.calendars[id] : undefined;
      return parts(t.doc.calendars, [cal?.label ? label(cal.label, lang, id) : id, ...more]);
    }
    case 'tiers':
      return parts(t.doc.tier, [rest[0] && tier(rest[0]), ...rest.slice(1)]);
    case 'priorities':
      return parts(t.doc.priority, [rest[0] && priorityName(policy, rest[0], lang, t), ...rest.slice(1)]);
    case 'matrix':
      return parts(t.doc.matrix, rest);
    case 'escalation':
      return parts(t.doc.escalation, rest);
    case 'exemptions':
      return parts(t.doc.exemptions, rest);
    case 'pause':
      return parts(t.doc.pause, rest);
    case 'compliance':
      return parts(t.doc.compliance, rest);
    default:
      return path.join(' / ') || '—';
  }
}

/** A priority's label alone ("Priority 1"), or "any priority" for "*". */
function priorityName(policy: Policy, id: string, lang: Lang, t: Strings): string {
  if (id === '*') return t.doc.anyPriority;
  return levelLabel(policy.priorities, id, lang);
}

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // Noon UTC, formatted in UTC: the date never shifts with the machine's zone.
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Offers text as a file download (DOM only; no extension API). */
export function downloadText(fileName: string, text: string, mimeType = 'application/json'): void {
  offerDownload(fileName, [text], mimeType, 0);
}
