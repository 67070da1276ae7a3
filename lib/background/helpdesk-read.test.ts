import { describe, expect, it, vi } from 'vitest';
import { getBuiltinPolicy } from '../../policies';
import ticket from '../../tests/fixtures/zendesk/ticket-1001.json';
import page1 from '../../tests/fixtures/zendesk/audits-1001-page1.json';
import page2 from '../../tests/fixtures/zendesk/audits-1001-page2.json';
import { DEFAULT_PREFERENCES } from '../storage/schemas';

// An adapter that throws on one payload (a bug, or a value no one foresaw) stands in for any such fault.
vi.mock('../helpdesks', async (importOriginal) => {
  const real = await importOriginal<typeof import('../helpdesks')>();
  return {
    ...real,
    normalizeWith: (...args: Parameters<typeof real.normalizeWith>) => {
      if ((args[1] as { explode?: boolean }).explode) throw new TypeError('e.normalize is not a function');
      return real.normalizeWith(...args);
    },
  };
});

const { ticketInputs } = await import('./helpdesk-read');

describe('ticketInputs', () => {
  it('skips a ticket whose payload throws in the adapter, names it, and still reads the next one', () => {
    const unreadable: string[] = [];
    const toInput = ticketInputs(
      { host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' },
      getBuiltinPolicy('mextra')!,
      { preferences: DEFAULT_PREFERENCES },
      Date.parse('2026-02-10T10:00:00Z'),
      unreadable,
    );
    const row = (id: string) => ({ ticketId: id, ticketKey: `#${id}`, subject: 's', link: 'https://x/' });
    expect(toInput(row('1'), { explode: true })).toBeNull();
    expect(toInput(row('1001'), { ticket, audits: [page1, page2] })).toMatchObject({ ticketId: '1001' });
    expect(unreadable).toEqual(['#1: e.normalize is not a function']);
  });
});
