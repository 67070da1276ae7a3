/**
 * The demo helpdesk's tickets: a dozen tickets over the five seed policies, created relative to `now`
 * so that, whenever the demo runs, some clocks are running, some paused, some close to breach and
 * some breached. Times are offsets in minutes before `now`.
 *
 * Each scenario is helpdesk-shaped data (what Zendesk or TOPdesk would hold), not engine input: the
 * extension reads it through its real adapters, exactly as on a live helpdesk.
 */

export type DemoHelpdesk = 'zendesk' | 'topdesk';

export interface DemoEvent {
  /** minutes before now */
  ago: number;
  kind: 'status' | 'agent-reply' | 'requester-reply' | 'internal-note' | 'priority';
  value?: string;
}

export interface DemoScenario {
  helpdesk: DemoHelpdesk;
  host: string;
  /** Zendesk ticket id, or TOPdesk incident number suffix. */
  id: number;
  policy: 'workspace365' | 'mextra' | 'scope4mation' | 'membro' | 'zmanda';
  subject: string;
  requester: { name: string; email: string; timeZone?: string };
  organization: string;
  /** minutes before now */
  createdAgo: number;
  status: string;
  priority?: string;
  type?: string;
  tier?: string;
  impact?: string;
  urgency?: string;
  workaround?: boolean;
  tags?: string[];
  /**
   * Tags of the two finished tickets like it in `DEMO_HISTORY` (0: the quick one, 1: the late one),
   * e.g. Workspace 365's `rca_delivered` after a solved P1.
   */
  historyTags?: [string[], string[]];
  events: DemoEvent[];
  /** what the scenario is meant to show, for people reading the demo */
  shows: string;
}

export const DEMO_HOSTS = {
  mextra: 'mextra.zendesk.com',
  workspace365: 'workspace365.zendesk.com',
  membro: 'membro.zendesk.com',
  zmanda: 'zmanda.zendesk.com',
  scope4mation: 'scope4mation.topdesk.net',
} as const;

const H = 60;
const D = 24 * H;

