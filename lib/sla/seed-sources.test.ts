/**
 * A seed's `source` is the contract's own section ("1.4 Ondersteuningsverzoeken indienen", or a
 * quote from it), shown with the contract's `lang`: a screen reader reads it in the contract's
 * voice. Readings and explanations in English or Dutch belong in the policy's `notes` `{ nl, en }`.
 * All five contracts are Dutch, so a source must hold no English words.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICIES } from '../../policies/index.ts';

/**
 * Common English words that are not also Dutch words (so not "was", "week", "set", "business" as in
 * "Support Business Tijden"): one of them in a source is an English annotation.
 */
const ENGLISH = new Set(
  (
    'the a an of and or for only not no with from to by at on into this that these which when while ' +
    'are were be has have it its but if than then also after before until sets target targets ' +
    'incidents engine rule rules standard waiting customer customers read reads means applies ' +
    'pause pauses paused hours hour day days weeks month months response resolution priority none'
  ).split(' '),
);

/**
 * English words a contract itself uses in a heading the seed quotes, per policy. Each entry names
 * where the contract says it, so the exception is checked against the text, not taken on trust.
 */
const CONTRACT_ENGLISH: Record<string, Record<string, string>> = {
  // 1.2.3, the change table's row heading: "Wijziging Reactietijd (days)".
  scope4mation: { days: 'Wijziging Reactietijd' },
};

/** The English words in `text`, minus those the contract's own heading uses. */
function englishWords(text: string, policyId: string): string[] {
  const allowed = CONTRACT_ENGLISH[policyId] ?? {};
  return (text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => ENGLISH.has(w))
    .filter((w) => !(w in allowed && text.includes(allowed[w]!)));
}

/** Every `source` string in a policy with its JSON path. */
function sources(v: unknown, path = ''): Array<{ path: string; source: string }> {
  if (Array.isArray(v)) return v.flatMap((x, i) => sources(x, `${path}[${i}]`));
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
    k === 'source' && typeof x === 'string'
      ? [{ path: `${path}.source`, source: x }]
      : sources(x, `${path}.${k}`),
  );
}

describe('contract citations in the seed policies', () => {
  it('finds the English annotations the seeds used to carry', () => {
    expect(englishWords('1.4 (1.8 sets targets for incidents only)', 'membro')).toEqual([
      'sets',
      'targets',
      'for',
      'incidents',
      'only',
    ]);
    expect(
      englishWords("Not in the contract: the engine's standard pause rule (waiting on the customer).", 'x'),
    ).toContain('engine');
    // "days" is allowed only where the contract's heading that says it is quoted.
    expect(englishWords('1.2.3 (Wijziging Reactietijd, days)', 'scope4mation')).toEqual([]);
    expect(englishWords('1.2.3 (Oplostijd, days)', 'scope4mation')).toEqual(['days']);
    expect(englishWords('1.2.3 (Wijziging Reactietijd, days)', 'membro')).toEqual(['days']);
  });

  it('are all in Dutch, the language of every seed contract', () => {
    for (const p of BUILTIN_POLICIES) expect(p.contract?.language, p.id).toBe('nl');
  });

  it('hold the contract section and its own words only, no English annotation', () => {
    const found = BUILTIN_POLICIES.flatMap((p) =>
      sources(p)
        .map((s) => ({ policy: p.id, ...s, english: englishWords(s.source, p.id) }))
        .filter((s) => s.english.length > 0),
    );
    expect(found).toEqual([]);
  });

  it('give escalation contacts as a number or an address, with no English annotation', () => {
    expect(englishWords('escalation phone number (the number is not in the contract)', 'x')).not.toEqual([]);
    const found = BUILTIN_POLICIES.flatMap((p) =>
      (p.escalation ?? [])
        .map((e) => e.contact)
        .filter((c): c is string => c !== undefined)
        .filter((c) => englishWords(c, p.id).length > 0 || !/\d{3}|@/.test(c))
        .map((c) => `${p.id}: ${c}`),
    );
    expect(found).toEqual([]);
  });

  it('start with a section number or a heading of the contract', () => {
    const loose = BUILTIN_POLICIES.flatMap((p) =>
      sources(p)
        .filter((s) => !/^(\d+(\.\d+)*|\p{Lu})/u.test(s.source))
        .map((s) => `${p.id}${s.path}: ${s.source}`),
    );
    expect(loose).toEqual([]);
  });

  it('leave the readings of the contract to notes in both languages', () => {
    for (const p of BUILTIN_POLICIES)
      for (const n of p.notes ?? []) {
        expect(typeof n, `${p.id}: ${JSON.stringify(n)}`).toBe('object');
        if (typeof n === 'object') {
          expect(n.nl, p.id).toBeTruthy();
          expect(n.en, p.id).toBeTruthy();
        }
      }
  });

  it('say in a note that the pause rule is not in the contract, where a seed pauses', () => {
    for (const p of BUILTIN_POLICIES.filter((x) => x.pause)) {
      const notes = (p.notes ?? []).map((n) => (typeof n === 'string' ? n : n.en));
      expect(
        notes.some((n) => n.startsWith('Not in the contract') && n.includes('pauses')),
        p.id,
      ).toBe(true);
    }
  });
});
