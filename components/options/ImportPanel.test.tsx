import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import mextraSeed from '../../policies/mextra.json' with { type: 'json' };
import { validatePolicy } from '../../lib/sla/schema';
import { EMPTY_CONFIG } from '../../lib/storage/schemas';
import { planImport, type ImportResult } from '../../lib/config/importPolicy';
import { ImportPanel } from './ImportPanel';
import type { ActionResult, ImportSource } from '../../lib/messaging/options';
import { strings } from './strings';

afterEach(cleanup);

const preview = vi.fn((input: ImportSource) =>
  Promise.resolve(
    planImport(input.kind === 'text' ? input.text : '', {
      config: EMPTY_CONFIG,
      builtins: { mextra: mextraSeed },
      validate: validatePolicy,
    }),
  ),
);

function Harness({
  onConfirm,
  lang = 'en',
}: {
  onConfirm: (p: unknown) => Promise<ActionResult>;
  lang?: 'en' | 'nl';
}) {
  const [result, setResult] = useState<ImportResult | null>(null);
  return (
    <ImportPanel
      t={strings[lang]}
      maxBytes={512 * 1024}
      schemaUrl="/policy.schema.json"
      result={result}
      onResult={setResult}
      onPreview={preview}
      onConfirm={onConfirm}
    />
  );
}

const paste = (text: string) => {
  fireEvent.input(screen.getByLabelText('Paste policy JSON'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Check' }));
};

describe('ImportPanel', () => {
  it('links the JSON Schema for editor completion', () => {
    render(<Harness onConfirm={vi.fn()} />);
    expect(screen.getByRole('link', { name: /JSON Schema/ }).getAttribute('href')).toBe(
      '/policy.schema.json',
    );
  });

  it('lists a syntax error with line and column, and offers no confirm', async () => {
    render(<Harness onConfirm={vi.fn()} />);
    paste('{\n  "id": "mextra",\n}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1 problem — nothing was imported');
    expect(alert.textContent).toContain('line 3, column 1');
    expect(screen.queryByRole('button', { name: 'Confirm and activate' })).toBeNull();
  });

  it('lists every schema problem by JSON path', async () => {
    const bad = structuredClone(mextraSeed) as Record<string, unknown>;
    bad.timezone = 'Mars/Base';
    (bad.targets as { incident: { standard: Record<string, unknown> } }).incident.standard.P9 = {};
    render(<Harness onConfirm={vi.fn()} />);
    paste(JSON.stringify(bad));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('timezone: unknown time zone "Mars/Base"');
    expect(alert.textContent).toContain('targets.incident.standard.P9: unknown priority "P9"');
  });

  it('previews an edited Mextra policy with the changed target, and confirms the plan', async () => {
    const edited = structuredClone(mextraSeed);
    edited.targets.incident.standard.urgent.resolution.due.amount = 5;
    const onConfirm = vi.fn(() => Promise.resolve({ ok: true as const }));
    render(<Harness onConfirm={onConfirm} />);
    paste(JSON.stringify(edited, null, 2));
    expect(await screen.findByText(/Preview: Mextra/)).toBeTruthy();
    expect(screen.getByText(/Replaces the built-in policy/)).toBeTruthy();
    expect(screen.getByText('incident / standard / urgent / resolution')).toBeTruthy();
    expect(screen.getByText('goal 4 business hours (90%); due 6 business hours').tagName).toBe('DEL');
    expect(screen.getByText('goal 4 business hours (90%); due 5 business hours').tagName).toBe('INS');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and activate' }));
    expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: 'mextra', json: edited }));
    expect(await screen.findByText('Mextra is active.')).toBeTruthy();
  });

  it('moves focus to the preview, announces it, and after confirming focuses what happened', async () => {
    const onConfirm = vi.fn(() => Promise.resolve({ ok: true } as ActionResult));
    render(<Harness onConfirm={onConfirm} />);
    const edited = structuredClone(mextraSeed) as typeof mextraSeed;
    edited.name = 'Mextra 2';
    paste(JSON.stringify(edited));
    const heading = await screen.findByRole('heading', { level: 3, name: /Preview: Mextra 2/ });
    expect(document.activeElement).toBe(heading);
    // The preview is a named region, and the always-present live region says it is there.
    expect(screen.getByRole('region', { name: /Preview: Mextra 2/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Preview ready: Mextra 2. 1 change. Nothing is stored until you confirm.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and activate' }));
    const done = await screen.findByText('Mextra 2 is active.');
    await vi.waitFor(() => expect(document.activeElement).toBe(done));
  });

  it('moves focus to the problem list of a file that does not check', async () => {
    render(<Harness onConfirm={vi.fn()} />);
    paste('{\n  "id": "mextra",\n}');
    const heading = await screen.findByRole('heading', { level: 3, name: /1 problem/ });
    expect(document.activeElement).toBe(heading);
  });

  it('cancel drops the plan without calling confirm', async () => {
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    paste(JSON.stringify(mextraSeed));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Import cancelled; nothing changed.')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('refuses a file over the limit before reading it', async () => {
    render(<Harness onConfirm={vi.fn()} />);
    const big = new File(['x'.repeat(600 * 1024)], 'big.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Choose a file'), { target: { files: [big] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The file is 600 KB; policies may be at most 512 KB.',
    );
  });

  it('reads a dropped file', async () => {
    preview.mockClear();
    render(<Harness onConfirm={vi.fn()} />);
    const file = new File([JSON.stringify(mextraSeed)], 'mextra.json', { type: 'application/json' });
    // happy-dom has no DragEvent: a plain event carrying dataTransfer, as the browser delivers it.
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    screen.getByTestId('dropzone').dispatchEvent(drop);
    expect(await screen.findByText(/Preview: Mextra/)).toBeTruthy();
    expect(preview).toHaveBeenCalledWith(expect.objectContaining({ kind: 'text', source: 'mextra.json' }));
  });

  it('asks for a URL import synchronously in the submit (for the permission prompt)', () => {
    preview.mockClear();
    render(<Harness onConfirm={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Import from an https address'), {
      target: { value: 'https://vendor.example/p.json' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Fetch and check' }));
    expect(preview).toHaveBeenCalledWith({ kind: 'url', url: 'https://vendor.example/p.json' });
  });

  it('renders policy text as text, never as HTML', async () => {
    const evil = { ...structuredClone(mextraSeed), name: '<img src=x onerror=alert(1)>' };
    render(<Harness onConfirm={vi.fn()} />);
    paste(JSON.stringify(evil));
    expect(await screen.findByText(/Preview: <img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
