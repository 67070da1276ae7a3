/**
 * Sidebar fixtures: evaluations as the engine returns them (captured from `evaluate` on the seed
 * policies on Mon 9 Feb 2026 and checked by hand; open intervals trimmed to the deadline), the
 * policies' labels and matrices, and ready-to-render sidebar models for every state. Used by the
 * component tests and the SidebarGallery. Valid per lib/sla/types.ts (the typecheck proves it).
 */
import type { Evaluation } from '../../lib/sla/types.ts';
import type { SidebarLabels, SidebarMatrix } from '../../lib/messaging/sidebar.ts';

export const mextraRunning: Evaluation = {
  policy: 'mextra',
  policyName: 'Mextra',
  tier: 'standard',
  type: 'incident',
  priority: 'high',
  suggestedPriority: null,
  origin: {
    tier: 'default',
    type: 'mapping',
    priority: 'field',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-09T15:30:00+01:00',
  metrics: {
    resolution: {
      metric: 'resolution',
      state: 'running',
      dueAt: '2026-02-11T10:00:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T10:00:00+01:00',
      stoppedAt: null,
      targetLabel: '2 business days',
      targetMs: 61200000,
      elapsedMs: 19800000,
      remainingMs: 41400000,
      elapsedShare: 0.3235294117647059,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.high.resolution',
      source:
        '6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen)',
      dueMs: 1770800400000,
      goalAt: '2026-02-10T10:00:00+01:00',
      goalMs: 1770714000000,
      goalPercent: 90,
      goalLabel: '1 business day',
      goalState: 'pending',
      atRiskAt: '2026-02-10T14:15:00+01:00',
      openIntervals: [
        [1770647400000, 1770654600000],
        [1770710400000, 1770741000000],
        [1770796800000, 1770800400000],
      ],
    },
  },
  explanation:
    'Mextra: type Incident, tier Standard SLA, priority High.\nCreated Mon 9 Feb 2026 10:00 (Europe/Amsterdam).\nThe clock started at creation: the Service Window 1 calendar was open.\nResolution: due 2 business days → Wed 11 Feb 2026 10:00; goal (90%) 1 business day → Tue 10 Feb 2026 10:00. Running, 11 h 30 min of business time left, goal pending.\n  Contract section 6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen).\nEscalation: If resolution times are not met, the customer may ask for an interim incident meeting. (Servicedesk 024 – 20 22 0 91 (Service Window 1))',
  escalation: {
    text: 'If resolution times are not met, the customer may ask for an interim incident meeting.',
    contact: 'Servicedesk 024 – 20 22 0 91 (Service Window 1)',
  },
};

export const mextraRunningNl: Evaluation = {
  policy: 'mextra',
  policyName: 'Mextra',
  tier: 'standard',
  type: 'incident',
  priority: 'high',
  suggestedPriority: null,
  origin: {
    tier: 'default',
    type: 'mapping',
    priority: 'field',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-09T15:30:00+01:00',
  metrics: {
    resolution: {
      metric: 'resolution',
      state: 'running',
      dueAt: '2026-02-11T10:00:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T10:00:00+01:00',
      stoppedAt: null,
      targetLabel: '2 werkdagen',
      targetMs: 61200000,
      elapsedMs: 19800000,
      remainingMs: 41400000,
      elapsedShare: 0.3235294117647059,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.high.resolution',
      source:
        '6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen)',
      dueMs: 1770800400000,
      goalAt: '2026-02-10T10:00:00+01:00',
      goalMs: 1770714000000,
      goalPercent: 90,
      goalLabel: '1 werkdag',
      goalState: 'pending',
      atRiskAt: '2026-02-10T14:15:00+01:00',
      openIntervals: [
        [1770647400000, 1770654600000],
        [1770710400000, 1770741000000],
        [1770796800000, 1770800400000],
      ],
    },
  },
  explanation:
    'Mextra: type Incident, niveau Standaard SLA, prioriteit Hoog.\nAangemaakt ma 9 feb 2026 10:00 (Europe/Amsterdam).\nDe klok liep vanaf het aanmaken: de kalender Service Window 1 was open.\nOplossing: uiterlijk 2 werkdagen → wo 11 feb 2026 10:00; doel (90%) 1 werkdag → di 10 feb 2026 10:00. Loopt, nog 11 u 30 min werktijd, doel loopt.\n  Contractsectie 6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen).\nEscalatie: Worden de oplostijden niet gehaald, dan kan de klant om een tussentijds incidentoverleg verzoeken. (Servicedesk 024 – 20 22 0 91 (Service Window 1))',
  escalation: {
    text: 'Worden de oplostijden niet gehaald, dan kan de klant om een tussentijds incidentoverleg verzoeken.',
    contact: 'Servicedesk 024 – 20 22 0 91 (Service Window 1)',
  },
};

export const mextraAtRisk: Evaluation = {
  policy: 'mextra',
  policyName: 'Mextra',
  tier: 'standard',
  type: 'incident',
  priority: 'high',
  suggestedPriority: null,
  origin: {
    tier: 'default',
    type: 'mapping',
    priority: 'field',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-10T14:30:00+01:00',
  metrics: {
    resolution: {
      metric: 'resolution',
      state: 'running',
      dueAt: '2026-02-11T10:00:00+01:00',
      atRisk: true,
      clockStartedAt: '2026-02-09T10:00:00+01:00',
      stoppedAt: null,
      targetLabel: '2 business days',
      targetMs: 61200000,
      elapsedMs: 46800000,
      remainingMs: 14400000,
      elapsedShare: 0.7647058823529411,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.high.resolution',
      source:
        '6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen)',
      dueMs: 1770800400000,
      goalAt: '2026-02-10T10:00:00+01:00',
      goalMs: 1770714000000,
      goalPercent: 90,
      goalLabel: '1 business day',
      goalState: 'missed',
      atRiskAt: '2026-02-10T14:15:00+01:00',
      openIntervals: [
        [1770730200000, 1770741000000],
        [1770796800000, 1770800400000],
      ],
    },
  },
  explanation:
    'Mextra: type Incident, tier Standard SLA, priority High.\nCreated Mon 9 Feb 2026 10:00 (Europe/Amsterdam).\nThe clock started at creation: the Service Window 1 calendar was open.\nResolution: due 2 business days → Wed 11 Feb 2026 10:00; goal (90%) 1 business day → Tue 10 Feb 2026 10:00. Running, 4 h of business time left, goal missed.\n  Contract section 6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen).\nEscalation: If resolution times are not met, the customer may ask for an interim incident meeting. (Servicedesk 024 – 20 22 0 91 (Service Window 1))',
  escalation: {
    text: 'If resolution times are not met, the customer may ask for an interim incident meeting.',
    contact: 'Servicedesk 024 – 20 22 0 91 (Service Window 1)',
  },
};

export const mextraPaused: Evaluation = {
  policy: 'mextra',
  policyName: 'Mextra',
  tier: 'standard',
  type: 'incident',
  priority: 'high',
  suggestedPriority: null,
  origin: {
    tier: 'default',
    type: 'mapping',
    priority: 'field',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-09T15:30:00+01:00',
  metrics: {
    resolution: {
      metric: 'resolution',
      state: 'paused',
      dueAt: '2026-02-11T11:28:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T10:00:00+01:00',
      stoppedAt: null,
      targetLabel: '2 business days',
      targetMs: 61200000,
      elapsedMs: 14520000,
      remainingMs: 46680000,
      elapsedShare: 0.2372549019607843,
      pauses: [
        {
          from: '2026-02-09T14:02:00+01:00',
          to: null,
          status: 'pending',
        },
      ],
      businessTime: true,
      rule: 'targets.incident.standard.high.resolution',
      source:
        '6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen)',
      dueMs: 1770805680000,
      goalAt: '2026-02-10T11:28:00+01:00',
      goalMs: 1770719280000,
      goalPercent: 90,
      goalLabel: '1 business day',
      goalState: 'pending',
      atRiskAt: '2026-02-10T15:43:00+01:00',
      idle: {
        reason: 'paused',
        since: '2026-02-09T14:02:00+01:00',
      },
      openIntervals: [
        [1770647400000, 1770654600000],
        [1770710400000, 1770741000000],
        [1770796800000, 1770805680000],
      ],
    },
  },
  explanation:
    'Mextra: type Incident, tier Standard SLA, priority High.\nCreated Mon 9 Feb 2026 10:00 (Europe/Amsterdam).\nThe clock started at creation: the Service Window 1 calendar was open.\nResolution: due 2 business days → Wed 11 Feb 2026 11:28; goal (90%) 1 business day → Tue 10 Feb 2026 11:28. Paused, 12 h 58 min of business time left, goal pending.\n  Not counted while pending: Mon 9 Feb 2026 14:02 – now (1 h 28 min).\n  Contract section 6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen).\nEscalation: If resolution times are not met, the customer may ask for an interim incident meeting. (Servicedesk 024 – 20 22 0 91 (Service Window 1))',
  escalation: {
    text: 'If resolution times are not met, the customer may ask for an interim incident meeting.',
    contact: 'Servicedesk 024 – 20 22 0 91 (Service Window 1)',
  },
};

export const mextraClosed: Evaluation = {
  policy: 'mextra',
  policyName: 'Mextra',
  tier: 'standard',
  type: 'incident',
  priority: 'high',
  suggestedPriority: null,
  origin: {
    tier: 'default',
    type: 'tag',
    priority: 'field',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-07T11:00:00+01:00',
  metrics: {
    resolution: {
      metric: 'resolution',
      state: 'running',
      dueAt: '2026-02-10T10:00:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-06T10:00:00+01:00',
      stoppedAt: null,
      targetLabel: '2 business days',
      targetMs: 61200000,
      elapsedMs: 27000000,
      remainingMs: 34200000,
      elapsedShare: 0.4411764705882353,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.high.resolution',
      source:
        '6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen)',
      dueMs: 1770714000000,
      goalAt: '2026-02-09T10:00:00+01:00',
      goalMs: 1770627600000,
      goalPercent: 90,
      goalLabel: '1 business day',
      goalState: 'pending',
      atRiskAt: '2026-02-09T14:15:00+01:00',
      idle: {
        reason: 'closed-hours',
        until: '2026-02-09T09:00:00+01:00',
        since: '2026-02-06T17:30:00+01:00',
      },
      openIntervals: [
        [1770624000000, 1770654600000],
        [1770710400000, 1770714000000],
      ],
    },
  },
  explanation:
    'Mextra: type Incident, tier Standard SLA, priority High.\nCreated Fri 6 Feb 2026 10:00 (Europe/Amsterdam).\nThe clock started at creation: the Service Window 1 calendar was open.\nResolution: due 2 business days → Tue 10 Feb 2026 10:00; goal (90%) 1 business day → Mon 9 Feb 2026 10:00. Running, 9 h 30 min of business time left, goal pending.\n  The calendar is closed now; the clock resumes Mon 9 Feb 2026 09:00.\n  Contract section 6.1 Definitie prioriteiten en oplostijden incidenten (Hoog: 90% < 1 werkdag, 100% < 2 werkdagen).\nEscalation: If resolution times are not met, the customer may ask for an interim incident meeting. (Servicedesk 024 – 20 22 0 91 (Service Window 1))',
  escalation: {
    text: 'If resolution times are not met, the customer may ask for an interim incident meeting.',
    contact: 'Servicedesk 024 – 20 22 0 91 (Service Window 1)',
  },
};

export const membroBreached: Evaluation = {
  policy: 'membro',
  policyName: 'Membro',
  tier: 'premium',
  type: 'incident',
  priority: 'critical',
  suggestedPriority: 'critical',
  origin: {
    tier: 'mapping',
    type: 'ticket',
    priority: 'matrix',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-09T15:30:00+01:00',
  metrics: {
    response: {
      metric: 'response',
      state: 'breached',
      dueAt: '2026-02-09T10:00:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: null,
      targetLabel: '1 business hour',
      targetMs: 3600000,
      elapsedMs: 23400000,
      remainingMs: -19800000,
      elapsedShare: 6.5,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.premium.critical.response',
      source: '1.8 (Kritiek, Premium: < 1 kantooruur)',
      dueMs: 1770627600000,
    },
    resolution: {
      metric: 'resolution',
      state: 'breached',
      dueAt: '2026-02-09T13:00:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: null,
      targetLabel: '4 hours',
      targetMs: 14400000,
      elapsedMs: 23400000,
      remainingMs: -9000000,
      elapsedShare: 1.625,
      pauses: [],
      businessTime: false,
      rule: 'targets.incident.premium.critical.resolution',
      source: '1.8 (Kritiek, Premium: < 4 uur)',
      dueMs: 1770638400000,
    },
  },
  explanation:
    "Membro: type Incident, tier Premium, priority Critical — from the impact × urgency matrix.\nThe matrix suggests Critical (impact High × urgency High).\nCreated Mon 9 Feb 2026 09:00 (Europe/Amsterdam).\nThe clock started at creation: the Premium (Mon–Sun 7:00–21:00) calendar was open.\nResponse: due 1 business hour → Mon 9 Feb 2026 10:00. Breached, 5 h 30 min of business time over.\n  Contract section 1.8 (Kritiek, Premium: < 1 kantooruur).\nResolution: due 4 hours → Mon 9 Feb 2026 13:00. Breached, 2 h 30 min of time over.\n  Contract section 1.8 (Kritiek, Premium: < 4 uur).\nEscalation: Critical incidents reported in the Support Portal must be followed by a call to the Support Phone. Escalate once the response or resolution time has passed, by e-mail with the association's name and the ticket number. (escalatie@membro.nl)",
  matrix: {
    impact: 'high',
    urgency: 'high',
    uncapped: 'critical',
    capped: null,
    missing: [],
  },
  escalation: {
    text: "Critical incidents reported in the Support Portal must be followed by a call to the Support Phone. Escalate once the response or resolution time has passed, by e-mail with the association's name and the ticket number.",
    contact: 'escalatie@membro.nl',
  },
};

export const membroCapped: Evaluation = {
  policy: 'membro',
  policyName: 'Membro',
  tier: 'standard',
  type: 'incident',
  priority: 'medium',
  suggestedPriority: 'critical',
  origin: {
    tier: 'mapping',
    type: 'ticket',
    priority: 'field',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-09T09:30:00+01:00',
  metrics: {
    response: {
      metric: 'response',
      state: 'running',
      dueAt: '2026-02-10T17:00:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: null,
      targetLabel: 'next business day',
      targetMs: 57600000,
      elapsedMs: 1800000,
      remainingMs: 55800000,
      elapsedShare: 0.03125,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.medium.response',
      source: '1.8 (Middel, Standaard: Volgende werkdag)',
      dueMs: 1770739200000,
      atRiskAt: '2026-02-10T13:00:00+01:00',
      openIntervals: [
        [1770625800000, 1770652800000],
        [1770710400000, 1770739200000],
      ],
    },
    resolution: {
      metric: 'resolution',
      state: 'none',
      dueAt: null,
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: null,
      targetLabel: 'Redelijke inspanning',
      targetMs: null,
      elapsedMs: null,
      remainingMs: null,
      elapsedShare: null,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.medium.resolution',
      source: '1.8 (Middel: Redelijke inspanning)',
    },
  },
  explanation:
    "Membro: type Incident, tier Standard, priority Medium.\nThe matrix suggests Critical (impact High × urgency High).\nA workaround is in place, so priority High is capped at Medium.\nCreated Mon 9 Feb 2026 09:00 (Europe/Amsterdam).\nThe clock started at creation: the Standard (Mon–Fri 9:00–17:00) calendar was open.\nResponse: due next business day → Tue 10 Feb 2026 17:00. Running, 15 h 30 min of business time left.\n  Contract section 1.8 (Middel, Standaard: Volgende werkdag).\nResolution: no deadline (Redelijke inspanning).\n  Contract section 1.8 (Middel: Redelijke inspanning).\nEscalation: Escalate once the SLA response or resolution time has passed (or on tangible production impact), by e-mail with the association's name and the Support ticket number; e-mail without a ticket is not accepted. (escalatie@membro.nl)",
  matrix: {
    impact: 'high',
    urgency: 'high',
    uncapped: 'high',
    capped: {
      by: 'workaround',
      to: 'medium',
    },
    missing: [],
  },
  escalation: {
    text: "Escalate once the SLA response or resolution time has passed (or on tangible production impact), by e-mail with the association's name and the Support ticket number; e-mail without a ticket is not accepted.",
    contact: 'escalatie@membro.nl',
  },
};

export const membroNone: Evaluation = {
  policy: 'membro',
  policyName: 'Membro',
  tier: 'standard',
  type: 'incident',
  priority: 'low',
  suggestedPriority: 'low',
  origin: {
    tier: 'mapping',
    type: 'ticket',
    priority: 'matrix',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-09T09:30:00+01:00',
  metrics: {
    response: {
      metric: 'response',
      state: 'none',
      dueAt: null,
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: null,
      targetLabel: 'Redelijke inspanning',
      targetMs: null,
      elapsedMs: null,
      remainingMs: null,
      elapsedShare: null,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.low.response',
      source: '1.8 (Laag, Standaard: Redelijke inspanning)',
    },
    resolution: {
      metric: 'resolution',
      state: 'none',
      dueAt: null,
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: null,
      targetLabel: 'Eigen planning',
      targetMs: null,
      elapsedMs: null,
      remainingMs: null,
      elapsedShare: null,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.low.resolution',
      source: '1.8 (Laag: Eigen planning)',
    },
  },
  explanation:
    "Membro: type Incident, tier Standard, priority Low — from the impact × urgency matrix.\nThe matrix suggests Low (impact Low × urgency Low).\nCreated Mon 9 Feb 2026 09:00 (Europe/Amsterdam).\nThe clock started at creation: the Standard (Mon–Fri 9:00–17:00) calendar was open.\nResponse: no deadline (Redelijke inspanning).\n  Contract section 1.8 (Laag, Standaard: Redelijke inspanning).\nResolution: no deadline (Eigen planning).\n  Contract section 1.8 (Laag: Eigen planning).\nEscalation: Escalate once the SLA response or resolution time has passed (or on tangible production impact), by e-mail with the association's name and the Support ticket number; e-mail without a ticket is not accepted. (escalatie@membro.nl)",
  matrix: {
    impact: 'low',
    urgency: 'low',
    uncapped: 'low',
    capped: null,
    missing: [],
  },
  escalation: {
    text: "Escalate once the SLA response or resolution time has passed (or on tangible production impact), by e-mail with the association's name and the Support ticket number; e-mail without a ticket is not accepted.",
    contact: 'escalatie@membro.nl',
  },
};

export const w365Exempt: Evaluation = {
  policy: 'workspace365',
  policyName: 'Workspace 365',
  tier: 'extended',
  type: 'incident',
  priority: 'P1',
  suggestedPriority: null,
  origin: {
    tier: 'mapping',
    type: 'ticket',
    priority: 'field',
  },
  customerMayOverride: false,
  timezone: 'Europe/Amsterdam',
  evaluatedAt: '2026-02-09T11:00:00+01:00',
  metrics: {
    response: {
      metric: 'response',
      state: 'breached',
      dueAt: '2026-02-09T09:05:00+01:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: '2026-02-09T09:10:00+01:00',
      targetLabel: '5 business minutes',
      targetMs: 300000,
      elapsedMs: 600000,
      remainingMs: -300000,
      elapsedShare: 2,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.*.P1.response',
      source: 'Ticketprioriteit, matrix Prioriteit/Oplostijden/Responsetijd',
      dueMs: 1770624300000,
    },
    resolution: {
      metric: 'resolution',
      state: 'none',
      dueAt: null,
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00+01:00',
      stoppedAt: null,
      targetLabel: '4 business hours',
      targetMs: null,
      elapsedMs: null,
      remainingMs: null,
      elapsedShare: null,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.*.P1.resolution',
      source: 'Ticketprioriteit, matrix Prioriteit/Oplostijden/Responsetijd',
      exempt: {
        reason: 'the P1 can only be solved with a hotfix, so the 4-hour resolution time lapses',
        source:
          'Ticketprioriteit ("Als een P1 alleen kan worden opgelost met de implementatie van een hotfix, vervalt de 4 uur")',
      },
    },
  },
  explanation:
    'Workspace 365: type Support ticket, tier Extended support, priority Priority 1.\nCreated Mon 9 Feb 2026 09:00 (Europe/Amsterdam).\nThe clock started at creation: the Office hours (Mon–Fri 08:00–18:00) calendar was open.\nResponse: due 5 business minutes → Mon 9 Feb 2026 09:05. Breached, stopped Mon 9 Feb 2026 09:10.\n  Contract section Ticketprioriteit, matrix Prioriteit/Oplostijden/Responsetijd.\nResolution: no deadline: exempt — the P1 can only be solved with a hotfix, so the 4-hour resolution time lapses.\n  Contract section Ticketprioriteit, matrix Prioriteit/Oplostijden/Responsetijd.\nEscalation: 24x7 escalation phone for priority extended support, only after the ticket has been registered via the portal form or by e-mail. P1 calls are free. (escalation phone number of Workspace 365 extended support (the number is not in the contract))',
  matrix: {
    uncapped: 'P1',
    capped: null,
    missing: ['impact', 'urgency'],
  },
  escalation: {
    text: '24x7 escalation phone for priority 1 (extended support), only after the ticket has been registered via the portal form or by e-mail. P1 calls are free.',
    contact: 'escalation phone number of Workspace 365 extended support (the number is not in the contract)',
  },
};

export const zmandaMet: Evaluation = {
  policy: 'zmanda',
  policyName: 'Zmanda',
  tier: 'standard',
  type: 'incident',
  priority: 'P3',
  suggestedPriority: 'P2',
  origin: {
    tier: 'tag',
    type: 'ticket',
    priority: 'field',
  },
  customerMayOverride: true,
  timezone: 'America/New_York',
  evaluatedAt: '2026-02-09T11:00:00-05:00',
  metrics: {
    response: {
      metric: 'response',
      state: 'met',
      dueAt: '2026-02-09T17:00:00-05:00',
      atRisk: false,
      clockStartedAt: '2026-02-09T09:00:00-05:00',
      stoppedAt: '2026-02-09T10:00:00-05:00',
      targetLabel: '8 business hours',
      targetMs: 28800000,
      elapsedMs: 3600000,
      remainingMs: 25200000,
      elapsedShare: 0.125,
      pauses: [],
      businessTime: true,
      rule: 'targets.incident.standard.P3.response',
      source: "Doel-SLA's voor ondersteuning van tickets (P3 Standaard: 8 uur)",
      dueMs: 1770674400000,
    },
  },
  explanation:
    "Zmanda: type Support ticket, tier Standard, priority P3 Medium impact.\nThe matrix suggests P2 High impact (impact High impact × urgency Medium).\nThe contract lets the customer override the priority.\nCreated Mon 9 Feb 2026 09:00 (America/New_York).\nThe clock started at creation: the Office hours (Mon–Fri 8–5, local time) calendar was open.\nResponse: due 8 business hours → Mon 9 Feb 2026 17:00. Met, stopped Mon 9 Feb 2026 10:00.\n  Contract section Doel-SLA's voor ondersteuning van tickets (P3 Standaard: 8 uur).",
  matrix: {
    impact: 'high',
    urgency: 'medium',
    uncapped: 'P3',
    capped: null,
    missing: [],
  },
};

export const zmandaMissing: Evaluation = {
  policy: 'zmanda',
  policyName: 'Zmanda',
  tier: 'standard',
  type: 'incident',
  priority: null,
  suggestedPriority: null,
  origin: {
    tier: 'tag',
    type: 'ticket',
    priority: 'none',
  },
  customerMayOverride: true,
  timezone: 'America/New_York',
  evaluatedAt: '2026-02-09T05:00:00-05:00',
  metrics: {
    response: {
      metric: 'response',
      state: 'none',
      dueAt: null,
      atRisk: false,
      clockStartedAt: '2026-02-09T08:00:00-05:00',
      stoppedAt: null,
      targetLabel: 'no priority set',
      targetMs: null,
      elapsedMs: null,
      remainingMs: null,
      elapsedShare: null,
      pauses: [],
      businessTime: true,
    },
  },
  explanation:
    'Zmanda: type Support ticket, tier Standard, no priority (none set on the ticket and the matrix cannot suggest one).\nThe matrix cannot suggest a priority: urgency missing.\nThe contract lets the customer override the priority.\nCreated Mon 9 Feb 2026 03:00 (America/New_York).\nThe clock started Mon 9 Feb 2026 08:00: the first moment the Office hours (Mon–Fri 8–5, local time) calendar is open after creation.\nResponse: no deadline until a priority is set.',
  matrix: {
    impact: 'high',
    uncapped: null,
    capped: null,
    missing: ['urgency'],
  },
};

export const mextraLabels: SidebarLabels = {
  priorities: {
    urgent: {
      nl: 'Urgent',
      en: 'Urgent',
    },
    high: {
      nl: 'Hoog',
      en: 'High',
    },
    normal: {
      nl: 'Normaal',
      en: 'Normal',
    },
    low: {
      nl: 'Laag',
      en: 'Low',
    },
  },
  tiers: {
    standard: {
      nl: 'Standaard SLA',
      en: 'Standard SLA',
    },
  },
  types: {
    incident: {
      nl: 'Incident',
      en: 'Incident',
    },
    question: {
      nl: 'Vraag',
      en: 'Question',
    },
    change: {
      nl: 'Wijzigingsvoorstel (RFC)',
      en: 'Change request (RFC)',
    },
  },
  impacts: {},
  urgencies: {},
};

export const membroLabels: SidebarLabels = {
  priorities: {
    critical: {
      nl: 'Kritiek',
      en: 'Critical',
    },
    high: {
      nl: 'Hoog',
      en: 'High',
    },
    medium: {
      nl: 'Middel',
      en: 'Medium',
    },
    low: {
      nl: 'Laag',
      en: 'Low',
    },
  },
  tiers: {
    standard: {
      nl: 'Standaard',
      en: 'Standard',
    },
    premium: {
      nl: 'Premium',
      en: 'Premium',
    },
  },
  types: {
    incident: {
      nl: 'Incident',
      en: 'Incident',
    },
    change: {
      nl: 'Wijzigingsverzoek',
      en: 'Change request',
    },
  },
  impacts: {
    high: {
      nl: 'Hoog',
      en: 'High',
    },
    medium: {
      nl: 'Middel',
      en: 'Medium',
    },
    low: {
      nl: 'Laag',
      en: 'Low',
    },
  },
  urgencies: {
    high: {
      nl: 'Hoog',
      en: 'High',
    },
    medium: {
      nl: 'Middel',
      en: 'Medium',
    },
    low: {
      nl: 'Laag',
      en: 'Low',
    },
  },
};

export const membroMatrix: SidebarMatrix = {
  impacts: [
    {
      id: 'high',
      label: {
        nl: 'Hoog',
        en: 'High',
      },
    },
    {
      id: 'medium',
      label: {
        nl: 'Middel',
        en: 'Medium',
      },
    },
    {
      id: 'low',
      label: {
        nl: 'Laag',
        en: 'Low',
      },
    },
  ],
  urgencies: [
    {
      id: 'high',
      label: {
        nl: 'Hoog',
        en: 'High',
      },
    },
    {
      id: 'medium',
      label: {
        nl: 'Middel',
        en: 'Medium',
      },
    },
    {
      id: 'low',
      label: {
        nl: 'Laag',
        en: 'Low',
      },
    },
  ],
  cells: {
    high: {
      high: 'critical',
      medium: 'high',
      low: 'medium',
    },
    medium: {
      high: 'high',
      medium: 'medium',
      low: 'low',
    },
    low: {
      high: 'medium',
      medium: 'low',
      low: 'low',
    },
  },
  source: '1.6.3 Prioriteitsniveaus',
};

export const w365Labels: SidebarLabels = {
  priorities: {
    P1: {
      nl: 'Prioriteit 1',
      en: 'Priority 1',
    },
    P2: {
      nl: 'Prioriteit 2',
      en: 'Priority 2',
    },
    P3: {
      nl: 'Prioriteit 3',
      en: 'Priority 3',
    },
    P4: {
      nl: 'Prioriteit 4',
      en: 'Priority 4',
    },
  },
  tiers: {
    basic: {
      nl: 'Basis ondersteuning',
      en: 'Basic support',
    },
    extended: {
      nl: 'Uitgebreide ondersteuning',
      en: 'Extended support',
    },
  },
  types: {
    incident: {
      nl: 'Ondersteuningsticket',
      en: 'Support ticket',
    },
  },
  impacts: {
    organization: {
      nl: 'Organisatie',
      en: 'Organization',
    },
    department: {
      nl: 'Afdeling',
      en: 'Department',
    },
    'multiple-users': {
      nl: 'Meerdere gebruikers',
      en: 'Multiple users',
    },
    'single-user': {
      nl: 'Enkele gebruiker',
      en: 'Single user',
    },
  },
  urgencies: {
    high: {
      nl: 'Hoog',
      en: 'High',
    },
    normal: {
      nl: 'Normaal',
      en: 'Normal',
    },
    low: {
      nl: 'Laag',
      en: 'Low',
    },
  },
};

export const w365Matrix: SidebarMatrix = {
  impacts: [
    {
      id: 'organization',
      label: {
        nl: 'Organisatie',
        en: 'Organization',
      },
    },
    {
      id: 'department',
      label: {
        nl: 'Afdeling',
        en: 'Department',
      },
    },
    {
      id: 'multiple-users',
      label: {
        nl: 'Meerdere gebruikers',
        en: 'Multiple users',
      },
    },
    {
      id: 'single-user',
      label: {
        nl: 'Enkele gebruiker',
        en: 'Single user',
      },
    },
  ],
  urgencies: [
    {
      id: 'high',
      label: {
        nl: 'Hoog',
        en: 'High',
      },
    },
    {
      id: 'normal',
      label: {
        nl: 'Normaal',
        en: 'Normal',
      },
    },
    {
      id: 'low',
      label: {
        nl: 'Laag',
        en: 'Low',
      },
    },
  ],
  cells: {
    organization: {
      high: 'P1',
      normal: 'P2',
      low: 'P3',
    },
    department: {
      high: 'P2',
      normal: 'P3',
      low: 'P4',
    },
    'multiple-users': {
      high: 'P2',
      normal: 'P3',
      low: 'P4',
    },
    'single-user': {
      high: 'P3',
      normal: 'P4',
      low: 'P4',
    },
  },
  source: 'Ticketprioriteit ("Prioriteit wordt bepaald op basis van impact x urgentie")',
};

export const zmandaLabels: SidebarLabels = {
  priorities: {
    P1: {
      nl: 'P1 Kritische impact',
      en: 'P1 Critical impact',
    },
    P2: {
      nl: 'P2 Hoge impact',
      en: 'P2 High impact',
    },
    P3: {
      nl: 'P3 Gemiddelde impact',
      en: 'P3 Medium impact',
    },
    P4: {
      nl: 'P4 Lage impact',
      en: 'P4 Low impact',
    },
  },
  tiers: {
    standard: {
      nl: 'Standaard',
      en: 'Standard',
    },
    premium: {
      nl: 'Premium (eersteklas)',
      en: 'Premium',
    },
    community: {
      nl: 'Amanda Community',
      en: 'Amanda Community',
    },
  },
  types: {
    incident: {
      nl: 'Supportticket',
      en: 'Support ticket',
    },
  },
  impacts: {
    high: {
      nl: 'Hoge impact',
      en: 'High impact',
    },
    medium: {
      nl: 'Gemiddelde impact',
      en: 'Medium impact',
    },
    low: {
      nl: 'Lage impact',
      en: 'Low impact',
    },
  },
  urgencies: {
    high: {
      nl: 'Hoog',
      en: 'High',
    },
    medium: {
      nl: 'Medium',
      en: 'Medium',
    },
    low: {
      nl: 'Laag',
      en: 'Low',
    },
  },
};

export const zmandaMatrix: SidebarMatrix = {
  impacts: [
    {
      id: 'high',
      label: {
        nl: 'Hoge impact',
        en: 'High impact',
      },
    },
    {
      id: 'medium',
      label: {
        nl: 'Gemiddelde impact',
        en: 'Medium impact',
      },
    },
    {
      id: 'low',
      label: {
        nl: 'Lage impact',
        en: 'Low impact',
      },
    },
  ],
  urgencies: [
    {
      id: 'high',
      label: {
        nl: 'Hoog',
        en: 'High',
      },
    },
    {
      id: 'medium',
      label: {
        nl: 'Medium',
        en: 'Medium',
      },
    },
    {
      id: 'low',
      label: {
        nl: 'Laag',
        en: 'Low',
      },
    },
  ],
  cells: {
    high: {
      high: 'P1',
      medium: 'P2',
      low: 'P3',
    },
    medium: {
      high: 'P2',
      medium: 'P3',
      low: 'P4',
    },
    low: {
      high: 'P3',
      medium: 'P4',
      low: 'P4',
    },
  },
  source: 'Ondersteuning van ticketprioriteitsniveaus (Urgentie × impact)',
};
