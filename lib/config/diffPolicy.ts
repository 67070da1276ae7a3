/**
 * A preview of what an import will change, grouped for humans: targets, calendars, matrix,
 * priorities, compliance goals, other fields. Works on the raw policy JSON (stored vs new), so it
 * reads whatever the engine's schema allows without knowing every field: a structural diff, then
 * each change is rolled up to the unit a person thinks in (one target, one weekday's windows, one
 * matrix cell) and its old and new values are written as text, in English and Dutch (durations in
 * the engine's own words, as the sidebar shows them).
 */
import { durationLabel } from '../sla/policy';
import { UNITS, type PolicyDuration } from '../sla/schema';

export type DiffSection = 'targets' | 'calendars' | 'matrix' | 'priorities' | 'compliance' | 'other';
export const DIFF_SECTIONS: readonly DiffSection[] = [
  'targets',
  'calendars',
  'matrix',
  'priorities',
  'compliance',
  'other',
];

export interface DiffChange {
  kind: 'added' | 'removed' | 'changed';
  /** JSON path of the changed unit, e.g. `targets.incident.standard.urgent.resolution`. */
  path: string;
  /** The same path without the section's own key, joined for reading: `incident / standard / urgent / resolution`. */
  label: string;
  /** Old value as text (absent for `added`). */
  before?: string;
  /** New value as text (absent for `removed`). */
  after?: string;
  /**
   * The same in Dutch (the Options page shows it when it speaks Dutch): the path's words and the
   * values in Dutch units and keys. Ids from the policy stay as they are.
   */
  nl?: { label: string; before?: string; after?: string };
}

/** The words a value is written with: units and keys. English is the default. */
export interface ValueWords {
  unit(unit: string, amount: string | undefined): string;
  key(key: string): string;
  none: string;
  empty: string;
}

/** A target's duration in the engine's own words (the sidebar's), else the unit id as words. */
function unitWords(lang: 'en' | 'nl') {
  return (unit: string, amount: string | undefined): string => {
    const n = amount === undefined ? undefined : Number(amount);
    if (KNOWN_UNITS.has(unit) && (n === undefined || Number.isFinite(n)))
      return durationLabel({ unit, ...(n === undefined ? {} : { amount: n }) } as PolicyDuration)[lang];
    const u = unit.replace(/[-_]/g, ' ');
    return amount === undefined ? u : `${amount} ${u}`;
  };
}
const KNOWN_UNITS = new Set<string>(UNITS.filter((u) => u !== 'none'));

export const ENGLISH_WORDS: ValueWords = {
  unit: unitWords('en'),
  key: (k) => k,
  none: 'none',
  empty: '(none)',
};

const NL_KEYS: Record<string, string> = {
  due: 'uiterlijk',
  goal: 'doel',
  response: 'reactie',
  resolution: 'oplossing',
  hours: 'uren',
  holidays: 'feestdagen',
  closedDates: 'gesloten dagen',
  closings: 'sluitingen',
  dates: 'datums',
  calendar: 'kalender',
  calendars: 'kalenders',
  label: 'label',
  order: 'volgorde',
  amount: 'aantal',
  unit: 'eenheid',
  words: 'woorden',
  percent: 'procent',
  timezone: 'tijdzone',
  name: 'naam',
  tiers: 'niveaus',
  types: 'types',
  priorities: 'prioriteiten',
  impact: 'impact',
  urgency: 'urgentie',
  cells: 'cellen',
  escalation: 'escalatie',
  exemptions: 'uitzonderingen',
  pause: 'pauze',
};

export const DUTCH_WORDS: ValueWords = {
  unit: unitWords('nl'),
  key: (k) => (Object.hasOwn(NL_KEYS, k) ? NL_KEYS[k]! : k),
  none: 'geen',
  empty: '(geen)',
};

export interface DiffGroup {
  section: DiffSection;
  changes: DiffChange[];
}

export interface PolicyDiff {
  /** True when nothing differs (re-importing the same file). */
  identical: boolean;
  /** Only sections with changes, in DIFF_SECTIONS order. */
  groups: DiffGroup[];
  count: number;
}

type Seg = string | number;
type Json = unknown;

const isObj = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: Json) => v === null || typeof v !== 'object';
/** An array whose elements are primitives or arrays of primitives: compared and shown as one value. */
const isAtomicArray = (v: Json): v is Json[] =>
  Array.isArray(v) && v.every((e) => isPrimitive(e) || (Array.isArray(e) && e.every(isPrimitive)));

