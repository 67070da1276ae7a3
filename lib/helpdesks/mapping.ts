/**
 * How helpdesk values map onto a policy's levels. By default a value maps to a level when it equals
 * the level's id, its Dutch or English label, or one of its aliases — ignoring case, accents and
 * surrounding spaces ("Normaal" → scope4mation `2`, Zendesk `urgent` → mextra `urgent`). An explicit
 * per-host map wins. A value that maps to nothing is reported by name, never guessed.
 */
import type { Policy } from '../sla';

export interface Level {
  id: string;
  label?: { nl?: string; en?: string };
  aliases?: string[];
}

/** The policy's vocabulary a mapping needs (structural, so tests can build one by hand). */
export interface PolicyVocabulary {
  id: string;
  priorities: Level[];
  impacts: Level[];
  urgencies: Level[];
  tiers: Level[];
  types: Level[];
}

export function vocabularyOf(policy: Policy): PolicyVocabulary {
  return {
    id: policy.id,
    priorities: policy.priorities,
    impacts: policy.matrix?.impact ?? [],
    urgencies: policy.matrix?.urgency ?? [],
    tiers: policy.tiers,
    types: policy.types,
  };
}

/**
 * A mapped holiday-region value as the engine names regions: trimmed, upper case, `_` and spaces as
 * `-` (`be` → `BE`, `de_by` → `DE-BY`); the engine refuses one it does not know, by name.
 */
export function regionValue(value: unknown): string | undefined {
  const text = asText(value);
  return text === undefined ? undefined : text.toUpperCase().replace(/[\s_]+/g, '-');
}

/** Lower case, no accents, single spaces, trimmed. */
export function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type LevelKind = 'priority' | 'impact' | 'urgency' | 'tier' | 'type';

const KIND_LEVELS: Record<LevelKind, keyof Omit<PolicyVocabulary, 'id'>> = {
  priority: 'priorities',
  impact: 'impacts',
  urgency: 'urgencies',
  tier: 'tiers',
  type: 'types',
};

export interface Unmapped {
  field: LevelKind;
  value: string;
  message: string;
}

/**
 * The policy level a helpdesk value stands for: the explicit map first (its target must be a level
 * id), then id/label/alias equality after folding. `source` names the helpdesk for messages.
 */
export function matchLevel(
  vocabulary: PolicyVocabulary,
  kind: LevelKind,
  value: string,
  explicit: Record<string, string> | undefined,
  source: string,
): { ok: true; id: string } | { ok: false; problem: Unmapped } {
  const levels = vocabulary[KIND_LEVELS[kind]];
  const wanted = fold(value);
  const mapped = explicit && Object.entries(explicit).find(([from]) => fold(from) === wanted)?.[1];
  const candidates = mapped !== undefined ? [mapped] : [value];
  for (const candidate of candidates) {
    const c = fold(candidate);
    const hit = levels.find(
      (l) =>
        fold(l.id) === c ||
        (l.label?.nl !== undefined && fold(l.label.nl) === c) ||
        (l.label?.en !== undefined && fold(l.label.en) === c) ||
        (l.aliases ?? []).some((a) => fold(a) === c),
    );
    if (hit) return { ok: true, id: hit.id };
  }
  const known = levels.map((l) => l.id).join(', ');
  return {
    ok: false,
    problem: {
      field: kind,
      value,
      message:
        mapped !== undefined
          ? `${source} ${kind} '${value}' is mapped to '${mapped}', which is not a ${vocabulary.id} ${kind} (known: ${known}) — fix the map in Options`
          : `${source} ${kind} '${value}' is not mapped to a ${vocabulary.id} ${kind} (known: ${known}) — map it in Options`,
    },
  };
}

/** "yes", "ja", "true", "1", true → true. */
export function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return typeof value === 'string' && ['yes', 'ja', 'true', '1', 'y', 'j'].includes(fold(value));
}

/**
 * `record[key]` when the record itself has that key — never an inherited `Object.prototype` member
 * (a helpdesk value or an admin's mapping key such as `__proto__` or `constructor`).
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A value at a dotted path (`optionalFields1.text1`, `sla.name`), or undefined. Own keys only. */
export function atPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = ownValue(cur as Record<string, unknown>, key);
  }
  return cur;
}

/** A TOPdesk-style `{id, name}` reference or a plain value, as text. */
export function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string')
    return ((value as { name: string }).name.trim() || undefined) as string | undefined;
  return undefined;
}
