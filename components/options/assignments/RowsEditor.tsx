/** A list of helpdesk value → policy value rows (types, statuses, value names). */
import type { Strings } from '../strings';
import { type Rows } from './draft';

export function RowsEditor({
  id,
  title,
  help,
  rows: list,
  options,
  t,
  onChange,
}: {
  id: string;
  title: string;
  help?: string;
  rows: Rows;
  options: Array<{ id: string; text: string }>;
  t: Strings;
  onChange(rows: Rows): void;
}) {
  const update = (i: number, pair: [string, string]) => onChange(list.map((r, n) => (n === i ? pair : r)));
  return (
    <fieldset class="rows" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{title}</legend>
      {help ? (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {list.map(([from, to], i) => (
        <div class="row" key={i}>
          <label for={`${id}-${i}-from`} class="visually-hidden">
            {title} {i + 1}: {t.assign.from}
          </label>
          <input
            id={`${id}-${i}-from`}
            placeholder={t.assign.from}
            value={from}
            onInput={(e) => update(i, [e.currentTarget.value, to])}
          />
          <span aria-hidden="true"> → </span>
          <label for={`${id}-${i}-to`} class="visually-hidden">
            {title} {i + 1}: {t.assign.to}
          </label>
          <select id={`${id}-${i}-to`} value={to} onChange={(e) => update(i, [from, e.currentTarget.value])}>
            <option value="">—</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-label={`${t.assign.removeRow}: ${title} ${i + 1}`}
            onClick={() => onChange(list.filter((_, n) => n !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...list, ['', '']])}>
        {t.assign.addRow}
      </button>
    </fieldset>
  );
}
