/**
 * A helpdesk's content script, whole: `entrypoints/<id>.content/index.ts` is one call to this. The
 * matches and frames come from the catalog, the page side from the helpdesk's page.ts. No zod here
 * (eslint's import zones): the worker validates what the content script sends.
 */
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
