import { createRouter } from '@/lib/messaging/router';
import { RequestSchema } from '@/lib/messaging/protocol';
import { allowed, handle } from '@/lib/background/handlers';
import { startHostScripts } from '@/lib/background/hosts';
import { startAlarms } from '@/lib/background/alarms';
import { startCommands } from '@/lib/background/commands';

export default defineBackground(() => {
  const policy = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener(createRouter(RequestSchema, allowed, handle, policy) as never);
  startHostScripts();
  startAlarms();
  startCommands();
});
