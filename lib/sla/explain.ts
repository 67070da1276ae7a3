/**
 * The human explanation of an evaluation (English or Dutch): how tier, type and priority were
 * chosen, when and why the clock started, pauses, each deadline with its rule and contract section.
 */
import type { EvaluationContext } from './evaluate.ts';
import { formatDuration, formatInstant, formatInstantNear, type Locale } from './format.ts';
import type { Evaluation, MetricResult } from './types.ts';

const T = {
  en: {
    tier: 'tier',
    type: 'type',
    priority: 'priority',
    noPriority: 'no priority (none set on the ticket and the matrix cannot suggest one)',
    origin: {
      ticket: 'set on the ticket',
      event: 'last priority change on the ticket',
      matrix: 'from the impact × urgency matrix',
      default: 'policy default',
      mapping: 'from the helpdesk mapping',
      tag: 'from a tag',
      none: '',
    } as Record<string, string>,
    suggests: (p: string, i: string, u: string) => `The matrix suggests ${p} (impact ${i} × urgency ${u}).`,
    missing: (f: string) => `The matrix cannot suggest a priority: ${f} missing.`,
    capped: (from: string, to: string) => `A workaround is in place, so priority ${from} is capped at ${to}.`,
    override: 'The contract lets the customer override the priority.',
    created: (at: string, zone: string) => `Created ${at} (${zone}).`,
    startOpen: (cal: string) => `The clock started at creation: the ${cal} calendar was open.`,
    startLater: (at: string, cal: string) =>
      `The clock started ${at}: the first moment the ${cal} calendar is open after creation.`,
    metric: { response: 'Response', resolution: 'Resolution' },
    none: (words: string) => `no deadline (${words}).`,
    noPrio: 'no deadline until a priority is set.',
    exempt: (reason: string) => `no deadline: exempt — ${reason}.`,
    due: (label: string, at: string) => `due ${label} → ${at}`,
    goal: (pct: number, label: string, at: string) => `goal (${pct}%) ${label} → ${at}`,
    state: {
      running: 'running',
      paused: 'paused',
      met: 'met',
      breached: 'breached',
      none: 'no target',
    } as Record<string, string>,
    left: (d: string, business: boolean) => `${d} of ${business ? 'business ' : ''}time left`,
    over: (d: string, business: boolean) => `${d} of ${business ? 'business ' : ''}time over`,
    stopped: (at: string) => `stopped ${at}`,
    goalState: { pending: 'goal pending', met: 'goal met', missed: 'goal missed' } as Record<string, string>,
    source: (src: string) => `Contract section ${src}.`,
    status: {
      open: 'open',
      pending: 'pending',
      'on-hold': 'on hold',
      solved: 'solved',
      closed: 'closed',
    } as Record<string, string>,
    change: { hours: 'open only', closed: 'closed', closing: 'closed' } as Record<string, string>,
    section: 'contract section',
    region: (r: string) => `Holidays of ${r} (the ticket's region).`,
    paused: (st: string, from: string, to: string, d: string) =>
      `Not counted while ${st}: ${from} – ${to} (${d}).`,
    now: 'now',
    closed: (until: string) => `The calendar is closed now; the clock resumes ${until}.`,
    escalation: 'Escalation',
  },
  nl: {
    tier: 'niveau',
    type: 'type',
    priority: 'prioriteit',
    noPriority: 'geen prioriteit (niet gezet op het ticket en de matrix kan er geen afleiden)',
    origin: {
      ticket: 'gezet op het ticket',
      event: 'laatste prioriteitswijziging op het ticket',
      matrix: 'uit de impact × urgentie-matrix',
      default: 'standaard van het beleid',
      mapping: 'uit de helpdesk-koppeling',
      tag: 'uit een tag',
      none: '',
    } as Record<string, string>,
    suggests: (p: string, i: string, u: string) => `De matrix geeft ${p} (impact ${i} × urgentie ${u}).`,
    missing: (f: string) => `De matrix kan geen prioriteit geven: ${f} ontbreekt.`,
    capped: (from: string, to: string) =>
      `Er is een tijdelijke oplossing, dus prioriteit ${from} wordt begrensd op ${to}.`,
    override: 'Volgens het contract mag de klant de prioriteit aanpassen.',
    created: (at: string, zone: string) => `Aangemaakt ${at} (${zone}).`,
    startOpen: (cal: string) => `De klok liep vanaf het aanmaken: de kalender ${cal} was open.`,
    startLater: (at: string, cal: string) =>
      `De klok startte ${at}: het eerste moment na het aanmaken dat de kalender ${cal} open is.`,
    metric: { response: 'Reactie', resolution: 'Oplossing' },
    none: (words: string) => `geen deadline (${words}).`,
    noPrio: 'geen deadline zolang er geen prioriteit is.',
    exempt: (reason: string) => `geen deadline: uitgezonderd — ${reason}.`,
    due: (label: string, at: string) => `uiterlijk ${label} → ${at}`,
    goal: (pct: number, label: string, at: string) => `doel (${pct}%) ${label} → ${at}`,
    state: {
      running: 'loopt',
      paused: 'gepauzeerd',
      met: 'gehaald',
      breached: 'overschreden',
      none: 'geen doel',
    } as Record<string, string>,
    left: (d: string, business: boolean) => `nog ${d} ${business ? 'werktijd' : 'tijd'}`,
    over: (d: string, business: boolean) => `${d} ${business ? 'werktijd' : 'tijd'} te laat`,
    stopped: (at: string) => `gestopt ${at}`,
    goalState: { pending: 'doel loopt', met: 'doel gehaald', missed: 'doel gemist' } as Record<
      string,
      string
    >,
    source: (src: string) => `Contractsectie ${src}.`,
    status: {
      open: 'open',
      pending: 'in afwachting',
      'on-hold': 'in de wacht',
      solved: 'opgelost',
      closed: 'gesloten',
    } as Record<string, string>,
    change: { hours: 'alleen open', closed: 'gesloten', closing: 'gesloten' } as Record<string, string>,
    section: 'contractsectie',
    region: (r: string) => `Feestdagen van ${r} (de regio van het ticket).`,
    paused: (st: string, from: string, to: string, d: string) =>
      `Telt niet mee tijdens ${st}: ${from} – ${to} (${d}).`,
    now: 'nu',
    closed: (until: string) => `De kalender is nu dicht; de klok loopt weer vanaf ${until}.`,
    escalation: 'Escalatie',
  },
};

