/** Where the tier comes from: always the same, or a tag, custom field or helpdesk field. */
import type { TierSource } from '../../../lib/messaging/options';
import type { Strings } from '../strings';
import { Field } from '../ui';
import { HELPDESK_MAPPING, type Draft } from './draft';

export function TierEditor({
  d,
  set,
  t,
  tiers,
}: {
  d: Draft;
  set(p: Partial<Draft>): void;
  t: Strings;
  tiers: Array<{ id: string; text: string }>;
}) {
  const sources = HELPDESK_MAPPING[d.helpdesk].tierSources;
  const from = d.tier?.from ?? '';
  const make = (f: string): TierSource | null => {
    switch (f) {
      case 'fixed':
        return { from: 'fixed', tier: tiers[0]?.id ?? '' };
      case 'org-tag':
      case 'ticket-tag':
        return { from: f, prefix: 'tier_' };
      case 'custom-field':
        return { from: 'custom-field', id: '' };
      case 'field':
        return { from: 'field', field: '' };
      default:
        return null;
    }
  };
  const tier = d.tier;
  return (
    <>
      <Field id="mapping-tier-from" label={t.assign.tierFrom}>
        {(a) => (
          <select {...a} value={from} onChange={(e) => set({ tier: make(e.currentTarget.value) })}>
            <option value="">{t.doc.defaultMark}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {t.assign.tierSources[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {tier?.from === 'fixed' ? (
        <Field id="mapping-tier-fixed" label={t.assign.fixedTier}>
          {(a) => (
            <select
              {...a}
              value={tier.tier}
              onChange={(e) => set({ tier: { from: 'fixed', tier: e.currentTarget.value } })}
            >
              {tiers.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.text}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : tier?.from === 'org-tag' || tier?.from === 'ticket-tag' ? (
        <Field id="mapping-tier-prefix" label={t.assign.tagPrefix} help={t.assign.tagPrefixHelp}>
          {(a) => (
            <input
              {...a}
              value={tier.prefix}
              onInput={(e) => set({ tier: { from: tier.from, prefix: e.currentTarget.value } })}
            />
          )}
        </Field>
      ) : tier?.from === 'custom-field' ? (
        <Field id="mapping-tier-field" label={t.assign.fieldId}>
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              value={tier.id}
              onInput={(e) => set({ tier: { from: 'custom-field', id: e.currentTarget.value } })}
            />
          )}
        </Field>
      ) : tier?.from === 'field' ? (
        <Field id="mapping-tier-topdesk" label={t.assign.topdeskField} help={t.assign.topdeskFieldHelp}>
          {(a) => (
            <input
              {...a}
              value={tier.field}
              onInput={(e) => set({ tier: { from: 'field', field: e.currentTarget.value } })}
            />
          )}
        </Field>
      ) : null}
    </>
  );
}
