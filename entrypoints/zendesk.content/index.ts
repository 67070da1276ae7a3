import '@/lib/zod-config'; // first: zod's jitless config, before any schema is built
import { runOverlay } from '@/lib/pages/sidebar/run';
import { zendeskAdapter } from '@/lib/pages/sidebar/adapters';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  // The page must not learn the extension id from WXT's start message (see lib/pages/sidebar/isolation.ts).
  noScriptStartedPostMessage: true,
  main: (ctx) => runOverlay(ctx, zendeskAdapter()),
});
