/**
 * zod's global configuration, imported first by every bundle that builds schemas (background,
 * popup, options), before any schema module runs. The content scripts build none.
 *
 * `jitless`: zod v4 otherwise probes `new Function` to compile fast object parsers. Extension pages
 * forbid eval (CSP `script-src 'self'`), so the probe only logs "blocked a JavaScript eval" in the
 * add-on's console on every start (Firefox reports it as an error) — issue 18. The interpreted parser
 * is the same parser; the engine's benchmarks are unaffected.
 */
import { config } from 'zod';

config({ jitless: true });
