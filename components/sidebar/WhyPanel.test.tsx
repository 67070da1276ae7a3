import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mextraPaused } from '../../tests/support/sidebar/evaluations.ts';
import { WhyPanel } from './WhyPanel.tsx';

afterEach(cleanup);

describe('WhyPanel', () => {
  it('starts collapsed and shows the engine’s explanation as text when opened', () => {
    const { container } = render(<WhyPanel explanation={mextraPaused.explanation} locale="en" />);
    const text = container.querySelector('#sla-why-text') as HTMLElement;
    expect(text.hidden).toBe(true);
    const button = screen.getByRole('button', { name: 'Show why' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(text.hidden).toBe(false);
    expect(text.textContent).toBe(mextraPaused.explanation);
    expect(text.textContent).toContain('Not counted while pending: Mon 9 Feb 2026 14:02 – now (1 h 28 min).');
    expect(screen.getByRole('button', { name: 'Hide why' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps markup in an explanation as text', () => {
    const { container } = render(
      <WhyPanel explanation={'<img src=x onerror=alert(1)>'} locale="nl" defaultOpen />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verberg uitleg' })).toBeTruthy();
  });

  it('keeps the policy rules out of the agent’s text, in a disclosure for admins', () => {
    const { container } = render(
      <WhyPanel
        explanation={mextraPaused.explanation}
        metrics={mextraPaused.metrics}
        locale="nl"
        defaultOpen
      />,
    );
    expect(container.querySelector('.sla-explanation')?.textContent).not.toContain('targets.');
    const details = container.querySelector('details.sla-rules') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Regels in het beleid (voor beheerders)');
    expect(details.textContent).toContain(`Oplossing: ${mextraPaused.metrics.resolution!.rule!}`);
  });

  it('names its heading and region "Why these deadlines" alone, with the button beside the heading', () => {
    render(<WhyPanel explanation={mextraPaused.explanation} locale="en" />);
    const heading = screen.getByRole('heading', { name: 'Why these deadlines' });
    expect(heading.querySelector('button')).toBeNull();
    expect(screen.getByRole('region', { name: 'Why these deadlines' })).toBeTruthy();
  });

  it('brings the text into view when the agent opens it, not when it starts open', () => {
    const scrolled = vi.fn();
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = scrolled;
    try {
      const { unmount } = render(<WhyPanel explanation={mextraPaused.explanation} locale="en" defaultOpen />);
      expect(scrolled).not.toHaveBeenCalled();
      unmount();
      render(<WhyPanel explanation={mextraPaused.explanation} locale="en" />);
      fireEvent.click(screen.getByRole('button', { name: 'Show why' }));
      expect(scrolled).toHaveBeenCalledTimes(1);
      expect(scrolled.mock.contexts[0]).toBe(document.querySelector('#sla-why-text'));
      fireEvent.click(screen.getByRole('button', { name: 'Hide why' }));
      expect(scrolled).toHaveBeenCalledTimes(1);
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
  });
});
