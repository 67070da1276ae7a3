/** Which tickets of the host are outages (the service report's availability): tag, policy type, field = value. */
import type { Strings } from '../strings';
import { Field } from '../ui';
import { HELPDESK_MAPPING, type Draft } from './draft';

export function OutageFields({
  d,
  set,
  t,
  types,
}: {
  d: Draft;
  set(p: Partial<Draft>): void;
  t: Strings;
  types: Array<{ id: string; text: string }>;
}) {
  const o = d.outage;
  const put = (patch: Partial<Draft['outage']>) => set({ outage: { ...o, ...patch } });
  const id = 'mapping-outage';
  return (
    <fieldset>
      <legend>{t.assign.outage}</legend>
      <p class="help">{t.assign.outageHelp}</p>
      {HELPDESK_MAPPING[d.helpdesk].tagsAndViews ? (
        <Field id={`${id}-tag`} label={t.assign.outageTag}>
          {(a) => (
            <input
              {...a}
              value={o.tag}
              placeholder="platform_down"
              onInput={(e) => put({ tag: e.currentTarget.value })}
            />
          )}
        </Field>
      ) : null}
      <Field id={`${id}-type`} label={t.assign.outageType}>
        {(a) => (
          <select {...a} value={o.type} onChange={(e) => put({ type: e.currentTarget.value })}>
            <option value="">{t.assign.outageAnyType}</option>
            {types.map((x) => (
              <option key={x.id} value={x.id}>
                {x.text}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-field`} label={t.assign.outageField} help={t.assign.outageFieldHelp}>
        {(a) => <input {...a} value={o.field} onInput={(e) => put({ field: e.currentTarget.value })} />}
      </Field>
      <Field id={`${id}-value`} label={t.assign.outageValue} help={t.assign.outageValueHelp}>
        {(a) => <input {...a} value={o.value} onInput={(e) => put({ value: e.currentTarget.value })} />}
      </Field>
    </fieldset>
  );
}
