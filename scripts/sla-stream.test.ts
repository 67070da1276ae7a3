import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, NeutralTicketSchema } from '../lib/sla/index.ts';
import { isIsoInstantStrict } from '../lib/sla/schema.ts';
import { getBuiltinPolicy } from '../policies/index.ts';
import { evaluationJson } from './sla.ts';
import { LineSplitter, streamDue, type StreamOptions } from './sla-stream.ts';

const mextra = getBuiltinPolicy('mextra')!;
const NOW = '2026-06-15T10:00:00Z';

/** The lines readline gives for these chunks (what the CLI read before LineSplitter). */
async function readlineLines(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const l of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) out.push(l);
  return out;
}

function splitterLines(chunks: string[]): string[] {
  const out: string[] = [];
  const s = new LineSplitter();
  for (const c of chunks) s.push(c, (l) => out.push(l));
  s.end((l) => out.push(l));
  return out;
}

/** Cuts a text into chunks at the given positions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks.filter((c) => c.length > 0);
}

describe('the line splitter', () => {
  it('gives the lines readline gives, however the input is cut, with \\n, \\r\\n and lone \\r', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', '{', '"', ' ', '\n', '\r', '\r\n', 'é', '\n\n'), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (parts, at) => {
          const text = parts.join('');
          const chunks = cut(text, at);
          expect(splitterLines(chunks)).toEqual(await readlineLines(chunks));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

/**
 * The reference for due-only output: every line read by readline, validated by the zod schema
 * alone, evaluated with every option at its default (explanation and intervals built) and written
 * with JSON.stringify — the slow, obvious way the fast path must agree with byte for byte.
 */
async function reference(text: string): Promise<string> {
  const out: string[] = [];
  let line = 0;
  for await (const raw of createInterface({ input: Readable.from([text]), crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      out.push(JSON.stringify({ line, error: 'json' }));
      continue;
    }
    const r = NeutralTicketSchema.safeParse(json);
    if (!r.success) {
      out.push(JSON.stringify({ line, error: 'invalid' }));
      continue;
    }
    let e;
    try {
      e = evaluate(mextra, r.data, NOW);
    } catch {
      out.push(JSON.stringify({ line, error: 'input' }));
      continue;
    }
    const m = (x: (typeof e.metrics)['response']) =>
      x && { dueAt: x.dueAt, state: x.state, ...(x.goalAt !== undefined ? { goalAt: x.goalAt } : {}) };
    out.push(
      JSON.stringify({
        line,
        tier: e.tier,
        type: e.type,
        priority: e.priority,
        response: m(e.metrics.response),
        resolution: m(e.metrics.resolution),
      }),
    );
  }
  return out.join('\n') + '\n';
}

/** Error lines compared by their line number only (their words are tested in sla-query.test.ts). */
const errorsByLine = (text: string) =>
  text.replace(/^\{"line":(\d+),"error":.*\}$/gm, '{"line":$1,"error":…}');

/** A generated export: good tickets of every priority, type and zone, and bad lines among them. */
function generated(n: number): string {
  const prios = ['urgent', 'high', 'normal', 'low', 'Urgent', 'P9'];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const t: Record<string, unknown> = {
      createdAt: new Date(Date.UTC(2025, 11, 1) + i * 3_917_000)
        .toISOString()
        .replace('Z', i % 3 ? '+01:00' : 'Z'),
      priority: prios[i % prios.length],
    };
    if (i % 7 === 0) t.type = 'question';
    if (i % 11 === 0) t.events = [{ at: t.createdAt, type: 'status', status: 'pending' }];
    if (i % 13 === 0) t.createdAt = '2026-02-30T10:00:00+01:00';
    lines.push(JSON.stringify(t));
    if (i % 97 === 0) lines.push('');
    if (i % 101 === 0) lines.push('{"createdAt": oops}');
  }
  return lines.join(n % 2 === 1 ? '\r\n' : '\n') + '\n';
}

describe('sla due --ndjson output', () => {
  it('is byte for byte what the slow reference path writes, on a generated export with bad lines', async () => {
    for (const n of [2_000, 2_001]) {
      const text = generated(n);
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/sla.ts', 'due', '--policy', 'mextra', '--ndjson', '--now', NOW],
        { encoding: 'utf8', input: text, maxBuffer: 1 << 28 },
      );
      expect(cli.status).toBe(2);
      const want = await reference(text);
      expect(errorsByLine(cli.stdout)).toBe(errorsByLine(want));
      expect(cli.stdout.split('\n').filter((l) => l.includes('"error"')).length).toBeGreaterThan(n / 20);
    }
  }, 60_000);

  it('is the same in one call and cut into chunks of any size, the date check is the strict one', async () => {
    const text = generated(500);
    const opts: StreamOptions = {
      policy: mextra,
      now: Date.parse(NOW),
      output: 'due',
      locale: 'en',
      full: evaluationJson,
    };
    const run = async (chunks: string[]) => {
      let out = '';
      await streamDue(opts, Readable.from(chunks), (c) => void (out += c));
      return out;
    };
    const whole = await run([text]);
    for (const size of [1, 7, 64, 1000]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(await run(chunks)).toBe(whole);
    }
    // the 30 February line is refused as the strict check refuses it
    expect(isIsoInstantStrict('2026-02-30T10:00:00+01:00')).toBe(false);
    expect(whole).toContain('"line":1,"error":"ticket.createdAt: malformed date');
  });
});