export const DEMO_SCENARIOS: DemoScenario[] = [
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.mextra,
    id: 1001,
    policy: 'mextra',
    subject: 'Facturatiemodule geeft foutmelding bij export',
    requester: { name: 'Sanne de Vries', email: 'sanne@bakkerij-devries.nl' },
    organization: 'Bakkerij De Vries',
    createdAgo: 2 * H,
    status: 'open',
    priority: 'urgent',
    type: 'incident',
    events: [{ ago: 2 * H - 12, kind: 'agent-reply' }],
    shows: 'urgent incident, resolution running towards the 4 h goal',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.mextra,
    id: 1002,
    policy: 'mextra',
    subject: 'Koppeling met boekhoudpakket valt steeds weg',
    requester: { name: 'Pieter Jansen', email: 'pieter@jansen-installatie.nl' },
    organization: 'Jansen Installatietechniek',
    createdAgo: 6 * D,
    status: 'open',
    priority: 'high',
    type: 'incident',
    events: [{ ago: 6 * D - 30, kind: 'agent-reply' }],
    shows: 'high incident past its 2-business-day deadline: breached',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.mextra,
    id: 1003,
    policy: 'mextra',
    subject: 'Rapportage toont verkeerde btw-percentages <img src=x onerror=alert(1)>',
    requester: { name: 'Fatima El Amrani', email: 'fatima@elamrani-advies.nl' },
    organization: 'El Amrani Advies',
    createdAgo: 1 * D,
    status: 'pending',
    priority: 'normal',
    type: 'incident',
    events: [
      { ago: 1 * D - 20, kind: 'agent-reply' },
      { ago: 3 * H, kind: 'status', value: 'pending' },
    ],
    shows: 'waiting on customer: resolution clock paused (and a hostile subject shown as text)',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.mextra,
    id: 1004,
    policy: 'mextra',
    subject: 'Vraag: kunnen we extra gebruikers toevoegen?',
    requester: { name: 'Tom Bakker', email: 'tom@bakker-logistiek.nl' },
    organization: 'Bakker Logistiek',
    createdAgo: 2 * D,
    status: 'open',
    priority: 'low',
    type: 'question',
    events: [],
    shows: 'question: answer due within 5 business days, 90% goal at 3',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.workspace365,
    id: 2001,
    policy: 'workspace365',
    subject: 'Niemand kan inloggen op de werkplek',
    requester: { name: 'Eva Smit', email: 'eva@gemeente-voorbeeld.nl' },
    organization: 'Gemeente Voorbeeld',
    createdAgo: 3 * H + 25,
    status: 'open',
    type: 'incident',
    impact: 'organization',
    urgency: 'high',
    tier: 'extended',
    events: [{ ago: 3 * H + 22, kind: 'agent-reply' }],
    // Its finished twins are P1s too: the quick one has its RCA (Workspace 365), the late one has not.
    historyTags: [['rca_delivered'], []],
    shows: 'P1 from the matrix (organization × high), 4 h resolution nearly used: at risk',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.workspace365,
    id: 2002,
    policy: 'workspace365',
    subject: 'Snelkoppeling naar HR-portaal ontbreekt voor afdeling',
    requester: { name: 'Joris Visser', email: 'joris@zorggroep-noord.nl' },
    organization: 'Zorggroep Noord',
    createdAgo: 1 * H,
    status: 'new',
    type: 'incident',
    impact: 'department',
    urgency: 'normal',
    tier: 'basic',
    events: [],
    shows: 'P3 suggested by the matrix, no response yet',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.membro,
    id: 3001,
    policy: 'membro',
    subject: 'Ledenadministratie niet bereikbaar',
    requester: { name: 'Kees Mulder', email: 'secretaris@hockeyclub-oost.nl' },
    organization: 'Hockeyclub Oost',
    createdAgo: 3 * H + 10,
    status: 'open',
    type: 'incident',
    impact: 'high',
    urgency: 'high',
    tier: 'premium',
    events: [{ ago: 3 * H - 20, kind: 'agent-reply' }],
    shows: 'critical, premium: 4 calendar hours to resolve, almost gone',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.membro,
    id: 3002,
    policy: 'membro',
    subject: 'Contributie-incasso mislukt voor een groep leden',
    requester: { name: 'Anouk Vermeer', email: 'penningmeester@zwemclub-west.nl' },
    organization: 'Zwemclub West',
    createdAgo: 2 * D,
    status: 'open',
    type: 'incident',
    impact: 'high',
    urgency: 'medium',
    workaround: true,
    tier: 'standard',
    events: [{ ago: 2 * D - 60, kind: 'agent-reply' }],
    shows: 'matrix says high, the workaround caps it at medium',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.zmanda,
    id: 4001,
    policy: 'zmanda',
    subject: 'Backup job fails with error 2050 on tape library',
    requester: { name: 'Linda Park', email: 'linda.park@example.com', timeZone: 'America/Los_Angeles' },
    organization: 'Pacific Storage Inc.',
    createdAgo: 50,
    status: 'new',
    type: 'incident',
    priority: 'P2',
    impact: 'high',
    urgency: 'medium',
    tier: 'premium',
    events: [],
    shows: 'premium 24x7 P2: 60-minute response, 10 minutes left',
  },
  {
    helpdesk: 'zendesk',
    host: DEMO_HOSTS.zmanda,
    id: 4002,
    policy: 'zmanda',
    subject: 'Restore of Exchange mailbox hangs at 40%',
    requester: { name: 'Jan Novak', email: 'jan.novak@example.cz', timeZone: 'Europe/Prague' },
    organization: 'Novak Logistics',
    createdAgo: 3 * D,
    status: 'open',
    type: 'incident',
    impact: 'high',
    urgency: 'high',
    tier: 'standard',
    events: [],
    shows: 'standard P1 without a first response: breached',
  },
  {
    helpdesk: 'topdesk',
    host: DEMO_HOSTS.scope4mation,
    id: 1,
    policy: 'scope4mation',
    subject: 'Productielijn 3 stuurt geen data meer naar MES',
    requester: { name: 'Ruud Hendriks', email: 'r.hendriks@metaalwerk-oss.nl' },
    organization: 'Metaalwerk Oss',
    createdAgo: 5 * H,
    status: 'open',
    tier: 'extended',
    impact: 'I-1',
    urgency: 'U-1',
    priority: 'Hoog',
    events: [{ ago: 4 * H, kind: 'agent-reply' }],
    shows: 'TOPdesk incident, extended tier, priority Hoog: responded, resolution running',
  },
  {
    helpdesk: 'topdesk',
    host: DEMO_HOSTS.scope4mation,
    id: 2,
    policy: 'scope4mation',
    subject: 'Label printer drukt verschoven af',
    requester: { name: 'Ilse de Boer', email: 'i.deboer@verpakkingen-tiel.nl' },
    organization: 'Verpakkingen Tiel',
    createdAgo: 26 * H,
    status: 'on-hold',
    tier: 'default',
    impact: 'I-2',
    urgency: 'U-2',
    priority: 'Normaal',
    events: [{ ago: 2 * H, kind: 'status', value: 'on-hold' }],
    shows: 'TOPdesk incident on hold; default tier has best-effort resolution',
  },
  {
    helpdesk: 'topdesk',
    host: DEMO_HOSTS.scope4mation,
    id: 3,
    policy: 'scope4mation',
    subject: 'Dashboard laadt traag na update',
    requester: { name: 'Mark Willems', email: 'm.willems@gieterij-venlo.nl' },
    organization: 'Gieterij Venlo',
    createdAgo: 3 * D,
    status: 'solved',
    tier: 'extended',
    impact: 'I-3',
    urgency: 'U-2',
    priority: 'Laag',
    events: [
      { ago: 3 * D - 45, kind: 'agent-reply' },
      { ago: 1 * D, kind: 'status', value: 'solved' },
    ],
    shows: 'TOPdesk incident completed: both metrics met',
  },
];

