import { runOverlay } from '@/lib/content/run';
import { topdeskAdapter } from '@/lib/content/adapters';

export default defineContentScript({
  matches: ['https://*.topdesk.net/tas/*'],
  allFrames: true,
  // The page must not learn the extension id from WXT's start message (see lib/content/isolation.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runOverlay(ctx, topdeskAdapter()),
});
