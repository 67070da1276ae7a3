import '@/lib/zod-config'; // first: zod's jitless config, before any schema is built
import { runOverlay } from '@/lib/content/run';
import { topdeskAdapter } from '@/lib/content/adapters';

export default defineContentScript({
  matches: ['*://*.topdesk.net/tas/*'],
  allFrames: true,
  main: (ctx) => runOverlay(ctx, topdeskAdapter()),
});
