import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarios } from '../../tests/support/sidebar/scenarios.ts';
import { SidebarGallery } from '../../tests/support/sidebar/Gallery.tsx';
import { PALETTES, SIDEBAR_CSS, type Palette } from './style.ts';

afterEach(cleanup);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// Every text colour on every background it is drawn on.
const PAIRS: Array<[keyof Palette, keyof Palette]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['good', 'bg'],
  ['good', 'goodBg'],
  ['warn', 'bg'],
  ['warn', 'warnBg'],
  ['bad', 'bg'],
  ['bad', 'badBg'],
  ['text', 'badBg'],
  ['text', 'warnBg'],
];

describe('sidebar styles', () => {
  for (const [theme, palette] of Object.entries(PALETTES)) {
    it(`keeps every text colour at 4.5:1 or more in the ${theme} theme`, () => {
      for (const [fg, bg] of PAIRS) {
        expect(contrast(palette[fg], palette[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('resets the shadow host with !important and has no global selectors', () => {
    expect(SIDEBAR_CSS).toContain(':host{all:initial !important;display:block !important;');
    const selectors = SIDEBAR_CSS.replace(/\{[^}]*\}/g, '\n')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('@') && s !== '}');
    for (const s of selectors)
      expect(s, s).toMatch(/^(:host|\.sla-|\.sr-only|\.side-|\.placement-|\.state-)/);
  });

  it('follows prefers-color-scheme only in the auto theme', () => {
    expect(SIDEBAR_CSS).toMatch(/@media \(prefers-color-scheme: dark\)\{\.sla-root\.theme-auto\{/);
    expect(SIDEBAR_CSS).toContain('.sla-root.theme-dark{');
  });
});

describe('SidebarGallery', () => {
  it('renders every scenario plus two collapsed tabs, in both languages', () => {
    for (const locale of ['en', 'nl'] as const) {
      const { container } = render(<SidebarGallery locale={locale} theme="dark" />);
      expect(container.querySelectorAll('figure')).toHaveLength(Object.keys(scenarios).length + 2);
      expect(container.querySelectorAll('.sla-root.theme-dark.placement-inline').length).toBeGreaterThan(10);
      cleanup();
    }
  });
});
