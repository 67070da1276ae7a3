import { runOverlay } from '@/lib/content/run';
import { zendeskAdapter } from '@/lib/content/adapters';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  main: (ctx) => runOverlay(ctx, zendeskAdapter()),
});
