/**
 * The helpdesks the extension knows: one entry each, and everything generic code needs to know
 * about a helpdesk without importing it. Zod-free and browser-free: the content scripts, the
 * worker, the pages, the CLI and the build config all import this file.
 *
 * Adding a helpdesk starts here (see README.md in this folder): the `Record<HelpdeskId, …>` maps
 * elsewhere then fail to typecheck until the new helpdesk has its entry in each.
 */
export const HELPDESKS = {
  zendesk: {
    label: 'Zendesk',
    /** The SaaS host suffix the manifest's host permissions cover. */
    hostSuffix: '.zendesk.com',
  },
  topdesk: {
    label: 'TOPdesk',
    hostSuffix: '.topdesk.net',
  },
} as const satisfies Record<string, HelpdeskMeta>;

export interface HelpdeskMeta {
  /** The product's own name; the same in every language. */
  label: string;
  hostSuffix: `.${string}`;
}

export type HelpdeskId = keyof typeof HELPDESKS;

/** The ids as a non-empty tuple, for `z.enum(HELPDESK_IDS)` and for loops. */
export const HELPDESK_IDS = Object.keys(HELPDESKS) as [HelpdeskId, ...HelpdeskId[]];

export function isHelpdeskId(value: unknown): value is HelpdeskId {
  return typeof value === 'string' && Object.hasOwn(HELPDESKS, value);
}

export function helpdeskLabel(id: HelpdeskId): string {
  return HELPDESKS[id].label;
}
