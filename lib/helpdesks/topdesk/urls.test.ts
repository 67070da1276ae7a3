import { describe, expect, it } from 'vitest';
import { topdeskIncidentRef, unidToUuid } from './urls';

describe('which incident a TOPdesk URL shows', () => {
  it.each([
    [
      'https://s.topdesk.net/tas/secure/incident?unid=a00000015c4e4b3a9d2f0123456789ab',
      'id:a0000001-5c4e-4b3a-9d2f-0123456789ab',
    ],
    [
      'https://s.topdesk.net/tas/secure/contained/incident?action=show&unid=A00000015C4E4B3A9D2F0123456789AB',
      'id:a0000001-5c4e-4b3a-9d2f-0123456789ab',
    ],
    ['https://s.topdesk.net/tas/secure/incident?action=show&num=I%202611%20001', 'number:I 2611 001'],
    ['https://s.topdesk.net/tas/secure/mango/window/1', null],
    ['https://s.topdesk.net/tas/secure/incident?unid=nothex', null],
  ])('TOPdesk %s → %s', (url, ref) => expect(topdeskIncidentRef(url)).toBe(ref));

  it('turns a 32-hex unid into a dashed UUID', () => {
    expect(unidToUuid('a00000015c4e4b3a9d2f0123456789ab')).toBe('a0000001-5c4e-4b3a-9d2f-0123456789ab');
    expect(unidToUuid('123')).toBeNull();
  });
});
