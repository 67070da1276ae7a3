/**
 * A small WebDriver BiDi client for Debian's Firefox ESR: launches it headless with a fresh profile
 * and its built-in BiDi server (no geckodriver, no Playwright Firefox, nothing downloaded), and sends
 * commands over Node's WebSocket (Node 20: `--experimental-websocket`, see scripts/test.mjs).
 *
 * Only what the smoke suite needs: session, webExtension.install, browsingContext, script, log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SYSTEM_FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export const NO_FIREFOX_HINT =
  "No Firefox found: install Debian's Firefox ESR (`sudo apt-get install firefox-esr`) or set FIREFOX_PATH=/path/to/firefox.";

/** FIREFOX_PATH, then the system Firefox ESR or Firefox. */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return SYSTEM_FIREFOXES.find((p) => existsSync(p)) ?? null;
}

type Json = Record<string, unknown>;
export interface BidiEvent {
  method: string;
  params: Json;
}

/** A BiDi remote value as `script.evaluate` returns it, turned back into plain JSON. */
function deserialize(v: Json | undefined): unknown {
  if (!v) return undefined;
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array':
      return ((v.value as Json[] | undefined) ?? []).map(deserialize);
    case 'object':
      return Object.fromEntries(
        ((v.value as Array<[string | Json, Json]> | undefined) ?? []).map(([k, x]) => [
          typeof k === 'string' ? k : String(deserialize(k)),
          deserialize(x),
        ]),
      );
    default:
      return { type: v.type };
  }
}

export class Firefox {
  private nextId = 1;
  private pending = new Map<number, { resolve(v: Json): void; reject(e: Error): void }>();
  private listeners: Array<(e: BidiEvent) => void> = [];
  /** Every event received since the session started (log entries, navigation). */
  readonly events: BidiEvent[] = [];
  /**
   * Firefox's own stdout and stderr since it started. With the console prefs set at launch, every
   * script error reported to the console service appears there as one line:
   * `JavaScript error: moz-extension://…/background.js, line 1: TypeError: …`, the add-on's background
   * included (BiDi's `log.entryAdded` covers only content realms, and Firefox 140.12 ESR no longer
   * lets BiDi reach the chrome scope where `Services.console` could be read).
   */
  readonly output: string[] = [];

