/**
 * Where impact, urgency, workaround, the holiday region or the customer (the service report's filter)
 * is read from, among the sources the helpdesk offers.
 */
import type { FieldSource, HelpdeskKind, MappedField } from '../../../lib/messaging/options';
import type { Strings } from '../strings';
import { HELPDESK_MAPPING } from './draft';

export function FieldSourceEditor({
  name,
  helpdesk,
  value,
  t,
  onChange,
}: {
  name: MappedField | 'customer';
  helpdesk: HelpdeskKind;
  value: FieldSource | undefined;
  t: Strings;
  onChange(v: FieldSource | undefined): void;
}) {
  const kinds = HELPDESK_MAPPING[helpdesk].fieldSources;
  const id = `mapping-field-${name}`;
  const text = value
    ? value.from === 'custom-field'
      ? value.id
      : value.from === 'tag'
        ? value.prefix
        : value.from === 'org-field'
          ? value.key
          : value.field
    : '';
  const make = (from: string, v: string): FieldSource | undefined =>
    from === 'custom-field'
      ? { from, id: v }
      : from === 'tag'
        ? { from, prefix: v }
        : from === 'field'
          ? { from, field: v }
          : from === 'org-field'
            ? { from, key: v }
            : undefined;
  return (
    <div class="field-source" role="group" aria-labelledby={`${id}-name`}>
      <span id={`${id}-name`} class="field-name">
        {t.assign.fieldNames[name]}
      </span>
      <label for={`${id}-from`} class="visually-hidden">
        {t.assign.fieldNames[name]}: {t.assign.tierFrom}
      </label>
      <select
        id={`${id}-from`}
        value={value?.from ?? 'none'}
        onChange={(e) => onChange(make(e.currentTarget.value, text))}
      >
        <option value="none">{t.assign.fieldSources.none}</option>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t.assign.fieldSources[k]}
          </option>
        ))}
      </select>
      {value ? (
        <>
          <label for={`${id}-value`} class="visually-hidden">
            {t.assign.fieldNames[name]}: {t.assign.fieldSources[value.from]}
          </label>
          <input
            id={`${id}-value`}
            value={text}
            onInput={(e) => onChange(make(value.from, e.currentTarget.value))}
          />
        </>
      ) : null}
    </div>
  );
}
