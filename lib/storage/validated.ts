/**
 * Reading stored values through zod, ELEMENT BY ELEMENT: one policy, assignment, credential or
 * preference that fails validation is taken out and quarantined (kept verbatim, with the JSON path and
 * what is wrong), while every other element stays usable. Nothing is ever replaced wholesale by a
 * fallback: a writer commits the quarantined elements (lib/storage/items.ts `quarantineWrites`) in the
 * same storage call as its own change, so a write never drops what it could not parse.
 */
import type { z } from 'zod';

export interface StorageProblem {
  key: string;
  message: string;
}

/** An element of a stored value that could not be read, kept verbatim. */
export interface QuarantinedElement {
  /** Deterministic: `${key}:${path}:${hash of the raw value}`. */
  id: string;
  /** The storage key it came from (`config`, `credentials`, `preferences`, `registry`, …). */
  key: string;
  /** JSON path inside that value (`assignments.2`, `policies.acme`, `(root)`). */
  path: string;
  /** What is wrong, by path inside the element: `assignments.2.helpdesk: Invalid option …`. */
  message: string;
  raw: unknown;
}

/** FNV-1a of the JSON text: tells two different bad values at the same path apart. */
export function shortHash(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'undefined';
  } catch {
    text = String(value);
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function quarantined(key: string, path: string, raw: unknown, message: string): QuarantinedElement {
  return { id: `${key}:${path}:${shortHash(raw)}`, key, path, message, raw };
}

/** `path.inside: message` of a zod error's first issue, under `prefix`. */
export function describeIssue(error: z.ZodError, prefix = ''): string {
  const first = error.issues[0];
  const where = [prefix, ...(first?.path ?? []).map(String)].filter(Boolean).join('.') || '(root)';
  return `${where}: ${first?.message ?? 'invalid'}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ElementsRead<T> {
  items: T[];
  quarantined: QuarantinedElement[];
}

/** An array read element by element (a value that is not an array at all is quarantined whole). */
export function readArrayElements<S extends z.ZodType>(
  key: string,
  path: string,
  raw: unknown,
  schema: S,
): ElementsRead<z.infer<S>> {
  if (raw === undefined) return { items: [], quarantined: [] };
  if (!Array.isArray(raw))
    return { items: [], quarantined: [quarantined(key, path, raw, `${path}: expected a list`)] };
  const out: ElementsRead<z.infer<S>> = { items: [], quarantined: [] };
  raw.forEach((element, i) => {
    const parsed = schema.safeParse(element);
    if (parsed.success) out.items.push(parsed.data);
    else
      out.quarantined.push(
        quarantined(key, `${path}.${i}`, element, describeIssue(parsed.error, `${path}.${i}`)),
      );
  });
  return out;
}

/** A record read entry by entry; `keySchema` checks (and may normalise) each key. */
export function readRecordElements<S extends z.ZodType>(
  key: string,
  path: string,
  raw: unknown,
  schema: S,
  keySchema?: z.ZodType<string>,
): { entries: Record<string, z.infer<S>>; quarantined: QuarantinedElement[] } {
  const entries: Record<string, z.infer<S>> = {};
  const out: QuarantinedElement[] = [];
  if (raw === undefined) return { entries, quarantined: out };
  if (!isRecord(raw))
    return { entries, quarantined: [quarantined(key, path, raw, `${path || '(root)'}: expected an object`)] };
  for (const [k, element] of Object.entries(raw)) {
    const at = path ? `${path}.${k}` : k;
    const name = keySchema ? keySchema.safeParse(k) : { success: true as const, data: k };
    if (!name.success) {
      out.push(
        quarantined(
          key,
          at,
          element,
          `${at}: the key ${JSON.stringify(k)} is not valid (${describeIssue(name.error)})`,
        ),
      );
      continue;
    }
    const parsed = schema.safeParse(element);
    if (!parsed.success) out.push(quarantined(key, at, element, describeIssue(parsed.error, at)));
    else if (k === '__proto__') out.push(quarantined(key, at, element, `${at}: reserved name`));
    else entries[name.data] = parsed.data;
  }
  return { entries, quarantined: out };
}

/**
 * A whole value read through one schema, for small values whose fields fall back one by one in the
 * schema itself (`.catch`). A value that still fails is quarantined whole and the fallback used.
 */
export function validateStored<S extends z.ZodType>(
  key: string,
  raw: unknown,
  schema: S,
  fallback: z.infer<S>,
): { value: z.infer<S>; problem?: StorageProblem; quarantined: QuarantinedElement[] } {
  if (raw === null || raw === undefined) return { value: fallback, quarantined: [] };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, quarantined: [] };
  const message = describeIssue(parsed.error);
  return {
    value: fallback,
    problem: { key, message: `stored ${key} was unreadable at ${message} — kept aside, defaults used` },
    quarantined: [quarantined(key, '(root)', raw, message)],
  };
}