  private constructor(
    private readonly ws: WebSocket,
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    ws.addEventListener('message', (m) => {
      const msg = JSON.parse(String(m.data)) as Json;
      if (typeof msg.id === 'number') {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.type === 'error') p?.reject(new Error(`${String(msg.error)}: ${String(msg.message)}`));
        else p?.resolve(msg.result as Json);
      } else if (msg.type === 'event') {
        const e = { method: String(msg.method), params: msg.params as Json };
        this.events.push(e);
        this.listeners.forEach((f) => f(e));
      }
    });
  }

  /**
   * Starts Firefox with a fresh profile holding `prefs` (user.js), opens a BiDi session that accepts
   * the demo's self-signed certificate, and subscribes to log entries.
   */
  static async launch(prefs: Record<string, string | number | boolean>): Promise<Firefox> {
    const executable = findFirefox();
    if (!executable) throw new Error(NO_FIREFOX_HINT);
    if (typeof WebSocket === 'undefined')
      throw new Error(
        'No WebSocket in this Node: on Node 20 run with NODE_OPTIONS=--experimental-websocket.',
      );
    const profile = mkdtempSync(path.join(tmpdir(), 'sla-firefox-'));
    const all = {
      // Quiet, offline start: no first-run pages, updates, telemetry or remote settings.
      'browser.shell.checkDefaultBrowser': false,
      'browser.startup.homepage_override.mstone': 'ignore',
      'browser.aboutwelcome.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'app.update.disabledForTesting': true,
      'extensions.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'intl.locale.requested': 'en-GB',
      'intl.accept_languages': 'en-GB',
      // Console messages (script errors of every realm) also to stdout/stderr: `consoleErrors`.
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      'javascript.options.showInConsole': true,
      ...prefs,
    };
    writeFileSync(
      path.join(profile, 'user.js'),
      Object.entries(all)
        .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
        .join('\n'),
    );
    const child = spawn(
      executable,
      [
        '--headless',
        '--no-remote',
        '--remote-debugging-port',
        '0',
        '--remote-allow-system-access',
        '--profile',
        profile,
      ],
      { env: { ...process.env, TZ: 'Europe/Amsterdam', MOZ_CRASHREPORTER_DISABLE: '1' }, stdio: 'pipe' },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi:\n${seen}`)), 60_000);
      const onData = (b: Buffer) => {
        seen += b.toString();
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stderr!.on('data', onData);
      child.stdout!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi started:\n${seen}`)));
    });
    const ws = new WebSocket(`${url}/session`);
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
    const ff = new Firefox(ws, child, profile);
    let partial = '';
    const keep = (b: Buffer) => {
      const lines = (partial + b.toString()).split('\n');
      partial = lines.pop() ?? '';
      ff.output.push(...lines);
    };
    child.stderr!.on('data', keep);
    child.stdout!.on('data', keep);
    await ff.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    await ff.send('session.subscribe', { events: ['log.entryAdded'] });
    return ff;
  }

  /**
   * Script errors (not warnings) Firefox reported for files under `origin`, as `file:line message`,
   * read from its output (see `output`). Waits briefly so that errors just thrown are flushed.
   */
  async consoleErrors(origin: string): Promise<string[]> {
    await new Promise((r) => setTimeout(r, 300));
    const prefix = `JavaScript error: ${origin}`;
    return this.output
      .filter((l) => l.startsWith(prefix))
      .map((l) => {
        const m = /^JavaScript error: (\S+), line (\d+): (.*)$/.exec(l);
        return m ? `${m[1]}:${m[2]} ${m[3]}` : l.slice('JavaScript error: '.length);
      });
  }

  send(method: string, params: Json = {}): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  on(f: (e: BidiEvent) => void): () => void {
    this.listeners.push(f);
    return () => (this.listeners = this.listeners.filter((x) => x !== f));
  }

  /** Installs an unpacked add-on as a temporary add-on (again: an update, as about:debugging's reload). */
  async installAddon(dir: string): Promise<string> {
    const r = await this.send('webExtension.install', { extensionData: { type: 'path', path: dir } });
    return String(r.extension);
  }

  /**
   * A new tab beside an existing one: with a reference context Firefox opens it in that tab's browser
   * window, not in whatever window was focused last (Firefox 140.12 ESR fails "getTabBrowser(...) is
   * undefined" when that is not a tabbed browser window).
   */
  async newTab(): Promise<string> {
    const tree = await this.send('browsingContext.getTree', { maxDepth: 0 });
    const first = ((tree.contexts as Json[] | null) ?? [])[0];
    const r = await this.send('browsingContext.create', {
      type: 'tab',
      ...(first ? { referenceContext: String(first.context) } : {}),
    });
    return String(r.context);
  }

  async navigate(context: string, url: string): Promise<void> {
    await this.send('browsingContext.navigate', { context, url, wait: 'complete' });
  }

  /** The frames (child browsing contexts) of a tab, depth first. */
  async frames(context: string): Promise<Array<{ context: string; url: string }>> {
    const r = await this.send('browsingContext.getTree', { root: context });
    const out: Array<{ context: string; url: string }> = [];
    const walk = (n: Json) => {
      out.push({ context: String(n.context), url: String(n.url) });
      ((n.children as Json[] | null) ?? []).forEach(walk);
    };
    ((r.contexts as Json[]) ?? []).forEach(walk);
    return out;
  }

  /**
   * A real mouse click (BiDi `input.performActions`) in the middle of the element `selector` of
   * `context`: the page's handler runs as a user input handler (what `permissions.request` needs).
   */
  async click(context: string, selector: string): Promise<void> {
    const box = await this.call<{ x: number; y: number } | null>(
      context,
      `(sel) => { const r = document.querySelector(sel)?.getBoundingClientRect(); return r ? { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) } : null; }`,
      selector,
    );
    if (!box) throw new Error(`nothing to click: ${selector}`);
    await this.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          actions: [
            { type: 'pointerMove', x: box.x, y: box.y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  /**
   * Runs `fn(...args)` in the page of `context` (its own realm, not the extension's) and returns its
   * JSON result; a thrown error becomes a rejected promise with the page's message.
   */
  async call<T>(context: string, fn: string, ...args: unknown[]): Promise<T> {
    const r = await this.send('script.callFunction', {
      functionDeclaration: `(...a) => (${fn})(...a.map((x) => JSON.parse(x)))`,
      target: { context },
      arguments: args.map((a) => ({ type: 'string', value: JSON.stringify(a) })),
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (r.type === 'exception') {
      const d = r.exceptionDetails as Json;
      throw new Error(`in page: ${String(d.text)}`);
    }
    return deserialize(r.result as Json) as T;
  }

  /** Polls `fn` in the page until it returns a truthy value (or throws after `timeoutMs`). */
  async waitFor<T>(context: string, fn: string, timeoutMs = 15_000, ...args: unknown[]): Promise<T> {
    const start = Date.now();
    let last: unknown;
    for (;;) {
      try {
        const v = await this.call<T>(context, fn, ...args);
        if (v) return v;
        last = v;
      } catch (e) {
        last = e;
      }
      if (Date.now() - start > timeoutMs)
        throw new Error(`timed out waiting for ${fn} (last: ${String(last)})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async close(): Promise<void> {
    await this.send('browser.close').catch(() => {});
    this.ws.close();
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => (this.child.kill('SIGKILL'), resolve()), 5000);
      this.child.once('exit', () => (clearTimeout(t), resolve()));
    });
    rmSync(this.profile, { recursive: true, force: true });
  }
}
