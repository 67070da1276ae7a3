/**
 * Build step (wxt.config.ts): takes zod's two `Function` constructor calls out of the shipped
 * bundles. Under `jitless` (lib/zod-config.ts, imported first by every bundle) neither ever runs —
 * the eval probe returns early and the object-parser compiler is never asked for — but addons-linter
 * still flags the text as DANGEROUS_EVAL (`web-ext lint`), and AMO reviewers read it. Issue 18.
 *
 * The build fails when a zod upgrade moves the code, so an eval cannot come back unnoticed.
 */
import type { Plugin } from 'vite';

/** The zod sources that hold a `Function` constructor call, and the call each one holds. */
export const ZOD_EVAL_SITES: ReadonlyArray<{ file: RegExp; code: string; replacement: string }> = [
  {
    // util.allowsEval: the probe (unreachable under jitless, which returns false first).
    file: /zod\/v4\/core\/util\.js$/,
    code: 'const F = Function;\n        new F("");\n        return true;',
    replacement: 'return false;',
  },
  {
    // Doc.compile: the object-parser JIT (only called when allowsEval is true).
    file: /zod\/v4\/core\/doc\.js$/,
    code: 'const F = Function;',
    replacement: 'const F = () => { throw new Error("zod: code generation is disabled (jitless)"); };',
  },
];

/** zod's module `id` with its eval sites replaced; other modules unchanged (null). */
export function withoutZodEval(code: string, id: string): string | null {
  const site = ZOD_EVAL_SITES.find((s) => s.file.test(id.replaceAll('\\', '/')));
  if (!site) return null;
  if (!code.includes(site.code))
    throw new Error(
      `zod-no-eval: ${id} no longer contains \`${site.code.split('\n')[0]}\`; update ZOD_EVAL_SITES in scripts/zod-no-eval.ts for this zod version.`,
    );
  return code.replace(site.code, site.replacement);
}

export function zodNoEval(): Plugin {
  return {
    name: 'zod-no-eval',
    enforce: 'pre',
    transform(code, id) {
      const out = withoutZodEval(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
