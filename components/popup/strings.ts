/**
 * The popup's words, English and Dutch. `nl` is typed against `en`, so a missing Dutch key fails the
 * typecheck.
 */
const en = {
  title: 'SLA queue',
  loading: 'Loading…',
  noAnswer: (why: string) => `The extension did not answer: ${why}`,
  tabs: { queue: 'Queue', compliance: 'Compliance' },
  state: {
    breached: 'Breached',
    'at-risk': 'At risk',
    running: 'Running',
    paused: 'Paused',
    met: 'Met',
    none: 'No target',
  },
  metric: { response: 'Response', resolution: 'Resolution' },
  measure: { due: 'within deadline', goal: 'within goal' },
  summary: {
    heading: 'Summary',
    overall: 'All tickets',
    priority: 'Priority',
    noPriority: 'No priority',
    noTier: 'no tier',
    breakdown: 'Per policy and priority',
  },
  filters: {
    label: 'Filters',
    helpdesk: 'Helpdesk',
    policy: 'Policy',
    state: 'State',
    all: 'All',
    noPolicy: 'No policy',
  },
  queue: {
    label: 'Tickets by time to breach',
    shown: (n: number, total: number) =>
      n === total
        ? n === 1
          ? '1 ticket'
          : `${n} tickets`
        : `${n} of ${total} ${total === 1 ? 'ticket' : 'tickets'}`,
    noDeadline: 'No running deadline',
    overdue: (d: string) => `${d} ago`,
    left: (d: string, business: boolean) => (business ? `${d} of business time left` : `${d} left`),
    priority: 'Priority',
    policy: 'Policy',
    due: (moment: string) => `due ${moment}`,
    openFailed: (why: string) => `The ticket could not be opened: ${why}`,
    sort: 'Order',
    sortBy: { breach: 'Time to breach', priority: 'Priority', age: 'Oldest first' },
    export: 'Export CSV',
    empty: 'No tickets yet. Open a ticket in Zendesk or TOPdesk, or refresh the queue.',
    emptyFiltered: 'No tickets match these filters.',
  },
  refresh: {
    button: 'Refresh queue',
    running: 'Refreshing…',
    progress: (done: number, total: number | null) =>
      total === null
        ? `${done} ${done === 1 ? 'ticket' : 'tickets'} read`
        : `${done} of ${total} tickets read`,
    waiting: (s: number) => `Helpdesk asked to wait ${s} s…`,
    last: (t: string) => `Last refresh ${t}`,
    never: 'Not refreshed from the helpdesk yet',
    errors: 'Refresh problems',
  },
  configUnreadable: {
    title: 'Configuration could not be read — nothing was changed',
    body: 'Part of the stored configuration could not be read; it was kept aside as it was. Open Options to see what is wrong and fix or delete it.',
  },
  watch: {
    label: 'Queue watch',
    line: (n: number, minutes: number, at: string | null) =>
      `Watching ${n} helpdesk${n === 1 ? '' : 's'} every ${minutes} min · ${at === null ? 'not checked yet' : `last checked ${at}`}`,
    off: 'Queue watch is off (Options → Preferences): only opened tickets and refreshes are known.',
    signIn: (helpdesk: string, host: string) => `Sign in to ${helpdesk} again to keep watching ${host}.`,
    signInLink: (helpdesk: string) => `Open ${helpdesk}`,
    noCredentials: (host: string) =>
      `No application password for ${host}: add one in Options → Assignments to keep watching it.`,
    perHost: 'Per helpdesk',
    lastOk: (at: string) => `last success ${at}`,
    neverOk: 'no successful check yet',
  },
  noPolicy: {
    title: 'No policy assigned yet',
    body: 'Assign a contract policy to your helpdesk in Options to see deadlines here.',
    button: 'Open Options',
  },
  compliance: {
    heading: 'Contract compliance',
    serviceReport: 'Service report (print, export)',
    period: 'Period',
    thisMonth: 'This month',
    last30: 'Last 30 days',
    month: 'Chosen month',
    monthInput: 'Month',
    range: (from: string, to: string, n: number) =>
      `${from} – ${to}: ${n} finished ${n === 1 ? 'ticket' : 'tickets'}`,
    priority: 'Priority',
    metric: 'Metric',
    met: 'Met',
    share: 'Share',
    goal: 'Goal',
    verdict: 'Verdict',
    meets: 'meets goal',
    misses: 'below goal',
    noGoal: 'no goal',
    chart: (share: string, goal: string) => `${share}, goal ${goal}`,
    breaches: (n: number) => (n === 1 ? '1 breach' : `${n} breaches`),
    noBreaches: 'none',
    hideBreaches: 'Hide breaches',
    export: 'Export CSV',
    empty: 'No finished tickets in this period.',
    loading: 'Computing…',
    failed: (why: string) => `Compliance could not be computed: ${why}`,
    closed: 'closed',
  },
  history: {
    button: 'Read from the helpdesk',
    again: 'Read again',
    running: 'Reading finished tickets…',
    observed:
      'Counts the tickets the extension saw finish. Read this period from the helpdesk to count every ticket finished in it.',
    loaded: (time: string) => `Finished tickets read from the helpdesk ${time}.`,
    errors: 'Problems reading from the helpdesk',
  },
};

export type Strings = typeof en;

