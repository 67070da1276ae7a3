/**
 * The report's period: a month, a quarter or a range of days (at most 366). Props in: the period
 * shown and `onChange` with the period chosen; a range is handed on only once both days are valid,
 * and until then the controls say what is wrong (the report keeps showing the last valid period).
 */
import { useEffect, useState } from 'preact/hooks';
import { convertPeriod, monthPeriod, periodDays, rangeProblem } from '../../lib/report/address';
import type { ReportPeriod } from '../../lib/report/period';
import type { ReportStrings } from './strings';

export interface PeriodControlsProps {
  period: ReportPeriod;
  t: ReportStrings;
  onChange: (p: ReportPeriod) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');
const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function PeriodControls({ period, t, onChange }: PeriodControlsProps) {
  // The days being edited; a new period from outside (the address, another choice) resets them.
  const [rangeDays, setRange] = useState(() => periodDays(period));
  const shown = JSON.stringify(period);
  useEffect(() => setRange(periodDays(period)), [shown]);
  const editing = rangeProblem(rangeDays.from, rangeDays.to);
  const setDay = (which: 'from' | 'to', day: string) => {
    const next = { ...rangeDays, [which]: day };
    setRange(next);
    if (rangeProblem(next.from, next.to) === null) onChange({ kind: 'range', ...next });
  };

  return (
    <span class="period-controls" role="group" aria-label={t.periodKind}>
      <label>
        {t.periodKind}{' '}
        <select
          name="period-kind"
          value={period.kind}
          onChange={(e) => onChange(convertPeriod(period, value(e) as ReportPeriod['kind']))}
        >
          {(['month', 'quarter', 'range'] as const).map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
      </label>{' '}
      {period.kind === 'month' && (
        <label>
          {t.month}{' '}
          <input
            type="month"
            name="month"
            value={`${period.year}-${pad(period.month)}`}
            onChange={(e) => {
              const p = monthPeriod(value(e));
              if (p) onChange(p);
            }}
          />
        </label>
      )}
      {period.kind === 'quarter' && (
        <>
          <label>
            {t.year}{' '}
            <input
              type="number"
              name="year"
              min={2000}
              max={2100}
              value={period.year}
              // Each keystroke: a year is asked for once it is one a report covers (2000–2100).
              onInput={(e) => {
                const y = Number(value(e));
                if (Number.isInteger(y) && y >= 2000 && y <= 2100) onChange({ ...period, year: y });
              }}
            />
          </label>{' '}
          <label>
            {t.quarter}{' '}
            <select
              name="quarter"
              value={String(period.quarter)}
              onChange={(e) => onChange({ ...period, quarter: Number(value(e)) })}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={String(q)}>
                  Q{q}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {period.kind === 'range' && (
        <>
          {(['from', 'to'] as const).map((which) => (
            <label key={which}>
              {t[which]}{' '}
              <input
                type="date"
                name={which}
                value={rangeDays[which]}
                aria-invalid={editing !== null}
                onChange={(e) => setDay(which, value(e))}
              />{' '}
            </label>
          ))}
          {editing !== null && (
            <span class="period-problem" role="alert">
              {' '}
              {t.rangeProblem[editing]}
            </span>
          )}
        </>
      )}
    </span>
  );
}
