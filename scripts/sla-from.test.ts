import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliEnv } from './sla.ts';

const extra: Record<string, string> = {
  'scope-mapping.json': JSON.stringify({
    tier: { from: 'field', field: 'optionalFields1.text1' },
    values: { impact: { 'I-2 Normaal': 'I-2' }, urgency: { 'U-2 Normaal': 'U-2' } },
  }),
  'bad-mapping.json': JSON.stringify({ tier: { from: 'astrology' } }),
};
const env: CliEnv = {
  read: (p) => extra[p] ?? readFileSync(p, 'utf8'),
  now: () => Date.parse('2026-02-09T14:00:00Z'),
};
const cli = (...args: string[]) => runCli(args, env);
const Z = 'tests/fixtures/zendesk';
const T = 'tests/fixtures/topdesk';

describe('sla due --from: saved helpdesk payloads through the same adapters', () => {
  it('evaluates a Zendesk ticket with its audits pages', () => {
    const r = cli(
      'due',
      '--policy',
      'mextra',
      '--from',
      'zendesk',
      '--ticket',
      `${Z}/ticket-1001.json`,
      '--audits',
      `${Z}/audits-1001-page1.json,${Z}/audits-1001-page2.json`,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      policy: 'mextra',
      priority: 'urgent',
      metrics: { resolution: { state: 'paused' } },
    });
    // urgent: 6 business hours from Mon 09:00; on hold/pending since 11:00 → 2 h used, 4 h left at 15:00.
    expect(out.metrics.resolution.remainingMs).toBe(4 * 3600_000);
  });

  it('gives the same JSON as the neutral ticket the adapter produces', () => {
    const viaFrom = cli(
      'due',
      '--policy',
      'mextra',
      '--from',
      'zendesk',
      '--ticket',
      `${Z}/ticket-1001.json`,
      '--audits',
      `${Z}/audits-1001-page1.json,${Z}/audits-1001-page2.json`,
    );
    const pages = [
      JSON.parse(readFileSync(`${Z}/audits-1001-page1.json`, 'utf8')),
      JSON.parse(readFileSync(`${Z}/audits-1001-page2.json`, 'utf8')),
    ];
    extra['pages.json'] = JSON.stringify(pages);
    const viaArray = cli(
      'due',
      '--policy',
      'mextra',
      '--from',
      'zendesk',
      '--ticket',
      `${Z}/ticket-1001.json`,
      '--audits',
      'pages.json',
    );
    expect(viaArray.stdout).toBe(viaFrom.stdout);
  });

  it('evaluates a TOPdesk incident with a host mapping', () => {
    const r = cli(
      'due',
      '--policy',
      'scope4mation',
      '--from',
      'topdesk',
      '--ticket',
      `${T}/incident-on-hold.json`,
      '--mapping',
      'scope-mapping.json',
      '--format',
      'text',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Response: due 4 business hours → Mon 9 Feb 2026 13:15\. Met/);
    expect(r.stdout).toMatch(/Not counted while on hold/);
  });

  it('names the unmapped value in one line and exits 2', () => {
    const r = cli(
      'due',
      '--policy',
      'scope4mation',
      '--from',
      'topdesk',
      '--ticket',
      `${T}/incident-on-hold.json`,
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "ticket: TOPdesk impact 'I-2 Normaal' is not mapped to a scope4mation impact (known: I-1, I-2, I-3) — map it in Options",
    );
  });

  it('refuses a mapping that is not a mapping and an unknown helpdesk', () => {
    expect(
      cli(
        'due',
        '--policy',
        'mextra',
        '--from',
        'zendesk',
        '--ticket',
        `${Z}/ticket-1001.json`,
        '--mapping',
        'bad-mapping.json',
      ).stderr,
    ).toMatch(/mapping\.tier/);
    expect(
      cli('due', '--policy', 'mextra', '--from', 'jira', '--ticket', `${Z}/ticket-1001.json`).stderr,
    ).toMatch(/--from: must be zendesk or topdesk/);
  });

  it('runs as a real process', () => {
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/sla.ts',
        'due',
        '--policy',
        'mextra',
        '--from',
        'zendesk',
        '--ticket',
        `${Z}/ticket-1001.json`,
        '--now',
        '2026-02-09T14:00:00Z',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).policy).toBe('mextra');
  });
});