const nl: Strings = {
  title: 'SLA-wachtrij',
  loading: 'Laden…',
  noAnswer: (why: string) => `De extensie gaf geen antwoord: ${why}`,
  tabs: { queue: 'Wachtrij', compliance: 'Naleving' },
  state: {
    breached: 'Overschreden',
    'at-risk': 'Risico',
    running: 'Loopt',
    paused: 'Gepauzeerd',
    met: 'Gehaald',
    none: 'Geen termijn',
  },
  metric: { response: 'Reactie', resolution: 'Oplossing' },
  measure: { due: 'binnen termijn', goal: 'binnen doel' },
  summary: {
    heading: 'Overzicht',
    overall: 'Alle tickets',
    priority: 'Prioriteit',
    noPriority: 'Geen prioriteit',
    noTier: 'geen niveau',
    breakdown: 'Per beleid en prioriteit',
  },
  filters: {
    label: 'Filters',
    helpdesk: 'Helpdesk',
    policy: 'Beleid',
    state: 'Status',
    all: 'Alle',
    noPolicy: 'Geen beleid',
  },
  queue: {
    label: 'Tickets op tijd tot overschrijding',
    shown: (n: number, total: number) =>
      n === total
        ? n === 1
          ? '1 ticket'
          : `${n} tickets`
        : `${n} van ${total} ${total === 1 ? 'ticket' : 'tickets'}`,
    noDeadline: 'Geen lopende deadline',
    overdue: (d: string) => `${d} geleden`,
    left: (d: string, business: boolean) => (business ? `nog ${d} werktijd` : `nog ${d}`),
    priority: 'Prioriteit',
    policy: 'Beleid',
    due: (moment: string) => `deadline ${moment}`,
    openFailed: (why: string) => `Het ticket kon niet worden geopend: ${why}`,
    sort: 'Volgorde',
    sortBy: { breach: 'Tijd tot overschrijding', priority: 'Prioriteit', age: 'Oudste eerst' },
    export: 'CSV exporteren',
    empty: 'Nog geen tickets. Open een ticket in Zendesk of TOPdesk, of ververs de wachtrij.',
    emptyFiltered: 'Geen tickets voor deze filters.',
  },
  refresh: {
    button: 'Wachtrij verversen',
    running: 'Bezig met verversen…',
    progress: (done: number, total: number | null) =>
      total === null ? `${done} tickets gelezen` : `${done} van ${total} tickets gelezen`,
    waiting: (s: number) => `Helpdesk vraagt ${s} s te wachten…`,
    last: (t: string) => `Laatst ververst ${t}`,
    never: 'Nog niet ververst vanuit de helpdesk',
    errors: 'Problemen bij verversen',
  },
  configUnreadable: {
    title: 'Configuratie kon niet worden gelezen — er is niets gewijzigd',
    body: 'Een deel van de opgeslagen configuratie is niet te lezen; het is ongewijzigd apart bewaard. Open Opties om te zien wat er mis is en het te herstellen of te verwijderen.',
  },
  watch: {
    label: 'Wachtrijbewaking',
    line: (n: number, minutes: number, at: string | null) =>
      `${n} helpdesk${n === 1 ? '' : 's'} bewaakt, elke ${minutes} min · ${at === null ? 'nog niet gecontroleerd' : `laatst gecontroleerd ${at}`}`,
    off: 'Wachtrijbewaking staat uit (Opties → Voorkeuren): alleen geopende en ververste tickets zijn bekend.',
    signIn: (helpdesk: string, host: string) =>
      `Meld je opnieuw aan bij ${helpdesk} om ${host} te blijven bewaken.`,
    signInLink: (helpdesk: string) => `${helpdesk} openen`,
    noCredentials: (host: string) =>
      `Geen applicatiewachtwoord voor ${host}: voeg er een toe in Opties → Toewijzingen om deze te blijven bewaken.`,
    perHost: 'Per helpdesk',
    lastOk: (at: string) => `laatst gelukt ${at}`,
    neverOk: 'nog niet gelukt',
  },
  noPolicy: {
    title: 'Nog geen beleid toegewezen',
    body: 'Wijs in Opties een contractbeleid toe aan je helpdesk om hier termijnen te zien.',
    button: 'Opties openen',
  },
  compliance: {
    heading: 'Contractnaleving',
    serviceReport: 'Servicerapport (afdrukken, exporteren)',
    period: 'Periode',
    thisMonth: 'Deze maand',
    last30: 'Laatste 30 dagen',
    month: 'Gekozen maand',
    monthInput: 'Maand',
    range: (from: string, to: string, n: number) =>
      `${from} – ${to}: ${n === 1 ? '1 afgerond ticket' : `${n} afgeronde tickets`}`,
    priority: 'Prioriteit',
    metric: 'Meting',
    met: 'Gehaald',
    share: 'Aandeel',
    goal: 'Norm',
    verdict: 'Oordeel',
    meets: 'voldoet',
    misses: 'onder de norm',
    noGoal: 'geen norm',
    chart: (share: string, goal: string) => `${share}, norm ${goal}`,
    breaches: (n: number) => (n === 1 ? '1 overschrijding' : `${n} overschrijdingen`),
    noBreaches: 'geen',
    hideBreaches: 'Overschrijdingen verbergen',
    export: 'CSV exporteren',
    empty: 'Geen afgeronde tickets in deze periode.',
    loading: 'Bezig met berekenen…',
    failed: (why: string) => `Naleving kon niet worden berekend: ${why}`,
    closed: 'afgerond',
  },
  history: {
    button: 'Ophalen uit de helpdesk',
    again: 'Opnieuw ophalen',
    running: 'Afgeronde tickets ophalen…',
    observed:
      'Telt de tickets die de extensie zag afronden. Haal deze periode op uit de helpdesk om elk afgerond ticket te tellen.',
    loaded: (time: string) => `Afgeronde tickets opgehaald uit de helpdesk op ${time}.`,
    errors: 'Problemen bij het ophalen',
  },
};

export const strings: { en: Strings; nl: Strings } = { en, nl };
export type Lang = keyof typeof strings;
