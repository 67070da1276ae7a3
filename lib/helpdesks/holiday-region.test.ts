import { describe, expect, it } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import { evaluate, validateTicket } from '../sla';
import zendeskBe from '../../tests/fixtures/zendesk/ticket-2001-membro-be.json';
import topdeskBe from '../../tests/fixtures/topdesk/incident-branch-be.json';
import { HostMappingSchema, neutralFromPayloads, normalizeWith } from '.';
import { regionValue } from './mapping';
import { readListedZendesk } from './zendesk';

const membro = getBuiltinPolicy('membro')!;
const NOW = '2026-07-01T00:00:00Z';
const zendesk = (mapping: unknown) =>
  normalizeWith('zendesk', { ticket: zendeskBe, audits: [] }, mapping, membro, 'membro.zendesk.com');
const topdesk = (mapping: unknown) =>
  normalizeWith('topdesk', { incident: topdeskBe }, mapping, membro, 'membro.topdesk.net');

describe("the ticket's holiday region from the field mapping", () => {
  it('normalises values as the engine names regions', () => {
    expect(['be', ' BE ', 'de_by', 'de by', 'De-By', { name: 'nl' }].map(regionValue)).toEqual([
      'BE',
      'BE',
      'DE-BY',
      'DE-BY',
      'DE-BY',
      'NL',
    ]);
    expect([undefined, null, '  ', {}].map(regionValue)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads a Zendesk organisation field, a ticket tag or a custom field', () => {
    const org = zendesk({ fields: { holidayRegion: { from: 'org-field', key: 'support_country' } } });
    const tag = zendesk({ fields: { holidayRegion: { from: 'tag', prefix: 'land_' } } });
    const field = zendesk({ fields: { holidayRegion: { from: 'custom-field', id: '360000021' } } });
    const blank = zendesk({ fields: { holidayRegion: { from: 'custom-field', id: '360000022' } } });
    const none = zendesk(undefined);
    expect([org, tag, field, blank, none].map((r) => r.ok && r.ticket.holidayRegion)).toEqual([
      'BE',
      'BE',
      'DE-BY',
      undefined,
      undefined,
    ]);
  });

  it('gives a Belgian Zendesk customer on Membro the Belgian holidays (21 July), a Dutch one not', () => {
    const r = zendesk({ fields: { holidayRegion: { from: 'org-field', key: 'support_country' } } });
    if (!r.ok) throw new Error(r.problem.message);
    // Mon 20 July 2026 16:00 Amsterdam, high: 8 business hours
    const e = evaluate(membro, r.ticket, NOW);
    expect(e.holidayRegion).toBe('BE');
    expect(e.metrics.response!.dueAt).toBe('2026-07-22T16:00:00+02:00');
    const dutch = evaluate(membro, { ...r.ticket, holidayRegion: undefined }, NOW);
    expect(dutch.metrics.response!.dueAt).toBe('2026-07-21T16:00:00+02:00');
  });

  it('reads a TOPdesk field path such as the caller branch’s country', () => {
    const r = topdesk({ fields: { holidayRegion: { from: 'field', field: 'callerBranch.country' } } });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.ticket.holidayRegion).toBe('BE');
    // called Mon 20 July 2026 14:00 UTC = 16:00 Amsterdam, "Hoog": 8 business hours, 21 July closed
    expect(evaluate(membro, r.ticket, NOW).metrics.response!.dueAt).toBe('2026-07-22T16:00:00+02:00');
    expect(topdesk(undefined).ok && (topdesk(undefined) as { ticket: object }).ticket).not.toHaveProperty(
      'holidayRegion',
    );
  });

  it('leaves an unknown value to the engine, which names it', () => {
    const r = topdesk({ fields: { holidayRegion: { from: 'field', field: 'callerBranch.extraA' } } });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.ticket.holidayRegion).toBe('ATLANTIS');
    const v = validateTicket(r.ticket);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(`${v.issues[0]!.path}: ${v.issues[0]!.message}`).toMatch(
        /^holidayRegion: unknown holiday region "ATLANTIS" \(expected a country or state as date-holidays names it: /,
      );
    expect(() => evaluate(membro, r.ticket, NOW)).toThrow(
      /^holidayRegion: unknown holiday region "ATLANTIS"/,
    );
  });

  it('maps the same through the CLI path, and refuses a source without its key by path', () => {
    const r = neutralFromPayloads({
      from: 'zendesk',
      ticket: zendeskBe,
      mapping: { fields: { holidayRegion: { from: 'tag', prefix: 'land_' } } },
      policy: membro,
    });
    expect(r.ok && r.ticket.holidayRegion).toBe('BE');
    const bad = HostMappingSchema.safeParse({ fields: { holidayRegion: { from: 'org-field' } } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.path).toEqual(['fields', 'holidayRegion', 'key']);
  });

  it('reads the whole Zendesk ticket in the queue watch when a field comes from the organisation', async () => {
    const urls: string[] = [];
    const http = {
      fetch: async (url: string) => {
        urls.push(url);
        const body = url.includes('/audits') ? { audits: [], users: [], next_page: null } : zendeskBe;
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      },
      sleep: async () => undefined,
    };
    const listed = { ...zendeskBe.ticket };
    const d = await readListedZendesk(
      'membro.zendesk.com',
      listed,
      { fields: { holidayRegion: { from: 'org-field', key: 'support_country' } } },
      http as never,
    );
    expect(d.ok).toBe(true);
    expect(urls.some((u) => u.includes('/tickets/2001.json?include='))).toBe(true);
  });
});
