import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldSource } from '../../../lib/messaging/options';
import { strings } from '../strings';
import { draftToMapping, FIELDS, toDraft } from './draft';
import { FieldSourceEditor } from './FieldSourceEditor';

afterEach(cleanup);

describe('the holiday region in the mapping form', () => {
  it('is one of the mapped fields, and its organisation-field source survives the draft', () => {
    expect(FIELDS).toContain('holidayRegion');
    const mapping = { fields: { holidayRegion: { from: 'org-field' as const, key: 'support_country' } } };
    const d = toDraft({ host: 'membro.zendesk.com', helpdesk: 'zendesk', policyId: 'membro', mapping }, 'x');
    expect(draftToMapping(d)).toEqual(mapping);
  });

  it('offers a Zendesk organisation field, in English and Dutch, and edits its key', () => {
    const onChange = vi.fn<(v: FieldSource | undefined) => void>();
    render(
      <FieldSourceEditor
        name="holidayRegion"
        helpdesk="zendesk"
        value={{ from: 'org-field', key: 'support_' }}
        t={strings.en}
        onChange={onChange}
      />,
    );
    expect(screen.getByText('Holiday region (NL, BE, DE-BY…)')).toBeTruthy();
    const from = screen.getByRole('combobox') as HTMLSelectElement;
    expect([...from.options].map((o) => o.textContent)).toContain('organisation field');
    fireEvent.input(screen.getByLabelText('Holiday region (NL, BE, DE-BY…): organisation field'), {
      target: { value: 'support_country' },
    });
    expect(onChange).toHaveBeenLastCalledWith({ from: 'org-field', key: 'support_country' });
    cleanup();
    render(
      <FieldSourceEditor
        name="holidayRegion"
        helpdesk="topdesk"
        value={undefined}
        t={strings.nl}
        onChange={onChange}
      />,
    );
    expect(screen.getByText('Feestdagenregio (NL, BE, DE-BY…)')).toBeTruthy();
    const nl = screen.getByRole('combobox') as HTMLSelectElement;
    expect([...nl.options].map((o) => o.textContent)).toEqual(['niet gebruikt', 'TOPdesk-veld']);
  });
});
