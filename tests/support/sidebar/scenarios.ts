/**
 * Ready-made sidebar models for every state, built on the evaluations `evaluations.ts` generates from
 * the engine. Test support: shared by the component tests and `SidebarGallery`.
 */
import type {
  SidebarModel,
  SidebarProblem,
  SidebarReady,
  TicketDisplay,
} from '../../../lib/messaging/sidebar.ts';
import {
  membroBreached,
  membroCapped,
  membroLabels,
  membroMatrix,
  membroNone,
  mextraAtRisk,
  mextraClosed,
  mextraLabels,
  mextraPaused,
  mextraRunning,
  mextraRunningNl,
  w365Exempt,
  w365Labels,
  w365Matrix,
  zmandaLabels,
  zmandaMatrix,
  zmandaMet,
  zmandaMissing,
} from './evaluations.ts';

/** The agent's zone in every scenario (Zmanda's contract zone is New York, so it shows both). */
export const AGENT_ZONE = 'Europe/Amsterdam';

export const XSS_SUBJECT = '<img src=x onerror=alert(1)>';

export function ticket(over: Partial<TicketDisplay> = {}): TicketDisplay {
  return {
    helpdesk: 'zendesk',
    ticketKey: '#1001',
    subject: 'Printer on the 3rd floor prints blank pages',
    requester: 'Anna de Vries',
    organization: 'Mextra',
    link: 'https://mextra.zendesk.com/agent/tickets/1001',
    status: 'Open',
    ...over,
  };
}

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

export interface SidebarScenario {
  id: string;
  title: string;
  model: SidebarModel;
  /** The clock the scenario is shown at. */
  nowMs: number;
}

function ready(
  over: Omit<SidebarReady, 'status' | 'partial' | 'display'> & Partial<SidebarReady>,
): SidebarReady {
  return { status: 'ready', partial: false, display: ticket(), ...over };
}

function problem(p: SidebarProblem, display?: TicketDisplay): SidebarModel {
  return display ? { status: 'problem', problem: p, display } : { status: 'problem', problem: p };
}

const mon1530 = at('2026-02-09T15:30:00+01:00');

