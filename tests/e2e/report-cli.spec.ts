/**
 * The service report outside and inside the browser, on the demo: Mextra's finished demo tickets are
 * opened in real Chromium (the sidebar reads them from the routed demo helpdesk and the worker keeps
 * them), the report page is exported as JSON and printed to PDF, and `sla report` is run as a process
 * on the same helpdesk API bodies saved to files (tests/demo/payloads.ts). The CLI's JSON must equal the
 * page's export, and the PDF's text (read with pdfjs-dist) must hold the report's headings and figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect, settled, storedRegistryIn } from './fixtures';
import { formatPercent } from '../../components/popup/format';
import { reportStrings } from '../../components/report/strings';
import type { ServiceReport } from '../../lib/report/compute';
import { demoTicketUrl } from '../demo/route';
import { DEMO_HISTORY, DEMO_HOSTS, solvedAt } from '../demo/scenarios';
import { seedDemo, demoAssignments } from '../demo/seed';
import { zendeskAudits, zendeskTicket } from '../demo/payloads';
import { SIDEBAR_SELECTOR } from '../support/selectors';

/** The demo's tickets are made relative to now, so they are fresh in the ticket store. */
const NOW = Date.now();
test.use({ demo: { now: NOW } });

const HOST = DEMO_HOSTS.mextra;
const ORIGIN = `https://${HOST}`;
const TICKETS = DEMO_HISTORY.filter((s) => s.host === HOST);

/** The month most of the tickets finished in, in this machine's zone (the browser's). */
function busiestMonth(): string {
  const f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit' });
  const n = new Map<string, number>();
  for (const s of TICKETS) {
    const m = f.format(new Date(solvedAt(s, NOW)!)).slice(0, 7);
    n.set(m, (n.get(m) ?? 0) + 1);
  }
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The tickets' API bodies as a team would save them: ticket-<id>.json and its audits pages. */
function savePayloads(): { dir: string; mapping: string } {
  const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  const tickets = join(dir, 'tickets');
  spawnSync('mkdir', [tickets]);
  for (const s of TICKETS) {
    writeFileSync(join(tickets, `ticket-${s.id}.json`), JSON.stringify(zendeskTicket(s, NOW, ORIGIN)));
    for (let page = 1, next: string | null = 'first'; next; page++) {
      const body = zendeskAudits(s, NOW, ORIGIN, page);
      writeFileSync(join(tickets, `audits-${s.id}-page${page}.json`), JSON.stringify(body));
      next = body.next_page;
    }
  }
  const mapping = join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify(demoAssignments().find((a) => a.host === HOST)!.mapping));
  return { dir: tickets, mapping };
}

const squash = (s: string) => s.replace(/\s+/g, '');

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

test('sla report on the demo’s saved payloads equals the page’s JSON export, and the page prints to a PDF with its headings and figures', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  await seedDemo(serviceWorker);
  await settled(serviceWorker);

  // The agent opens each finished ticket: the sidebar reads it and the worker stores it.
  const tab = await context.newPage();
  for (const s of TICKETS) {
    await tab.goto(demoTicketUrl(s));
    await expect(tab.locator(SIDEBAR_SELECTOR).locator('.sla-card').first()).toBeVisible();
  }
  const keys = TICKETS.map((s) => `zendesk:${HOST}:${s.id}`);
  await expect
    .poll(async () => {
      const stored = (await storedRegistryIn(serviceWorker)).entries;
      return keys.filter((k) => k in stored).length;
    })
    .toBe(keys.length);
  await tab.close();

  const month = busiestMonth();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/report.html?policy=mextra&month=${month}&lang=en`);
  await expect(page.locator('#app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service report: Mextra');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: reportStrings.en.json }).click();
  const exported = readFileSync((await (await download).path())!, 'utf8').replace(/^\ufeff/, '');
  const fromPage = JSON.parse(exported) as ServiceReport;
  expect(fromPage.tickets).toBeGreaterThan(0);
  expect(fromPage.breaches.length).toBeGreaterThan(0);
  expect(fromPage.breaches.some((b) => b.explanation)).toBe(true);

  // The same tickets, saved as files, through the CLI: same zone and moment as the page's report.
  const saved = savePayloads();
  const cli = spawnSync(
    'npx',
    ['tsx', 'scripts/sla.ts', 'report', '--policy', 'mextra', '--from', 'zendesk'].concat(
      ['--tickets', saved.dir, '--mapping', saved.mapping, '--host', HOST, '--period', month],
      ['--zone', fromPage.range.zone, '--now', new Date(fromPage.generatedAt).toISOString(), '--lang', 'en'],
    ),
    { encoding: 'utf8' },
  );
  expect(cli.stderr).toBe('');
  expect(cli.status).toBe(0);
  expect(JSON.parse(cli.stdout)).toEqual(fromPage);
  // and byte for byte what the page's export button writes
  expect(cli.stdout).toBe(exported);

  // Print to PDF (the print stylesheet applies) and read its text back. pdfjs splits runs of glyphs
  // (a ligature "fi" becomes "fi " …), so text is compared without white space.
  const text = squash(await pdfText(await page.pdf({ format: 'A4' })));
  const has = (s: string) => expect(text).toContain(squash(s));
  const t = reportStrings.en;
  for (const heading of ['Service report: Mextra', t.compliance, t.trend, t.breaches, t.leftOut, t.times])
    has(heading);
  expect(text).not.toContain(squash(t.print)); // the controls are not printed
  has(t.tickets(fromPage.tickets));
  for (const row of fromPage.compliance) has(`${row.met}/${row.total}${formatPercent(row.share, 'en')}`);
  for (const b of fromPage.breaches) has(`${b.ticketKey} ${b.subject}`);
  for (const m of fromPage.trend.months) has(`${m.month} ${m.tickets}`);
  for (const c of fromPage.credits) has(t.creditLine(c.streak, c.percent));
});
