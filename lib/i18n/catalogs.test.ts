/**
 * Every UI catalog (sidebar, popup, options) in both languages: a Dutch entry for every English one,
 * and no English sentence left standing in the Dutch catalog (a copied string is the usual way a
 * half-Dutch screen ships). Short words that are the same in both languages ("Open", "Ticket") pass.
 */
import { describe, expect, it } from 'vitest';
import { strings as optionsStrings } from '../../components/options/strings.ts';
import { strings as popupStrings } from '../../components/popup/strings.ts';
import { sidebarMessages } from './sidebar.ts';

type Leaf = { path: string; value: unknown };
function leaves(o: object, prefix = ''): Leaf[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? leaves(v as object, `${prefix}${k}.`)
      : [{ path: `${prefix}${k}`, value: v }],
  );
}

/** A string message's text, or a function message's output for the first sample arguments it takes. */
const SAMPLES: unknown[][] = [
  [2, 3, true],
  [{ n: 2, total: 3, fields: ['x'], count: 2 }],
  [['a.example']],
  ['x', 'y'],
];
function sample(v: unknown): string {
  if (typeof v !== 'function') return String(v);
  for (const args of SAMPLES)
    try {
      return String((v as (...a: unknown[]) => unknown)(...args));
    } catch {
      // try the next shape of arguments
    }
  return '';
}

/** Words, not counting {placeholders}. */
const words = (text: string) =>
  text
    .replace(/\{\w+\}/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean).length;

const CATALOGS: Array<[string, { en: object; nl: object }]> = [
  ['sidebar', sidebarMessages],
  ['popup', popupStrings],
  ['options', optionsStrings],
];

describe('UI catalogs', () => {
  for (const [name, { en, nl }] of CATALOGS) {
    it(`${name}: every English entry has a Dutch one`, () => {
      const nlPaths = new Set(leaves(nl).map((l) => l.path));
      expect(
        leaves(en)
          .filter((l) => !nlPaths.has(l.path))
          .map((l) => l.path),
      ).toEqual([]);
    });

    it(`${name}: no English sentence is left untranslated in Dutch`, () => {
      const nlByPath = new Map(leaves(nl).map((l) => [l.path, sample(l.value)]));
      const copied = leaves(en)
        .map((l) => ({ path: l.path, en: sample(l.value), nl: nlByPath.get(l.path) }))
        // Three words or more: a sentence, not a shared word or name.
        .filter((x) => x.en === x.nl && words(x.en) >= 3);
      expect(copied).toEqual([]);
    });
  }
});