/**
 * Structural equality of JSON-like values; a key whose value is `undefined` counts as absent (as in
 * JSON). Policies (here) and stored registry entries (lib/background/registry-diff.ts) compare with it.
 */
export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, Json>;
  const rb = b as Record<string, Json>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.hasOwn(rb, k) || !deepEqual(ra[k], rb[k])) return false;
  return true;
}

function keyedById(v: Json[]): Map<string, Json> | null {
  const m = new Map<string, Json>();
  for (const e of v) {
    if (!isObj(e) || typeof e.id !== 'string' || m.has(e.id)) return null;
    m.set(e.id, e);
  }
  return m;
}

/** Paths of the target units (metric objects / objects with `due`) inside a subtree, for whole-branch adds/removes. */
function targetUnits(v: Json, path: Seg[], out: Seg[][] = []): Seg[][] {
  const last = path[path.length - 1];
  if ((typeof last === 'string' && METRICS.has(last)) || (isObj(v) && 'due' in v)) {
    out.push(path);
    return out;
  }
  if (isObj(v)) for (const [k, x] of Object.entries(v)) targetUnits(x, [...path, k], out);
  return out;
}

interface RawChange {
  kind: DiffChange['kind'];
  path: Seg[];
}

function rawDiff(a: Json, b: Json, path: Seg[], out: RawChange[]): void {
  if (deepEqual(a, b)) return;
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) {
      if (!(k in b)) out.push({ kind: 'removed', path: [...path, k] });
      else rawDiff(a[k], b[k], [...path, k], out);
    }
    for (const k of Object.keys(b)) if (!(k in a)) out.push({ kind: 'added', path: [...path, k] });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !isAtomicArray(a) && !isAtomicArray(b)) {
    const ka = keyedById(a);
    const kb = keyedById(b);
    if (ka && kb) {
      // Lists of things with ids (priorities, levels…): match by id, not position.
      for (const [id, v] of ka) {
        if (!kb.has(id)) out.push({ kind: 'removed', path: [...path, `#${id}`] });
        else rawDiff(v, kb.get(id), [...path, `#${id}`], out);
      }
      for (const id of kb.keys()) if (!ka.has(id)) out.push({ kind: 'added', path: [...path, `#${id}`] });
      const orderA = [...ka.keys()].filter((id) => kb.has(id));
      const orderB = [...kb.keys()].filter((id) => ka.has(id));
      if (!deepEqual(orderA, orderB)) out.push({ kind: 'changed', path: [...path, '#order'] });
      return;
    }
    if (a.length === b.length) {
      a.forEach((x, i) => rawDiff(x, b[i], [...path, i], out));
      return;
    }
  }
  out.push({ kind: 'changed', path });
}

function get(v: Json, path: readonly Seg[]): Json {
  let cur = v;
  for (const seg of path) {
    if (typeof seg === 'string' && seg.startsWith('#') && Array.isArray(cur)) {
      if (seg === '#order') return cur.map((e) => (isObj(e) ? e.id : e));
      cur = cur.find((e) => isObj(e) && e.id === seg.slice(1));
    } else if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isObj(cur) && typeof seg === 'string')
      cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    else return undefined;
  }
  return cur;
}

export function sectionOf(topKey: Seg | undefined): DiffSection {
  const k = String(topKey ?? '').toLowerCase();
  if (/target/.test(k)) return 'targets';
  if (/calendar|tier|hours|holiday|zone|timezone|window/.test(k)) return 'calendars';
  if (/matrix|impact|urgency|cap/.test(k)) return 'matrix';
  if (/priorit/.test(k)) return 'priorities';
  if (/compliance|goal/.test(k)) return 'compliance';
  return 'other';
}

const METRICS = new Set(['response', 'resolution', 'update', 'periodic-update', 'periodicUpdate']);
const WEEKDAYS = new Set([
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]); // prettier-ignore

/** How many path segments make up the unit a change is shown as (≤ path length). */
function rollupLength(section: DiffSection, path: Seg[], a: Json, b: Json): number {
  if (section === 'targets') {
    // One target = the object holding `due` (or named after a metric).
    for (let n = path.length; n >= 2; n--) {
      const seg = path[n - 1];
      if (typeof seg === 'string' && METRICS.has(seg)) return n;
    }
    for (let n = path.length; n >= 2; n--) {
      const pa = get(a, path.slice(0, n));
      const pb = get(b, path.slice(0, n));
      if ((isObj(pa) && 'due' in pa) || (isObj(pb) && 'due' in pb)) return n;
    }
  }
  if (section === 'calendars') {
    // One weekday's windows, one holiday list.
    for (let n = 1; n <= path.length; n++) {
      const seg = path[n - 1];
      if (typeof seg === 'string' && WEEKDAYS.has(seg.toLowerCase())) return n;
    }
  }
  return path.length;
}