export const scenarios = {
  running: {
    id: 'running',
    title: 'Running (Mextra, 90% goal)',
    nowMs: mon1530 + MIN,
    model: ready({ evaluation: mextraRunning, labels: mextraLabels }),
  },
  runningNl: {
    id: 'runningNl',
    title: 'Running, Dutch explanation',
    nowMs: mon1530 + MIN,
    model: ready({ evaluation: mextraRunningNl, labels: mextraLabels, display: ticket({ status: 'Open' }) }),
  },
  atRisk: {
    id: 'atRisk',
    title: 'At risk (≤ 25% left)',
    nowMs: at('2026-02-10T14:30:00+01:00'),
    model: ready({ evaluation: mextraAtRisk, labels: mextraLabels }),
  },
  paused: {
    id: 'paused',
    title: 'Paused, waiting on customer',
    nowMs: mon1530,
    model: ready({ evaluation: mextraPaused, labels: mextraLabels, display: ticket({ status: 'Pending' }) }),
  },
  closedHours: {
    id: 'closedHours',
    title: 'Clock not running: weekend',
    nowMs: at('2026-02-07T11:00:00+01:00'),
    model: ready({
      evaluation: mextraClosed,
      labels: mextraLabels,
      display: ticket({ ticketKey: '#998', subject: 'VPN drops every hour' }),
    }),
  },
  breached: {
    id: 'breached',
    title: 'Breached, with escalation (Membro premium)',
    nowMs: mon1530,
    model: ready({
      evaluation: membroBreached,
      labels: membroLabels,
      matrix: membroMatrix,
      display: ticket({
        ticketKey: '#2001',
        subject: 'Ledenadministratie niet bereikbaar',
        organization: 'Membro',
        link: 'https://membro.zendesk.com/agent/tickets/2001',
      }),
    }),
  },
  met: {
    id: 'met',
    title: 'Met, contract zone New York (Zmanda)',
    nowMs: at('2026-02-09T11:00:00-05:00'),
    model: ready({
      evaluation: zmandaMet,
      labels: zmandaLabels,
      matrix: zmandaMatrix,
      display: ticket({
        helpdesk: 'topdesk',
        ticketKey: 'I 2602 017',
        subject: 'Backup job failed on vault 3',
        organization: 'Zmanda',
        link: 'https://zmanda.topdesk.net/tas/secure/incident?unid=1',
      }),
      helpdeskSla: {
        policy: 'Standard',
        targets: [{ metric: 'First reply time', dueAt: '2026-02-09T17:00:00-05:00', state: 'achieved' }],
      },
    }),
  },
  none: {
    id: 'none',
    title: 'No deadline, in the contract’s words (Membro)',
    nowMs: at('2026-02-09T09:30:00+01:00'),
    model: ready({ evaluation: membroNone, labels: membroLabels, matrix: membroMatrix }),
  },
  exempt: {
    id: 'exempt',
    title: 'Exempt (Workspace 365 hotfix) and late response',
    nowMs: at('2026-02-09T11:00:00+01:00'),
    model: ready({ evaluation: w365Exempt, labels: w365Labels, matrix: w365Matrix }),
  },
  capped: {
    id: 'capped',
    title: 'Matrix with workaround cap (Membro)',
    nowMs: at('2026-02-09T09:30:00+01:00'),
    model: ready({ evaluation: membroCapped, labels: membroLabels, matrix: membroMatrix }),
  },
  missing: {
    id: 'missing',
    title: 'Urgency missing, customer may override (Zmanda)',
    nowMs: at('2026-02-09T11:00:00+01:00'),
    model: ready({
      evaluation: zmandaMissing,
      labels: zmandaLabels,
      matrix: { ...zmandaMatrix, fieldNames: { impact: 'Impact', urgency: 'Urgentie (custom field)' } },
    }),
  },
  partial: {
    id: 'partial',
    title: 'Partial read (DOM fallback)',
    nowMs: mon1530 + MIN,
    model: ready({
      evaluation: mextraRunning,
      labels: mextraLabels,
      partial: true,
      partialReason: 'API answered 403; read from the page.',
    }),
  },
  hostileSubject: {
    id: 'hostileSubject',
    title: 'Subject with HTML, shown as text',
    nowMs: mon1530 + MIN,
    model: ready({
      evaluation: mextraRunning,
      labels: mextraLabels,
      display: ticket({ subject: XSS_SUBJECT, requester: '<b>Mallory</b>' }),
    }),
  },
  loading: { id: 'loading', title: 'Loading', nowMs: mon1530, model: { status: 'loading' } },
  notSignedIn: {
    id: 'notSignedIn',
    title: 'Not signed in',
    nowMs: mon1530,
    model: problem({
      kind: 'not-signed-in',
      message: 'HTTP 401 from /api/v2/tickets/1001.json',
      host: 'mextra.zendesk.com',
    }),
  },
  apiRefused: {
    id: 'apiRefused',
    title: 'API refused (partial page read)',
    nowMs: mon1530,
    model: problem(
      {
        kind: 'api-refused',
        message: 'HTTP 403 from /api/v2/tickets/1001.json',
        detail: 'Read from the page instead (partial): the creation time and history are not on the page.',
      },
      ticket(),
    ),
  },
  unmapped: {
    id: 'unmapped',
    title: 'Unmapped value',
    nowMs: mon1530,
    model: problem(
      {
        kind: 'unmapped',
        message: 'priority: unknown priority "p5"',
        unmapped: { field: 'priority', value: 'p5' },
      },
      ticket(),
    ),
  },
  noPolicy: {
    id: 'noPolicy',
    title: 'No policy for this host',
    nowMs: mon1530,
    model: problem({ kind: 'no-policy', message: '', host: 'acme.zendesk.com' }),
  },
  notReadable: {
    id: 'notReadable',
    title: 'Not readable',
    nowMs: mon1530,
    model: problem({ kind: 'not-readable', message: 'No ticket id on the page' }),
  },
  deleted: {
    id: 'deleted',
    title: 'Deleted ticket',
    nowMs: mon1530,
    model: problem({ kind: 'deleted', message: 'HTTP 404' }),
  },
  error: {
    id: 'error',
    title: 'Unexpected error',
    nowMs: mon1530,
    model: problem({
      kind: 'error',
      message: 'The background did not answer',
      detail: 'Error: Could not establish connection.',
    }),
  },
} satisfies Record<string, SidebarScenario>;

export type ScenarioId = keyof typeof scenarios;