export function explain(ev: Evaluation, ctx: EvaluationContext): string {
  const L = ctx.locale;
  const t = T[L];
  const { c, zone } = ctx;
  const p = c.policy;
  const fmt = (ms: number) => formatInstant(ms, zone, L);
  // The policy's own words for an id (agents read labels, not ids); the id only when it has none.
  const label = (
    list: { get(v: string): { label: { nl: string; en: string } } | undefined } | undefined,
    id: string,
  ) => {
    const l = list?.get(id)?.label;
    return l?.[L] || l?.en || l?.nl || id;
  };
  const lines: string[] = [];
  const tierLabel = label(c.tiers, ev.tier);
  const calLabel = ctx.calendar.def.label?.[L] ?? ctx.calendar.id;
  const prio =
    ev.priority === null
      ? t.noPriority
      : `${t.priority} ${label(c.priorities, ev.priority)}${t.origin[ev.origin.priority] ? ` — ${t.origin[ev.origin.priority]}` : ''}`;
  lines.push(`${p.name}: ${t.type} ${label(c.types, ev.type)}, ${t.tier} ${tierLabel}, ${prio}.`);
  if (ev.matrix) {
    if (ev.suggestedPriority !== null && ev.matrix.impact && ev.matrix.urgency)
      lines.push(
        t.suggests(
          label(c.priorities, ev.suggestedPriority),
          label(c.impact, ev.matrix.impact),
          label(c.urgency, ev.matrix.urgency),
        ),
      );
    else if (ev.priority === null && ev.matrix.missing.length)
      lines.push(t.missing(ev.matrix.missing.join(' + ')));
    if (ev.matrix.capped && ev.matrix.uncapped)
      lines.push(t.capped(label(c.priorities, ev.matrix.uncapped), label(c.priorities, ev.matrix.capped.to)));
  }
  if (ev.customerMayOverride) lines.push(t.override);
  lines.push(t.created(fmt(ctx.created), ev.timezone));
  if (ev.holidayRegion) lines.push(t.region(ev.holidayRegion));
  lines.push(
    ctx.clockStart === ctx.created ? t.startOpen(calLabel) : t.startLater(fmt(ctx.clockStart), calLabel),
  );
  for (const name of ['response', 'resolution'] as const) {
    const m = ev.metrics[name];
    if (!m) continue;
    lines.push(`${t.metric[name]}: ${metricLine(m, L, fmt)}`);
    if (m.state !== 'none' || m.exempt) {
      for (const s of m.pauses) {
        const from = Date.parse(s.from);
        const to = s.to === null ? ctx.now : Date.parse(s.to);
        lines.push(
          `  ${t.paused(t.status[s.status] ?? s.status, fmt(from), s.to === null ? t.now : formatInstantNear(to, from, zone, L), formatDuration(to - from, L))}`,
        );
      }
      if (m.idle?.reason === 'closed-hours' && m.idle.until)
        lines.push(`  ${t.closed(fmt(Date.parse(m.idle.until)))}`);
    }
    if (m.dueMs !== undefined && m.businessTime)
      for (const ch of ctx.table.changesBetween(ctx.clockStart, m.dueMs)) {
        const why = [ch.label?.[L], ch.source ? `${t.section} ${ch.source}` : ''].filter(Boolean).join('; ');
        const windows = ch.kind === 'closed' ? '' : ` ${ch.windows}`;
        lines.push(`  ${ch.date}: ${t.change[ch.kind]}${windows}${why ? ` (${why})` : ''}.`);
      }
    // The contract's section, for the agent; the policy rule's JSON path is for admins (the sidebar's
    // "Rules in the policy" disclosure and the CLI show it from `metrics[name].rule`).
    const source = ctx.rules[name]?.target.source;
    if (source) lines.push(`  ${t.source(source)}`);
  }
  if (ev.escalation)
    lines.push(
      `${t.escalation}: ${ev.escalation.text}${ev.escalation.contact ? ` (${ev.escalation.contact})` : ''}`,
    );
  return lines.join('\n');
}

