/**
 * The worker of every helpdesk in the catalog, by id (background and CLI; uses zod). A helpdesk in
 * `HELPDESKS` without an entry here, or an entry missing a capability of `HelpdeskWorker`, fails to
 * typecheck (workers.typecheck.ts shows it).
 */
import type { HelpdeskId } from './catalog';
import { topdeskWorker } from './topdesk';
import type { HelpdeskWorker } from './types';
import { zendeskWorker } from './zendesk';

export const WORKERS: Record<HelpdeskId, HelpdeskWorker> = {
  zendesk: zendeskWorker,
  topdesk: topdeskWorker,
};

export type { HelpdeskWorker };
