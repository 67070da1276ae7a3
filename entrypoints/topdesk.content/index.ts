import { runOverlay } from '@/lib/content/run';
import { topdeskAdapter } from '@/lib/content/adapters';

export default defineContentScript({
  matches: ['https://*.topdesk.net/tas/*'],
  allFrames: true,
  main: (ctx) => runOverlay(ctx, topdeskAdapter()),
});
