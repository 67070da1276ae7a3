/**
 * `sla due --ndjson` as the user runs it: a real CLI process (node with tsx's loader, what
 * `npm run sla` runs without npm's own start-up), its stdin piped from here, its stdout counted.
 *
 * Start-up (node, the loader, the engine's modules, the policy) is measured apart: the clock for
 * the throughput starts when the answer to the first ticket has arrived, and stops when the process
 * has written its last line and exited. Peak RSS comes from the process itself (`SLA_STATS=1`).
 *
 * `npx tsx scripts/bench-stream.ts [n] [runs]` prints only these figures.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

/** Ticket i of the generated export (Mextra: nine months, every hour and minute, four priorities). */
export function streamTicket(i: number): string {
  return `{"createdAt":"2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+01:00","priority":"${PRIORITIES[i % 4]}"}\n`;
}

/** Tickets from..to of the generated export as chunks of about `size` characters. */
export function* streamChunks(from: number, to: number, size = 1 << 20): Generator<string> {
  let text = '';
  for (let i = from; i < to; i++) {
    text += streamTicket(i);
    if (text.length >= size) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

export interface StreamFigures {
  n: number;
  /** Process start to the first result line (node + loader + modules + policy + one ticket). */
  startupMs: number;
  /** First result line to exit, for the remaining n − 1 tickets. */
  ms: number;
  perSecond: number;
  bytesOut: number;
  peakRssMb: number;
  lines: number;
  code: number | null;
}

/**
 * One run: n tickets through `sla due --policy mextra --ndjson` in a child process. The input is
 * made before the clock starts (`lazy`: while it runs, for a stream too big to hold).
 */
export async function cliStream(n: number, { lazy = false } = {}): Promise<StreamFigures> {
  const chunks: Iterable<string> = lazy ? streamChunks(1, n) : [...streamChunks(1, n)];
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/sla.ts',
      'due',
      '--policy',
      'mextra',
      '--ndjson',
      '--now',
      '2026-06-15T10:00:00Z',
    ],
    { cwd: ROOT, env: { ...process.env, SLA_STATS: '1' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let lines = 0;
  let bytesOut = 0;
  let stderr = '';
  let t1 = 0;
  const firstLine = new Promise<void>((resolve) => {
    child.stdout.on('data', (b: Buffer) => {
      bytesOut += b.length;
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) {
        if (lines++ === 0) {
          t1 = performance.now();
          resolve();
        }
      }
    });
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const closed = new Promise<number | null>((r) => child.on('close', r));
  child.stdin.write(streamTicket(0));
  await firstLine;
  for (const c of chunks) if (!child.stdin.write(c)) await new Promise((r) => child.stdin.once('drain', r));
  child.stdin.end();
  const code = await closed;
  const t2 = performance.now();
  const m = /peak rss (\d+) MB/.exec(stderr);
  return {
    n,
    startupMs: t1 - t0,
    ms: t2 - t1,
    perSecond: ((n - 1) / (t2 - t1)) * 1000,
    bytesOut,
    peakRssMb: m ? Number(m[1]) : NaN,
    lines,
    code,
  };
}

/** `runs` runs of n tickets; the best and the median throughput, with the load when they ran. */
export async function streamFigures(n = 100_000, runs = 3) {
  const all: StreamFigures[] = [];
  const load = loadavg()[0]!;
  for (let i = 0; i < runs; i++) all.push(await cliStream(n));
  const sorted = [...all].sort((a, b) => a.perSecond - b.perSecond);
  return {
    runs: all,
    best: sorted[sorted.length - 1]!,
    median: sorted[Math.floor(sorted.length / 2)]!,
    load: `load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 100_000);
  const f = await streamFigures(n, Number(process.argv[3] ?? 3));
  for (const r of f.runs)
    console.log(
      `${r.n.toLocaleString('en')} tickets: ${Math.round(r.perSecond).toLocaleString('en')} tickets/s (${r.ms.toFixed(0)} ms after a start-up of ${r.startupMs.toFixed(0)} ms; peak RSS ${r.peakRssMb} MB; ${r.lines.toLocaleString('en')} lines, exit ${r.code})`,
    );
  console.log(f.load);
}