/**
 * Finished tickets of the past four weeks, for compliance ("Read from the helpdesk" in the popup): for
 * every open demo ticket two solved ones like it, one answered and solved quickly, one answered after
 * two days and solved a week later. Only the helpdesks' finished-ticket listings show them. They keep
 * the open ticket's customer (its Zendesk organisation or TOPdesk branch), so the service report can
 * be narrowed to one, and add its `historyTags` (Workspace 365's RCA evidence on one P1, not the other).
 * Last, Membro's outage (`DEMO_OUTAGE`).
 */
/**
 * The demo's outage (Membro 2.2): a Premium incident tagged `platform_unavailable` (the demo's Membro
 * mapping selects outages by that tag), solved 4 hours after it was submitted ten days ago. 240 minutes
 * down in a month of 43,200–44,640 minutes: about 99.46%, below Premium's 99.5% in its month.
 */
export const DEMO_OUTAGE: DemoScenario = {
  helpdesk: 'zendesk',
  host: DEMO_HOSTS.membro,
  id: 3090,
  policy: 'membro',
  subject: 'Platform niet beschikbaar: geen enkele vereniging kan inloggen',
  requester: { name: 'Kees Mulder', email: 'secretaris@hockeyclub-oost.nl' },
  organization: 'Hockeyclub Oost',
  createdAgo: 10 * D + 2 * H,
  status: 'solved',
  type: 'incident',
  impact: 'high',
  urgency: 'high',
  tier: 'premium',
  tags: ['platform_unavailable'],
  events: [
    { ago: 10 * D + 2 * H - 10, kind: 'agent-reply' },
    { ago: 10 * D + 2 * H - 4 * H, kind: 'status', value: 'solved' },
  ],
  shows: 'an outage ticket: 4 h of downtime, Premium availability below target in its month',
};

export const DEMO_HISTORY: DemoScenario[] = DEMO_SCENARIOS.filter((s) => s.status !== 'solved')
  .flatMap((s, i) => {
    const id = (n: number) => (s.helpdesk === 'topdesk' ? 100 + s.id * 2 + n : s.id * 10 + n);
    const solved = (
      n: number,
      createdAgo: number,
      replyAfter: number,
      solvedAfter: number,
    ): DemoScenario => ({
      ...s,
      id: id(n),
      subject: `${s.subject} (${n === 0 ? 'eerder' : 'vorige maand'})`,
      ...(s.historyTags ? { tags: [...(s.tags ?? []), ...s.historyTags[n]!] } : {}),
      createdAgo,
      status: 'solved',
      events: [
        { ago: createdAgo - replyAfter, kind: 'agent-reply' },
        { ago: createdAgo - solvedAfter, kind: 'status', value: 'solved' },
      ],
      shows: n === 0 ? 'finished in time (compliance)' : 'finished late (compliance)',
    });
    return [solved(0, (2 + 2 * i) * D + 2 * H, 15, 3 * H), solved(1, (9 + 2 * i) * D + 5 * H, 2 * D, 7 * D)];
  })
  .concat(DEMO_OUTAGE);

/** When a scenario was solved (epoch ms, relative to the demo's `now`), or null while it is open. */
export function solvedAt(s: DemoScenario, now: number): number | null {
  const e = s.events.find((x) => x.kind === 'status' && x.value === 'solved');
  return s.status === 'solved' && e ? now - e.ago * 60_000 : null;
}

export function scenarioFor(helpdesk: DemoHelpdesk, host: string, id: number): DemoScenario | undefined {
  return DEMO_SCENARIOS.find((s) => s.helpdesk === helpdesk && s.host === host && s.id === id);
}

/**
 * A ticket that joins the Zmanda queue a minute after the demo starts (`npm start`): a Premium P1
 * (24×7, 15-minute response) created ten minutes before the start (it was moved in from another
 * group), so 4 response minutes are left when it arrives, and nobody opens it. The queue watch finds
 * it at its next poll (within 2 minutes): it is at risk, the badge counts it, and one "New P1"
 * notification follows.
 */
export const DEMO_ARRIVAL: DemoScenario = {
  helpdesk: 'zendesk',
  host: DEMO_HOSTS.zmanda,
  id: 4009,
  policy: 'zmanda',
  subject: 'All backup jobs stopped after the storage controller update',
  requester: { name: 'Mark de Groot', email: 'mark@degroot-logistiek.nl' },
  organization: 'De Groot Logistiek',
  createdAgo: 10,
  status: 'new',
  type: 'incident',
  impact: 'high',
  urgency: 'high',
  tier: 'premium',
  events: [],
  shows: 'arrives a minute after start: Premium P1, 15-minute response, found by the queue watch',
};
export const DEMO_ARRIVALS = [{ afterMs: 60_000, scenario: DEMO_ARRIVAL }];
