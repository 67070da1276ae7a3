/**
 * The demo helpdesks for Firefox: the same answers as the Chromium suite's `routeDemo` (tests/demo),
 * served over HTTPS on loopback. Firefox's profile points its proxy at this one local port; a CONNECT
 * to a demo host is answered here with TLS (a self-signed certificate made for this run, accepted by
 * the BiDi session's `acceptInsecureCerts`), every other host is refused — nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { routeDemo, type DemoOptions } from '../demo/route';
import { DEMO_HOSTS } from '../demo/scenarios';

type Handler = (route: Route) => Promise<void>;

/** A self-signed certificate for the demo hosts, made with openssl for this run only. */
function selfSignedCert(extraHosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-cert-'));
  try {
    const names = [...new Set([...Object.values(DEMO_HOSTS), ...extraHosts])]
      .map((h) => `DNS:${h}`)
      .join(',');
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=sla-overlay demo',
        '-addext',
        `subjectAltName=${names}`,
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore', timeout: 30_000 },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `routeDemo` registers its answers with `context.route(pattern, handler)`; this collects them per
 * host so plain Node requests can be answered by the very same code.
 */
function collectDemoHandlers(options: DemoOptions): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  const collector = {
    route: async (pattern: string, handler: Handler) => {
      handlers.set(new URL(pattern.replace('/**', '/')).host, handler);
    },
  };
  return routeDemo(collector as unknown as BrowserContext, options).then(() => handlers);
}

/** A Playwright-like `Route` over a Node request/response pair (only what routeDemo uses). */
function nodeRoute(url: string, res: http.ServerResponse): Route {
  const route = {
    request: () => ({ url: () => url }),
    fulfill: async (r: {
      status?: number;
      contentType?: string;
      body?: string;
      headers?: Record<string, string>;
    }) => {
      res.writeHead(r.status ?? 200, {
        ...(r.headers ?? {}),
        ...(r.contentType ? { 'content-type': r.contentType } : {}),
      });
      res.end(r.body ?? '');
    },
  };
  return route as unknown as Route;
}

export interface DemoServer {
  /** The loopback port Firefox's proxy prefs point at. */
  port: number;
  /** Profile prefs that send every request through this server (and only there). */
  prefs: Record<string, string | number | boolean>;
  /** Every URL answered, in order. */
  requests: URL[];
  close(): Promise<void>;
}

/**
 * `aliases`: more host names answered like a demo host (`{ 'servicedesk.example.test':
 * 'scope4mation.topdesk.net' }`), for a self-hosted helpdesk, which the manifest does not cover.
 */
export async function startDemoServer(
  options: DemoOptions,
  aliases: Record<string, string> = {},
): Promise<DemoServer> {
  const requests: URL[] = [];
  const handlers = await collectDemoHandlers({
    ...options,
    onRequest: (u) => (requests.push(u), options.onRequest?.(u)),
  });
  const demoHost = (host: string) => aliases[host] ?? host;
  const tls = https.createServer(selfSignedCert(Object.keys(aliases)), (req, res) => {
    const url = `https://${demoHost(String(req.headers.host))}${req.url ?? '/'}`;
    const handler = handlers.get(new URL(url).host);
    if (!handler) return void res.writeHead(404).end();
    handler(nodeRoute(url, res)).catch((e: unknown) => res.writeHead(500).end(String(e)));
  });
  const proxy = http.createServer((_req, res) => res.writeHead(403).end('only the demo hosts, over https'));
  proxy.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
    const host = (req.url ?? '').replace(/:443$/, '');
    if (!handlers.has(demoHost(host))) return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => tls.emit('connection', socket));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  return {
    port,
    requests,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.share_proxy_settings': false,
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections?.();
        tls.closeAllConnections?.();
        tls.close();
        proxy.close(() => resolve());
      }),
  };
}
