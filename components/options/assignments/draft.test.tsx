import { describe, expect, it } from 'vitest';
import { HELPDESK_IDS } from '../../../lib/helpdesks/catalog';
import { draftToMapping, HELPDESK_MAPPING, toDraft } from './draft';

describe('the mapping form’s draft', () => {
  it('gives back the stored mapping it was made from', () => {
    const mapping = {
      tier: { from: 'org-tag' as const, prefix: 'tier_' },
      fields: { impact: { from: 'custom-field' as const, id: '360000001' } },
      types: { problem: 'incident' },
      statuses: { Waiting: 'pending' as const },
      values: { priority: { urgent: 'P1' } },
      hotfixTag: 'spoed',
      queue: { viewId: '360001' },
      customerField: { from: 'custom-field' as const, id: '360000009' },
    };
    const d = toDraft({ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra', mapping }, 'x');
    expect(draftToMapping(d)).toEqual(mapping);
  });

  it('keeps the hotfix tag and queue view only for a helpdesk with tags and views', () => {
    const d = toDraft(null, 'mextra');
    const extras = { hotfixTag: 'spoed', queueViewId: 'https://x.zendesk.com/agent/filters/360001' };
    for (const helpdesk of HELPDESK_IDS) {
      const m = draftToMapping({ ...d, ...extras, helpdesk });
      if (HELPDESK_MAPPING[helpdesk].tagsAndViews)
        expect(m).toEqual({ hotfixTag: 'spoed', queue: { viewId: '360001' } });
      else expect(m).toEqual({});
    }
  });
});
