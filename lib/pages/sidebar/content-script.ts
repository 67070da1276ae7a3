/**
 * A helpdesk's content script, whole: `entrypoints/<id>.content/index.ts` is one call to this. The
 * matches and frames come from the catalog, the page side from the helpdesk's page.ts.
 */
import '../../zod-config'; // first: zod's jitless config, before any schema is built
import { defineContentScript } from 'wxt/utils/define-content-script';
import { builtinMatches, HELPDESKS } from '../../helpdesks/catalog';
import { pageAdapter, type HelpdeskPage } from './adapters';
import { runOverlay } from './run';

export function helpdeskContentScript(page: HelpdeskPage) {
  return defineContentScript({
    matches: builtinMatches(page.id),
    ...(HELPDESKS[page.id].allFrames ? { allFrames: true } : {}),
    // The page must not learn the extension id from WXT's start message (see isolation.ts).
    noScriptStartedPostMessage: true,
    main: (ctx) => runOverlay(ctx, pageAdapter(page)),
  });
}
