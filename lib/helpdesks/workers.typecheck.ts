/**
 * A typecheck fixture (run by `tsc --noEmit`, never imported): what the compiler says when a helpdesk
 * is incomplete. Each `@ts-expect-error` below fails the typecheck the day its line stops being an
 * error, so this file proves that a worker missing a capability, or a catalog helpdesk without a
 * worker, does not compile.
 */
import type { HelpdeskId } from './catalog';
import type { HelpdeskWorker } from './types';
import { zendeskWorker } from './zendesk';

const { readDetail: _readDetail, ...withoutReadDetail } = zendeskWorker;

// @ts-expect-error — Property 'readDetail' is missing: a worker needs every capability.
export const incompleteWorker: HelpdeskWorker = withoutReadDetail;

// @ts-expect-error — Property 'topdesk' is missing: every helpdesk in the catalog needs its worker.
export const incompleteWorkers: Record<HelpdeskId, HelpdeskWorker> = { zendesk: zendeskWorker };

/** The complete worker compiles (so the errors above are about what is missing, not the fixture). */
export const completeWorker: HelpdeskWorker = { ...withoutReadDetail, readDetail: zendeskWorker.readDetail };
