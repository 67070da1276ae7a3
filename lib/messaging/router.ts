/**
 * Background side of the protocol: checks who is talking, validates the message with zod, dispatches
 * to a handler and answers. Every failure becomes `{ ok: false, error }`: a bad message never throws
 * into the worker and never reaches a handler.
 */
import type { Runtime } from 'webextension-polyfill';
import type { z } from 'zod';

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
}

export type SenderKind = 'extension-page' | 'content-script';

/**
 * Who sent this? Only this extension's own pages and its content scripts in https tabs are accepted
 * (a content script on a plain-http page is refused: anyone on the network path could serve it).
 */
export function classifySender(sender: Runtime.MessageSender, policy: SenderPolicy): SenderKind | null {
  if (sender.id !== policy.extensionId) return null;
  if (sender.url?.startsWith(policy.extensionOrigin) && !sender.tab?.url?.startsWith('http'))
    return 'extension-page';
  if (sender.tab && typeof sender.tab.id === 'number' && sender.url?.startsWith('https://'))
    return 'content-script';
  return null;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export interface RouteContext {
  sender: Runtime.MessageSender;
  kind: SenderKind;
}

export function createRouter<S extends z.ZodType<{ type: string }>>(
  schema: S,
  allowed: (type: z.infer<S>['type'], kind: SenderKind, sender: Runtime.MessageSender) => boolean,
  handle: (message: z.infer<S>, ctx: RouteContext) => Promise<unknown>,
  policy: SenderPolicy,
) {
  return (raw: unknown, sender: Runtime.MessageSender, sendResponse: (r: Reply<unknown>) => void): true => {
    const answer = async (): Promise<Reply<unknown>> => {
      const kind = classifySender(sender, policy);
      if (!kind) return { ok: false, error: 'sender not allowed' };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return {
          ok: false,
          error: `invalid message: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown'}`,
        };
      }
      if (!allowed(parsed.data.type, kind, sender))
        return { ok: false, error: `${parsed.data.type} not allowed from ${kind}` };
      try {
        return { ok: true, data: await handle(parsed.data, { sender, kind }) };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    };
    void answer().then(sendResponse);
    return true;
  };
}
