/**
 * Strict JSON parsing that says *where* a file is broken (line and column, 1-based) in words an
 * admin understands, and notices duplicate keys (which `JSON.parse` silently resolves to the last
 * one — a classic way to lose a target in a hand-edited policy). Never throws.
 *
 * The one JSON locator: the CLI (`parsePolicyText`, `jsonSyntaxIssue`) and Options (the policy
 * import, the team file) both read text through `parseJsonText`, so they point at the same line and
 * column for the same broken file. In lib/sla because the engine imports nothing outside itself.
 */

export interface TextPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units, as editors count). */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
  /** The same in Dutch. */
  nl: string;
}

export interface DuplicateKey extends TextPosition {
  /** JSON path of the object holding the key twice, e.g. `targets.incident`. */
  path: string;
  key: string;
}

export type JsonTextResult =
  { ok: true; value: unknown; duplicateKeys: DuplicateKey[] } | { ok: false; error: JsonSyntaxError };

/** Objects/arrays nested deeper than this are refused (no policy is near it; protects the stack). */
export const MAX_DEPTH = 128;

class Fail extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
    /** The same in Dutch. */
    readonly nl: string,
  ) {
    super(reason);
  }
}

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1, offset: end };
}

/**
 * The one JSON path text, for the engine's issues, the CLI and Options alike: keys joined with dots,
 * indexes in brackets — `targets.incident.premium.P9`, `tiers[0].calendar`, `targets.question.*`.
 * A key that would read as more than one step (a dot, a bracket, a quote, a space, or empty) is
 * quoted: `matrix["a b"]`. `(root)` for the whole file.
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      if (key === '' || /[.[\]"\s]/.test(key)) out += `[${JSON.stringify(key)}]`;
      else out += out ? `.${key}` : key;
    }
  }
  return out || '(root)';
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t' || ch === ' ') return 'a space';
  return `"${ch}"`;
}

function describeCharNl(ch: string | undefined): string {
  if (ch === undefined) return 'het einde van het bestand';
  if (ch === '\n' || ch === '\r') return 'een regeleinde';
  if (ch === '\t' || ch === ' ') return 'een spatie';
  return `"${ch}"`;
}

export function parseJsonText(input: string): JsonTextResult {
  // A byte-order mark is common in files saved by Windows editors; it is not an error.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const shift = text === input ? 0 : 1;
  const duplicateKeys: DuplicateKey[] = [];
  let i = 0;

  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length)
        throw new Fail(
          start,
          'this text has no closing quote (")',
          'deze tekst heeft geen afsluitend aanhalingsteken (")',
        );
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        const n = text[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Fail(
              i,
              'a \\u escape needs four hex digits',
              'een \\u-escape heeft vier hexadecimale cijfers nodig',
            );
          i += 6;
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else
          throw new Fail(
            i,
            `${describeChar(n)} cannot be escaped with a backslash`,
            `${describeCharNl(n)} kan niet met een backslash worden ge-escapet`,
          );
        continue;
      }
      if (c < 32)
        throw new Fail(
          i,
          'a text value cannot contain a line break or tab: close the quote first, or write \\n',
          'een tekstwaarde kan geen regeleinde of tab bevatten: sluit eerst het aanhalingsteken, of schrijf \\n',
        );
      i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') throw new Fail(i, 'this is not a valid number', 'dit is geen geldig getal');
    const next = text[i + m[0].length];
    if (next !== undefined && /[\d.eE]/.test(next))
      throw new Fail(
        i + m[0].length,
        'this is not a valid number (leading zero?)',
        'dit is geen geldig getal (voorloopnul?)',
      );
    i += m[0].length;
    return Number(m[0]);
  };

  const parseValue = (path: Array<string | number>, depth: number): unknown => {
    ws();
    if (depth > MAX_DEPTH)
      throw new Fail(
        i,
        `nested more than ${MAX_DEPTH} levels deep`,
        `meer dan ${MAX_DEPTH} niveaus diep genest`,
      );
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] === '}')
          throw new Fail(
            i,
            'a comma before "}" is not allowed in JSON (trailing comma)',
            'een komma vóór "}" is in JSON niet toegestaan (komma te veel)',
          );
        if (text[i] !== '"') {
          throw new Fail(
            i,
            `expected a quoted key (like "name") but found ${describeChar(text[i])}`,
            `verwacht een sleutel tussen aanhalingstekens (zoals "name") maar gevonden: ${describeCharNl(text[i])}`,
          );
        }
        const keyAt = i;
        const key = parseString();
        if (seen.has(key)) duplicateKeys.push({ path: formatPath(path), key, ...positionAt(text, keyAt) });
        seen.add(key);
        ws();
        if (text[i] !== ':')
          throw new Fail(
            i,
            `expected ":" after the key "${key}" but found ${describeChar(text[i])}`,
            `verwacht ":" na de sleutel "${key}" maar gevonden: ${describeCharNl(text[i])}`,
          );
        i++;
        const value = parseValue([...path, key], depth + 1);
        // `__proto__` as a key must be kept as data, never as the prototype.
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        throw new Fail(
          i,
          `expected "," or "}" after the value of "${key}" but found ${describeChar(text[i])}`,
          `verwacht "," of "}" na de waarde van "${key}" maar gevonden: ${describeCharNl(text[i])}`,
        );
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        ws();
        if (text[i] === ']')
          throw new Fail(
            i,
            'a comma before "]" is not allowed in JSON (trailing comma)',
            'een komma vóór "]" is in JSON niet toegestaan (komma te veel)',
          );
        arr.push(parseValue([...path, arr.length], depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        throw new Fail(
          i,
          `expected "," or "]" in the list but found ${describeChar(text[i])}`,
          `verwacht "," of "]" in de lijst maar gevonden: ${describeCharNl(text[i])}`,
        );
      }
    }
    if (ch === '"') return parseString();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    if (ch === undefined)
      throw new Fail(
        i,
        'the file ends where a value was expected',
        'het bestand eindigt waar een waarde werd verwacht',
      );
    if (ch === "'")
      throw new Fail(
        i,
        'JSON text needs double quotes ("), not single quotes',
        'JSON-tekst vraagt dubbele aanhalingstekens ("), geen enkele',
      );
    if (ch === '/')
      throw new Fail(i, 'comments are not allowed in JSON', 'commentaar is in JSON niet toegestaan');
    throw new Fail(
      i,
      `expected a value but found ${describeChar(ch)}`,
      `verwacht een waarde maar gevonden: ${describeCharNl(ch)}`,
    );
  };

  try {
    ws();
    if (i >= text.length) throw new Fail(i, 'the file is empty', 'het bestand is leeg');
    const value = parseValue([], 0);
    ws();
    if (i < text.length)
      throw new Fail(
        i,
        `unexpected ${describeChar(text[i])} after the end of the JSON value`,
        `onverwacht ${describeCharNl(text[i])} na het einde van de JSON-waarde`,
      );
    return {
      ok: true,
      value,
      duplicateKeys: duplicateKeys.map((d) => ({ ...d, offset: d.offset + shift })),
    };
  } catch (e) {
    if (e instanceof Fail) {
      const pos = positionAt(text, e.at);
      return { ok: false, error: { message: e.reason, nl: e.nl, ...pos, offset: pos.offset + shift } };
    }
    return {
      ok: false,
      error: {
        message: 'the text could not be read as JSON',
        nl: 'de tekst kon niet als JSON worden gelezen',
        line: 1,
        column: 1,
        offset: 0,
      },
    };
  }
}
