import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliEnv } from './sla.ts';

const files: Record<string, string> = {
  'ticket.json': JSON.stringify({
    createdAt: '2026-02-04T17:30:00+01:00',
    impact: 'department',
    urgency: 'normal',
  }),
  'zmanda.json': JSON.stringify({ createdAt: '2026-02-07T03:10:00Z', tier: 'premium', priority: 'P1' }),
  'bad-priority.json': JSON.stringify({ createdAt: '2026-02-04T17:30:00+01:00', priority: 'P9' }),
  'bad-date.json': JSON.stringify({ createdAt: '2026-02-30T17:30:00+01:00' }),
  'bad-zone.json': JSON.stringify({ createdAt: '2026-02-04T17:30:00+01:00', timezone: 'Mars/Base' }),
  'bad-tier.json': JSON.stringify({ createdAt: '2026-02-04T17:30:00+01:00', tier: 'gold' }),
  'bad-level.json': JSON.stringify({ createdAt: '2026-02-04T17:30:00+01:00', impact: 'galaxy' }),
  'bad-type.json': JSON.stringify({ createdAt: '2026-02-04T17:30:00+01:00', type: 'complaint' }),
  'not-json.json': '{ "createdAt": ',
  'p9-policy.json': (() => {
    const p = JSON.parse(readFileSync('policies/zmanda.json', 'utf8'));
    p.targets.incident.premium.P9 = p.targets.incident.premium.P1;
    p.timezone = 'Nowhere/Land';
    return JSON.stringify(p, null, 2);
  })(),
  'broken.json': '{\n  "id": "x",\n  "name": "y",\n  oops\n}',
};
const env: CliEnv = {
  read: (p) => {
    const f = files[p] ?? (p.startsWith('policies/') ? readFileSync(p, 'utf8') : undefined);
    if (f === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return f;
  },
  now: () => Date.parse('2026-02-05T12:00:00Z'),
};
const cli = (...args: string[]) => runCli(args, env);

describe('sla check', () => {
  it('exits 0 with a one-line summary for each seed policy', () => {
    for (const id of ['workspace365', 'mextra', 'scope4mation', 'membro', 'zmanda']) {
      const r = cli('check', `policies/${id}.json`);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^ok: ${id} `));
      // then one line per holiday set of each calendar, naming its holidays
      for (const line of r.stdout.trim().split('\n').slice(1))
        expect(line).toMatch(/^ {2}holidays \S+ nl-public 2026: New Year's Day, /);
    }
  });

  it('lists a set’s holidays and what the policy leaves out of it', () => {
    const p = JSON.parse(readFileSync('policies/mextra.json', 'utf8'));
    p.calendars['service-window-1'].holidays = [{ set: 'nl-public', except: ['Ascension Day'] }, 'BE'];
    files['except.json'] = JSON.stringify(p);
    const r = cli('check', 'except.json');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 3)).toEqual([
      "  holidays service-window-1 nl-public 2026: New Year's Day, Easter Sunday, Easter Monday, King's Day, Ascension Day, Pentecost, Whit Monday, Christmas Day, Boxing Day; left out: Ascension Day",
      "  holidays service-window-1 BE 2026: New Year's Day, Easter Monday, Labour Day, Ascension Day, Whit Monday, National Holiday, Assumption, All Saints' Day, Armistice Day, Christmas Day",
    ]);
  });

  it('exits 2 and lists every problem by JSON path', () => {
    const r = cli('check', 'p9-policy.json');
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([
      'timezone: unknown time zone "Nowhere/Land" (use an IANA name like Europe/Amsterdam)',
      'targets.incident.premium.P9: unknown priority "P9" (known: P1, P2, P3, P4)',
    ]);
  });

  it('reports invalid JSON with line and column', () => {
    const r = cli('check', 'broken.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^broken\.json: invalid JSON at line 4, column 3/);
  });

  it('names a file it cannot read', () => {
    expect(cli('check', 'missing.json')).toMatchObject({
      code: 2,
      stderr: 'policy: cannot read missing.json (ENOENT)\n',
    });
  });
});

describe('sla due', () => {
  it('prints the JSON evaluation of the workspace365 example', () => {
    const r = cli(
      'due',
      '--policy',
      'workspace365',
      '--ticket',
      'ticket.json',
      '--now',
      '2026-02-04T17:30:00+01:00',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      policy: 'workspace365',
      tier: 'basic',
      type: 'incident',
      priority: 'P3',
      suggestedPriority: 'P3',
    });
    expect(j.metrics.response.dueAt).toBe('2026-02-09T11:30:00+01:00');
    expect(j.metrics.resolution.state).toBe('running');
  });

  it('leaves out a metric the contract does not define', () => {
    const j = JSON.parse(
      cli('due', '--policy', 'zmanda', '--ticket', 'zmanda.json', '--now', '2026-02-07T03:10:00Z').stdout,
    );
    expect(Object.keys(j.metrics)).toEqual(['response']);
    expect(Date.parse(j.metrics.response.dueAt)).toBe(Date.parse('2026-02-07T03:25:00Z'));
  });

  it('explains the result as text', () => {
    const r = cli(
      'due',
      '--policy',
      'workspace365',
      '--ticket',
      'ticket.json',
      '--now',
      '2026-02-05T09:00:00+01:00',
      '--format',
      'text',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The matrix suggests Priority 3 (impact Department × urgency Normal).');
    expect(r.stdout).toContain('Rule targets.incident.*.P3.response (response)');
  });

  it('explains in Dutch with --locale nl', () => {
    const r = cli(
      'due',
      '--policy',
      'workspace365',
      '--ticket',
      'ticket.json',
      '--now',
      '2026-02-05T09:00:00+01:00',
      '--format',
      'text',
      '--locale',
      'nl',
    );
    expect(r.stdout).toContain('Aangemaakt wo 4 feb 2026 17:30');
  });

  it('accepts a policy file path', () => {
    expect(
      cli(
        'due',
        '--policy',
        'policies/mextra.json',
        '--ticket',
        'ticket.json',
        '--now',
        '2026-02-05T09:00:00+01:00',
      ).code,
    ).toBe(0);
  });

  it.each([
    [['--policy', 'nope', '--ticket', 'ticket.json'], /^policy: unknown policy "nope"/],
    [
      ['--policy', 'workspace365', '--ticket', 'bad-priority.json'],
      /^ticket\.priority: unknown priority "P9" \(known: P1, P2, P3, P4\)$/,
    ],
    [['--policy', 'workspace365', '--ticket', 'bad-tier.json'], /^ticket\.tier: unknown tier "gold"/],
    [['--policy', 'workspace365', '--ticket', 'bad-level.json'], /^ticket\.impact: unknown impact "galaxy"/],
    [['--policy', 'workspace365', '--ticket', 'bad-type.json'], /^ticket\.type: unknown type "complaint"/],
    [
      ['--policy', 'workspace365', '--ticket', 'bad-zone.json'],
      /^ticket\.timezone: unknown time zone "Mars\/Base"/,
    ],
    [
      ['--policy', 'workspace365', '--ticket', 'bad-date.json'],
      /^ticket\.createdAt: malformed date "2026-02-30T17:30:00\+01:00"/,
    ],
    [
      ['--policy', 'workspace365', '--ticket', 'not-json.json'],
      /^ticket: invalid JSON at line 1, column 16: the file ends where a value was expected/,
    ],
    [
      ['--policy', 'workspace365', '--ticket', 'ticket.json', '--now', 'tomorrow'],
      /^--now: malformed date "tomorrow"/,
    ],
    [
      ['--policy', 'workspace365', '--ticket', 'ticket.json', '--format', 'xml'],
      /^--format: must be json or text/,
    ],
    [
      ['--policy', 'p9-policy.json', '--ticket', 'ticket.json'],
      /^policy: p9-policy\.json is not a valid policy — timezone: unknown time zone/,
    ],
  ])('exits 2 with one line naming the field for %j', (args, pattern) => {
    const r = cli('due', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
  });

  it('runs as npm run sla with stdin, printing only the result', () => {
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/sla.ts',
        'due',
        '--policy',
        'membro',
        '--ticket',
        '-',
        '--now',
        '2026-02-05T18:00:00+01:00',
      ],
      {
        input: JSON.stringify({ createdAt: '2026-02-05T18:00:00+01:00', priority: 'medium' }),
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).metrics.response.dueAt).toBe('2026-02-09T17:00:00+01:00');
  }, 20_000);

  it('never prints a stack trace for bad input (real process)', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/sla.ts', 'due', '--policy', 'membro', '--ticket', '-'], {
      input: '[1,2',
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn')),
    ).toHaveLength(1);
  }, 20_000);
});