function metricLine(m: MetricResult, L: Locale, fmt: (ms: number) => string): string {
  const t = T[L];
  if (m.exempt) return t.exempt(m.exempt.reason);
  if (m.state === 'none') return m.rule ? t.none(m.targetLabel) : t.noPrio;
  const parts: string[] = [];
  parts.push(t.due(m.targetLabel, fmt(m.dueMs!)));
  if (m.goalMs !== undefined && m.goalPercent !== undefined)
    parts.push(t.goal(m.goalPercent, m.goalLabel ?? '', fmt(m.goalMs)));
  let state = t.state[m.state]!;
  // As the sidebar's cards say it: business time in hours, calendar time up to days.
  const units = { largest: m.businessTime ? 'h' : 'd' } as const;
  if (m.stoppedAt) state += `, ${t.stopped(fmt(Date.parse(m.stoppedAt)))}`;
  else if (m.remainingMs !== null)
    state +=
      ', ' +
      (m.remainingMs >= 0
        ? t.left(formatDuration(m.remainingMs, L, units), m.businessTime)
        : t.over(formatDuration(m.remainingMs, L, units), m.businessTime));
  if (m.goalState) state += `, ${t.goalState[m.goalState]}`;
  return `${parts.join('; ')}. ${state.charAt(0).toUpperCase()}${state.slice(1)}.`;
}
