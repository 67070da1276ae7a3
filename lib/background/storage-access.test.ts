import { describe, expect, it, vi } from 'vitest';
import { closeToContentScripts } from './storage-access';

describe('closing storage.local to content scripts', () => {
  it('asks for trusted contexts only where the browser supports it', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    expect(await closeToContentScripts({ setAccessLevel })).toBe('closed');
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });
  it('says so when the browser has no such call (Firefox local storage)', async () => {
    expect(await closeToContentScripts({})).toBe('unsupported');
    expect(await closeToContentScripts(undefined)).toBe('unsupported');
  });
  it('reports a refusal instead of throwing into the worker start', async () => {
    const setAccessLevel = async () => Promise.reject(new Error('only for session'));
    expect(await closeToContentScripts({ setAccessLevel })).toEqual({ failed: 'only for session' });
  });
});
