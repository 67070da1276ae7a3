/**
 * Build step: Preact's `dangerouslySetInnerHTML` branch is the only `innerHTML` in the shipped
 * bundles (no component uses it; the source lint rule forbids it). This Vite plugin replaces that
 * branch in Preact's module with a throw, so the bundles hold no `innerHTML` at all (security review
 * #14; checked by tests/unit/bundle.test.ts). The replaced text is Preact 11.2's minified source: when
 * a Preact upgrade changes it, the build fails here instead of shipping the branch silently.
 */
import type { Plugin } from 'vite';

/** Preact 11.2.0, dist/preact.mjs: set `innerHTML` from `dangerouslySetInnerHTML.__html`. */
export const PREACT_INNER_HTML_BRANCH =
  'h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[]):';

const REPLACEMENT = 'h?(()=>{throw Error("dangerouslySetInnerHTML is not supported in this extension")})():';

const PREACT_MODULE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs(?:\?|$)/;

export function withoutPreactInnerHtml(code: string): string {
  if (!code.includes(PREACT_INNER_HTML_BRANCH))
    throw new Error(
      'preact/dist/preact.mjs no longer has the dangerouslySetInnerHTML branch this build removes: update scripts/vite-no-inner-html.ts for the new Preact',
    );
  return code.replace(PREACT_INNER_HTML_BRANCH, REPLACEMENT);
}

export function noPreactInnerHtml(): Plugin {
  return {
    name: 'no-preact-inner-html',
    enforce: 'pre',
    transform(code, id) {
      return PREACT_MODULE.test(id) ? { code: withoutPreactInnerHtml(code), map: null } : null;
    },
  };
}
