import '@/lib/zod-config'; // first: zod's jitless config, before any schema is built
import { runOverlay } from '@/lib/content/run';
import { zendeskAdapter } from '@/lib/content/adapters';

export default defineContentScript({
  matches: ['*://*.zendesk.com/agent/*'],
  main: (ctx) => runOverlay(ctx, zendeskAdapter()),
});