/** A value as a short human text: windows as `09:00–17:30`, targets as `due …; goal … (90%)`, lists comma-joined. */
export function formatValue(v: Json, depth = 0, w: ValueWords = ENGLISH_WORDS): string {
  if (v === undefined) return '—';
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return w.empty;
    if (v.length === 2 && v.every((e) => typeof e === 'string' && /^\d{1,2}:\d{2}$/.test(e)))
      return `${v[0]}–${v[1]}`;
    return v.map((e) => formatValue(e, depth + 1, w)).join(', ');
  }
  if (isObj(v)) {
    const from = v.from ?? v.start ?? v.open;
    const to = v.to ?? v.end ?? v.close;
    if (typeof from === 'string' && typeof to === 'string' && Object.keys(v).length === 2)
      return `${from}–${to}`;
    const amount = v.amount ?? v.value ?? v.n ?? v.count;
    if (typeof v.unit === 'string') {
      const text = v.text ?? v.label ?? v.words;
      if (v.unit === 'none') return typeof text === 'string' ? text : w.none;
      const said = w.unit(v.unit, amount === undefined ? undefined : formatValue(amount, depth + 1, w));
      const percent = v.percent ?? v.percentage;
      return typeof percent === 'number' ? `${said} (${percent}%)` : said;
    }
    if (depth > 2) return JSON.stringify(v);
    return Object.entries(v)
      .filter(([k]) => k !== 'source' && k !== 'note')
      .map(([k, x]) => {
        const text = formatValue(x, depth + 1, w);
        return k === 'percent' || k === 'percentage' ? `${text}%` : `${w.key(k)} ${text}`;
      })
      .join('; ');
  }
  return String(v);
}

function labelOf(path: readonly Seg[], words: ValueWords = ENGLISH_WORDS): string {
  return path
    .slice(1)
    .map((s) =>
      typeof s === 'number'
        ? `#${s + 1}`
        : s === '#order'
          ? words.key('order')
          : s.startsWith('#')
            ? s.slice(1)
            : words.key(s),
    )
    .join(' / ');
}

export function formatDiffPath(path: readonly Seg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (seg.startsWith('#')) out += `[${seg.slice(1)}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(root)';
}

/**
 * Diff of the stored policy (`before`, null when there is none) against the one being imported.
 * Never throws; a non-object on either side is one `other` change.
 */
export function diffPolicy(before: Json, after: Json): PolicyDiff {
  const raw: RawChange[] = [];
  try {
    rawDiff(before ?? {}, after, [], raw);
  } catch {
    raw.push({ kind: 'changed', path: [] });
  }
  const expanded: RawChange[] = raw.flatMap((r) => {
    if (r.kind === 'changed' || !r.path.length || sectionOf(r.path[0]) !== 'targets') return [r];
    const units = targetUnits(get(r.kind === 'added' ? after : before, r.path), r.path);
    return units.length ? units.map((path) => ({ kind: r.kind, path })) : [r];
  });
  const bySection = new Map<DiffSection, Map<string, DiffChange>>();
  for (const r of expanded) {
    const section = r.path.length ? sectionOf(r.path[0]) : 'other';
    const n = rollupLength(section, r.path, before, after);
    const path = r.path.slice(0, n);
    const key = formatDiffPath(path);
    const group = bySection.get(section) ?? new Map<string, DiffChange>();
    bySection.set(section, group);
    if (group.has(key)) continue;
    const va = get(before, path);
    const vb = get(after, path);
    const kind: DiffChange['kind'] =
      n < r.path.length ? (va === undefined ? 'added' : vb === undefined ? 'removed' : 'changed') : r.kind;
    const change: DiffChange = { kind, path: key, label: labelOf(path) || key };
    if (kind !== 'added') change.before = formatValue(va);
    if (kind !== 'removed') change.after = formatValue(vb);
    change.nl = { label: labelOf(path, DUTCH_WORDS) || key };
    if (kind !== 'added') change.nl.before = formatValue(va, 0, DUTCH_WORDS);
    if (kind !== 'removed') change.nl.after = formatValue(vb, 0, DUTCH_WORDS);
    group.set(key, change);
  }
  const groups = DIFF_SECTIONS.filter((s) => bySection.get(s)?.size).map((section) => ({
    section,
    changes: [...(bySection.get(section)?.values() ?? [])],
  }));
  const count = groups.reduce((n, g) => n + g.changes.length, 0);
  return { identical: count === 0, groups, count };
}
