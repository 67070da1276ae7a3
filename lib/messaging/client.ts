/**
 * Sending side of the protocol, for content scripts, popup and options. No zod here (content-script
 * budget): requests are typed by `Request`, and the background validates them. A closed or reloaded
 * extension turns into `{ ok: false }` instead of an exception on the helpdesk page.
 */
import type { Reply } from './router';
import type { Request, ResponseOf } from './protocol';

export type Sender = (message: unknown) => Promise<unknown>;

export async function send<M extends Request>(
  message: M,
  transport?: Sender,
): Promise<Reply<ResponseOf<M['type']>>> {
  try {
    const t = transport ?? ((m: unknown) => browser.runtime.sendMessage(m));
    const reply = (await t(message)) as Reply<ResponseOf<M['type']>> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply))
      return { ok: false, error: 'no answer from the extension' };
    return reply;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: /context invalidated|Receiving end/i.test(text) ? 'extension-reloaded' : text,
    };
  }
}
