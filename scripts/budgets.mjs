/**
 * Bundle-size budgets (gzipped), measured on the built chrome-mv3 output. An HTML page's size is its
 * scripts plus every chunk they import, followed transitively. Content scripts must also not carry
 * the engine's heavy parts (zod, luxon, holiday data): the background does the computing.
 * The background's budget went from 150 to 160 KB on 3 Dec 2026, when the worker took on the service
 * report's availability, the ticket facts (customers, tags), the archive by day and the holiday region
 * from the ticket (145.9 → 153.1 KB). It is parsed once per worker start, never in a helpdesk page.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS_KB = { content: 35, popup: 60, options: 80, report: 60, background: 160 };

/** Strings that only appear when a library is bundled. */
const FORBIDDEN_IN_CONTENT = [
  { lib: 'zod', pattern: /ZodError|\$ZodType|_zod\b/ },
  { lib: 'luxon', pattern: /Invalid DateTime|DateTime\.fromISO/ },
  { lib: 'holiday data', pattern: /Koningsdag|Hemelvaartsdag|date-holidays/ },
];

function jsClosure(dir, entry, seen = new Set()) {
  const file = path.join(dir, entry);
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js|\/[^"']+\.js)["']/g)) {
    const spec = m[1];
    const next = spec.startsWith('/') ? spec.slice(1) : path.join(path.dirname(entry), spec);
    jsClosure(dir, next, seen);
  }
  return seen;
}

function pageScripts(dir, html) {
  const src = readFileSync(path.join(dir, html), 'utf8');
  return [
    ...src.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...src.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1].replace(/^\//, ''));
}

const gz = (files) => [...files].reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0) / 1024;

/**
 * The helpdesk content scripts in a build: every `content-scripts/<id>.js` (one per helpdesk in
 * lib/helpdesks/catalog.ts, entrypoints/<id>.content/), read from the output so a new helpdesk is
 * budgeted without an edit here.
 */
export function contentScripts(dir) {
  const cs = path.join(dir, 'content-scripts');
  if (!existsSync(cs)) return [];
  return readdirSync(cs)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function checkBudgets(dir) {
  const rows = [];
  const scripts = contentScripts(dir);
  if (scripts.length === 0)
    rows.push({ name: 'content scripts', kb: 0, limitKb: BUDGETS_KB.content, ok: false, note: 'none built' });
  for (const cs of scripts) {
    const files = jsClosure(dir, `content-scripts/${cs}.js`);
    const css = path.join(dir, `content-scripts/${cs}.css`);
    if (existsSync(css)) files.add(css);
    const text = [...files].map((f) => readFileSync(f, 'utf8')).join('\n');
    const leaks = FORBIDDEN_IN_CONTENT.filter((f) => f.pattern.test(text)).map((f) => f.lib);
    const kb = gz(files);
    rows.push({
      name: `content: ${cs}`,
      kb,
      limitKb: BUDGETS_KB.content,
      ok: kb <= BUDGETS_KB.content && !leaks.length,
      note: leaks.length ? `ships ${leaks.join(', ')}` : '',
    });
  }
  for (const page of ['popup', 'options', 'report']) {
    const files = new Set();
    for (const s of pageScripts(dir, `${page}.html`)) jsClosure(dir, s, files);
    const kb = gz(files);
    rows.push({ name: page, kb, limitKb: BUDGETS_KB[page], ok: files.size > 0 && kb <= BUDGETS_KB[page] });
  }
  const bg = jsClosure(dir, 'background.js');
  const kb = gz(bg);
  rows.push({ name: 'background', kb, limitKb: BUDGETS_KB.background, ok: kb <= BUDGETS_KB.background });
  return { rows, ok: rows.every((r) => r.ok) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = checkBudgets(process.argv[2] ?? '.output/chrome-mv3');
  for (const row of r.rows)
    console.log(
      `${row.ok ? '✓' : '✗'} ${row.name.padEnd(22)} ${row.kb.toFixed(1).padStart(6)} KB / ${row.limitKb} KB ${row.note ?? ''}`,
    );
  process.exit(r.ok ? 0 : 1);
}
