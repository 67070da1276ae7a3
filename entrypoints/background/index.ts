import '@/lib/zod-config'; // first: zod's jitless config, before any schema is built
import { createRouter } from '@/lib/messaging/router';
import { RequestSchema } from '@/lib/messaging/protocol';
import { allowed, handle } from '@/lib/background/handlers';
import { startHostScripts } from '@/lib/background/content-scripts';
import { startAlarms } from '@/lib/background/wake';
import { closeLocalStorageToContentScripts } from '@/lib/background/storage-access';
import { startWatch } from '@/lib/background/watch';
import { startCommands } from '@/lib/background/commands';

export default defineBackground(() => {
  void closeLocalStorageToContentScripts();
  const policy = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener(createRouter(RequestSchema, allowed, handle, policy) as never);
  startHostScripts();
  startAlarms();
  startWatch();
  startCommands();
});
