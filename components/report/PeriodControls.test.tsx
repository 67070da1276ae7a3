import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportPeriod } from '../../lib/report/period';
import { PeriodControls } from './PeriodControls';
import { reportStrings } from './strings';

afterEach(cleanup);

const may: ReportPeriod = { kind: 'month', year: 2026, month: 5 };

function controls(period: ReportPeriod, lang: 'en' | 'nl' = 'en') {
  const onChange = vi.fn();
  const view = render(<PeriodControls period={period} t={reportStrings[lang]} onChange={onChange} />);
  return { onChange, view };
}

describe('PeriodControls', () => {
  it('switches a month to its quarter and to its days, and back', () => {
    const { onChange } = controls(may);
    const kind = screen.getByLabelText('Period', { selector: 'select' });
    fireEvent.change(kind, { target: { value: 'quarter' } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'quarter', year: 2026, quarter: 2 });
    fireEvent.change(kind, { target: { value: 'range' } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'range', from: '2026-05-01', to: '2026-05-31' });
  });

  it('chooses another month', () => {
    const { onChange } = controls(may);
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2026-03' } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'month', year: 2026, month: 3 });
  });

  it('chooses a quarter and its year, in Dutch too', () => {
    const { onChange } = controls({ kind: 'quarter', year: 2026, quarter: 2 }, 'nl');
    fireEvent.change(screen.getByLabelText('Kwartaal', { selector: 'select[name="quarter"]' }), {
      target: { value: '4' },
    });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'quarter', year: 2026, quarter: 4 });
    fireEvent.input(screen.getByLabelText('Jaar'), { target: { value: '2025' } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'quarter', year: 2025, quarter: 2 });
    fireEvent.input(screen.getByLabelText('Jaar'), { target: { value: '1999' } });
    expect(onChange).toHaveBeenCalledTimes(2); // out of the years a report covers: not asked for
  });

  it('hands on a range only when both days are valid, and says what is wrong until then', () => {
    const { onChange } = controls({ kind: 'range', from: '2026-05-01', to: '2026-05-31' });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-04-20' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('The first day is after the last: swap them.');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-04-01' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('at most 366 days');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-04-01' } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'range', from: '2026-04-01', to: '2026-04-20' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a new period from outside (the address) instead of the days being edited', () => {
    const { view } = controls({ kind: 'range', from: '2026-05-01', to: '2026-05-31' });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-04-20' } });
    view.rerender(
      <PeriodControls
        period={{ kind: 'range', from: '2026-06-01', to: '2026-06-30' }}
        t={reportStrings.en}
        onChange={vi.fn()}
      />,
    );
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-06-01');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-06-30');
  });
});
