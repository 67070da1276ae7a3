import { describe, expect, it } from 'vitest';
import { formatPath, parseJsonText } from './json-text.ts';

function errorOf(text: string) {
  const r = parseJsonText(text);
  if (r.ok) throw new Error('expected a syntax error');
  return r.error;
}

describe('parseJsonText', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {"c": {}}, "d": []}';
    expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text), duplicateKeys: [] });
  });

  it('reports a trailing comma with its line and column', () => {
    const e = errorOf('{\n  "id": "mextra",\n  "name": "Mextra",\n}');
    expect([e.line, e.column]).toEqual([4, 1]);
    expect(e.message).toMatch(/trailing comma/);
  });

  it('reports a missing comma between two keys on the line of the second key', () => {
    const e = errorOf('{\n  "id": "mextra"\n  "name": "Mextra"\n}');
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.message).toMatch(/expected "," or "}"/);
  });

  it('explains single quotes, comments, unclosed strings and an empty file', () => {
    expect(errorOf("{'id': 1}").message).toMatch(/quoted key/);
    expect(errorOf("['a']").message).toMatch(/double quotes/);
    expect(errorOf('{"a": 1 // note\n}').message).toMatch(/"\/"/);
    expect(errorOf('// note\n{}').message).toMatch(/comments/);
    expect(errorOf('{"a": "open').message).toMatch(/closing quote/);
    expect(errorOf('   ').message).toMatch(/empty/);
  });

  it('says each syntax error in Dutch too', () => {
    expect(errorOf('{\n  "id": "mextra",\n}').nl).toBe(
      'een komma vóór "}" is in JSON niet toegestaan (komma te veel)',
    );
    expect(errorOf('{"a": 1 ,, }').nl).toBe(
      'verwacht een sleutel tussen aanhalingstekens (zoals "name") maar gevonden: ","',
    );
    expect(errorOf('{"a": 1').nl).toBe(
      'verwacht "," of "}" na de waarde van "a" maar gevonden: het einde van het bestand',
    );
    for (const text of ["{'id': 1}", '// x', '{"a": "open', '   ', '[1,]', '{"a" 1}', '01', '"\\q"', '[1] 2'])
      expect(errorOf(text).nl, text).toMatch(/^[a-zA-Z"“]/);
  });

  it('counts columns after a byte-order mark as an editor does', () => {
    const e = errorOf('\uFEFF{"a" 1}');
    expect([e.line, e.column]).toEqual([1, 6]);
  });

  it('notices a key given twice, with the path of its object', () => {
    const r = parseJsonText('{"targets": {"incident": {"P1": 1, "P1": 2}}}');
    expect(r.ok && r.duplicateKeys).toEqual([
      { path: 'targets.incident', key: 'P1', line: 1, column: 36, offset: 35 },
    ]);
  });

  it('keeps __proto__ as an ordinary key', () => {
    const r = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.keys(r.value as object)).toEqual(['__proto__']);
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    expect(errorOf('['.repeat(100000)).message).toMatch(/nested more than/);
  });
});

describe('formatPath', () => {
  it('writes paths the way the engine reports them', () => {
    expect(formatPath(['targets', 'incident', 'premium', 'P9'])).toBe('targets.incident.premium.P9');
    expect(formatPath(['calendars', 'sw1', 'windows', 'mon', 1])).toBe('calendars.sw1.windows.mon[1]');
    expect(formatPath(['matrix', 'a b'])).toBe('matrix["a b"]');
    expect(formatPath([])).toBe('(root)');
  });
});
