/**
 * A policy read from a URL for import (the page requested its origin permission in the click): https
 * only, a redirect followed only to a granted https origin, bounded in time and in size.
 */
import {
  checkPolicyUrl,
  checkSize,
  formatBytes,
  MAX_POLICY_BYTES,
  type ImportResult,
} from '../config/importPolicy';

const FETCH_TIMEOUT_MS = 20_000;

function importFailure(message: string): ImportResult {
  return { ok: false, warnings: [], errors: [{ code: 'fetch', path: '(root)', message }] };
}

/**
 * The body as text, read chunk by chunk and cancelled as soon as it passes `limit` bytes: a huge
 * answer is never read whole (no Content-Length is needed for the check).
 */
export async function readCapped(
  res: Response,
  limit = MAX_POLICY_BYTES,
): Promise<{ ok: true; text: string } | { ok: false; bytes: number }> {
  if (!res.body) return { ok: true, text: '' };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { ok: true, text: text + decoder.decode() };
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytes };
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function originGranted(originPattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern] }).catch(() => false);
}

/**
 * Reads a policy URL (the page requested its origin permission in the click). A redirect is
 * followed only to an https address whose origin is granted too, and the address the text came
 * from is what the plan records as its source.
 */
export async function fetchPolicyText(
  url: string,
): Promise<{ ok: true; text: string; url: string } | ImportResult> {
  const checked = checkPolicyUrl(url);
  if (!checked.ok) return importFailure(checked.message);
  if (!(await originGranted(checked.originPattern)))
    return importFailure(
      `permission to read ${new URL(checked.url).host} was not granted; allow it when the browser asks`,
    );
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(checked.url, {
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    let from = checked.url;
    if (res.redirected || (res.url && res.url !== checked.url)) {
      const final = checkPolicyUrl(res.url);
      if (!final.ok || !(await originGranted(final.originPattern))) {
        controller.abort();
        return importFailure(
          `the address redirects to ${res.url}, which ${final.ok ? 'was not granted' : 'is not https'}; nothing was read — import from an https address you allow instead`,
        );
      }
      from = final.url;
    }
    if (!res.ok) return importFailure(`the server answered ${res.status} ${res.statusText}`.trim());
    const length = Number(res.headers.get('content-length'));
    if (length > 0) {
      const tooLarge = checkSize(length);
      if (tooLarge) return { ok: false, warnings: [], errors: [tooLarge] };
    }
    const body = await readCapped(res);
    if (!body.ok)
      return {
        ok: false,
        warnings: [],
        errors: [
          {
            code: 'too-large',
            bytes: body.bytes,
            limit: MAX_POLICY_BYTES,
            message: `the file is larger than ${formatBytes(MAX_POLICY_BYTES)}, the most a policy may be; reading stopped — is this the right file?`,
          },
        ],
      };
    return { ok: true, text: body.text, url: from };
  } catch (e) {
    return importFailure(
      controller.signal.aborted
        ? `no answer within ${FETCH_TIMEOUT_MS / 1000} seconds`
        : `could not read the address: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
