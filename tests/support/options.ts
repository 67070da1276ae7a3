/** Test support: an OptionsModel built from the real seeds, and callbacks that record their calls. */
import { vi } from 'vitest';
import mextra from '../../policies/mextra.json' with { type: 'json' };
import scope4mation from '../../policies/scope4mation.json' with { type: 'json' };
import type { Policy } from '../../lib/sla/schema';
import { DEFAULT_PREFERENCES } from '../../lib/storage/schemas';
import type { OptionsCallbacks, OptionsModel } from '../../lib/messaging/options';

export function testModel(patch: Partial<OptionsModel> = {}): OptionsModel {
  return {
    language: 'en',
    policies: [
      {
        id: 'mextra',
        name: 'Mextra',
        origin: 'builtin',
        disabled: false,
        policy: mextra as unknown as Policy,
        json: mextra,
        holidays: [
          {
            date: '2026-04-27',
            name: { nl: 'Koningsdag', en: "King's Day" },
            calendars: ['service-window-1'],
          },
        ],
        assignedHosts: ['mextra.zendesk.com'],
      },
      {
        id: 'scope4mation',
        name: 'Scope4mation',
        origin: 'builtin',
        disabled: false,
        policy: scope4mation as unknown as Policy,
        json: scope4mation,
        holidays: [],
        assignedHosts: [],
      },
      {
        id: 'acme',
        name: 'Acme',
        origin: 'imported',
        disabled: false,
        policy: null,
        json: { id: 'acme' },
        problems: [{ path: 'timezone', message: 'missing (expected string)' }],
        holidays: [],
        assignedHosts: [],
        importedAt: '2026-01-01T00:00:00Z',
      },
    ],
    assignments: [{ host: 'mextra.zendesk.com', helpdesk: 'zendesk', policyId: 'mextra' }],
    hosts: [{ host: 'td.example.nl', helpdesk: 'topdesk', granted: true, hasPassword: false }],
    preferences: DEFAULT_PREFERENCES,
    lockedPreferences: {},
    lockedBuiltins: {},
    managed: { active: false, problems: [] },
    storageProblems: [],
    quarantine: [],
    schemaUrl: '/policy.schema.json',
    maxPolicyBytes: 512 * 1024,
    today: '2026-02-01',
    ...patch,
  };
}

const ok = () => Promise.resolve({ ok: true as const });

export function testActions(patch: Partial<OptionsCallbacks> = {}): OptionsCallbacks {
  return {
    previewImport: vi.fn(() => Promise.resolve({ ok: false as const, errors: [], warnings: [] })),
    confirmImport: vi.fn(ok),
    duplicatePolicy: vi.fn(() => Promise.resolve({ ok: false as const, errors: [], warnings: [] })),
    setBuiltinDisabled: vi.fn(ok),
    removePolicy: vi.fn(ok),
    saveAssignment: vi.fn(ok),
    removeAssignment: vi.fn(ok),
    testTicket: vi.fn(() => Promise.resolve({ ok: false as const, message: 'not wired' })),
    addHost: vi.fn(ok),
    removeHost: vi.fn(ok),
    saveCredentials: vi.fn(ok),
    deleteQuarantined: vi.fn(ok),
    clearHistory: vi.fn(ok),
    clearCredentials: vi.fn(ok),
    exportTeamConfig: vi.fn(() => Promise.resolve({ fileName: 'c.json', text: '{}' })),
    previewTeamImport: vi.fn(() => Promise.resolve({ ok: false as const, errors: [] })),
    confirmTeamImport: vi.fn(ok),
    savePreferences: vi.fn(ok),
    ...patch,
  };
}
