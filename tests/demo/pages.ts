/**
 * Fake helpdesk pages for the demo and the e2e suite. They imitate the parts of Zendesk Agent
 * Workspace and the TOPdesk incident card that the extension reads (see lib/helpdesks/<name>/dom.ts
 * for the selectors and the UI variants they serve). The Zendesk page behaves like the real
 * single-page app: ticket tabs switch with history.pushState and the ticket is re-read from the API.
 *
 * Page text is escaped here: the demo deliberately carries a hostile subject to prove the extension
 * renders page data as text.
 */
import { DEMO_SCENARIOS, type DemoScenario } from './scenarios';
import { topdeskNumber, topdeskUuid } from './payloads';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ZENDESK_STYLE = `
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #2f3941; background: #f8f9f9; }
  header { display: flex; gap: 4px; align-items: stretch; background: #03363d; color: #fff; height: 44px; padding: 0 8px; }
  header .brand { font-weight: 700; padding: 12px 12px 0 4px; }
  header a { color: #fff; text-decoration: none; padding: 12px 12px 0; max-width: 180px; overflow: hidden;
             white-space: nowrap; text-overflow: ellipsis; border-bottom: 3px solid transparent; }
  header a[aria-selected="true"] { background: #fff; color: #03363d; border-bottom-color: #1f73b7; }
  main { display: grid; grid-template-columns: 260px 1fr; min-height: calc(100vh - 44px); }
  aside.fields { background: #fff; border-right: 1px solid #d8dcde; padding: 16px; }
  aside.fields label { display: block; font-size: 12px; color: #68737d; margin-top: 12px; }
  aside.fields .value { font-weight: 600; }
  section.conversation { padding: 16px 24px; }
  h1 { font-size: 20px; margin: 0 0 4px; }
`;

/** Zendesk Agent Workspace, ticket view (or dashboard when no ticket is given). */
export function zendeskPage(host: string, active: DemoScenario | undefined): string {
  const tickets = DEMO_SCENARIOS.filter((s) => s.helpdesk === 'zendesk' && s.host === host);
  const tabs = tickets
    .map(
      (s) =>
        `<a href="/agent/tickets/${s.id}" data-test-id="header-tab" data-ticket-id="${s.id}" aria-selected="${
          s === active
        }">#${s.id} ${escapeHtml(s.subject)}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${active ? `#${active.id} – ` : ''}Zendesk Agent Workspace</title>
<style>${ZENDESK_STYLE}</style></head>
<body>
<header role="navigation" data-test-id="header-toolbar"><span class="brand">${escapeHtml(host)}</span>
  <a href="/agent/dashboard" data-test-id="home-tab">Home</a>${tabs}</header>
<main id="workspace" data-ticket-id="${active?.id ?? ''}">
  ${active ? zendeskTicketPane(active) : '<section class="conversation"><h1>Dashboard</h1><p>Geen ticket geopend.</p></section>'}
</main>
<script>
  // The SPA: switch tickets without a page load, as Agent Workspace does.
  async function show(id) {
    const main = document.getElementById('workspace');
    for (const a of document.querySelectorAll('[data-test-id="header-tab"]'))
      a.setAttribute('aria-selected', String(a.dataset.ticketId === String(id)));
    if (!id) { main.dataset.ticketId = ''; main.replaceChildren(); const h = document.createElement('h1'); h.textContent = 'Dashboard'; main.append(h); return; }
    const res = await fetch('/api/v2/tickets/' + id + '.json');
    const { ticket } = await res.json();
    main.dataset.ticketId = String(id);
    main.querySelector('[data-test-id="omni-header-subject"]')?.setAttribute('value', ticket.subject);
    const subj = main.querySelector('[data-test-id="omni-header-subject"]');
    if (subj) subj.value = ticket.subject;
    for (const [key, val] of [['status', ticket.status], ['priority', ticket.priority || '-'], ['type', ticket.type]]) {
      const el = main.querySelector('[data-field="' + key + '"] .value');
      if (el) el.textContent = val;
    }
    document.title = '#' + id + ' – Zendesk Agent Workspace';
  }
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="/agent/"]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    show(a.dataset.ticketId || null);
  });
  addEventListener('popstate', () => { const m = location.pathname.match(/tickets\\/(\\d+)/); show(m ? m[1] : null); });
  // A page keyboard shortcut the extension must leave alone.
  addEventListener('keydown', (e) => { if (e.key === 'j' && e.ctrlKey) document.body.dataset.shortcut = 'fired'; });
</script>
</body></html>`;
}

function zendeskTicketPane(s: DemoScenario): string {
  const field = (key: string, label: string, value: string) =>
    `<div data-field="${key}" data-test-id="ticket-field-${key}"><label>${label}</label><div class="value">${escapeHtml(value)}</div></div>`;
  return `<aside class="fields" data-test-id="ticket-fields">
    ${field('requester', 'Aanvrager', s.requester.name)}
    ${field('organization', 'Organisatie', s.organization)}
    ${field('status', 'Status', s.status)}
    ${field('type', 'Type', s.type === 'question' ? 'question' : 'incident')}
    ${field('priority', 'Prioriteit', s.priority && !s.priority.startsWith('P') ? s.priority : '-')}
  </aside>
  <section class="conversation" data-test-id="ticket-main">
    <input data-test-id="omni-header-subject" aria-label="Onderwerp" value="${escapeHtml(s.subject)}" style="font-size:20px;width:100%;border:0;background:transparent">
    <p>${escapeHtml(s.requester.name)} &lt;${escapeHtml(s.requester.email)}&gt;</p>
    <article data-test-id="omni-log-comment-item"><p>${escapeHtml(s.subject)}</p></article>
  </section>`;
}

const TOPDESK_STYLE = `
  body { margin: 0; font: 13px/1.4 Arial, sans-serif; color: #222; background: #eef1f4; }
  .tdHeader { background: #1b3a5c; color: #fff; padding: 8px 12px; font-weight: bold; }
  .card { background: #fff; margin: 12px; padding: 12px 16px; border: 1px solid #c9d1d9; max-width: 760px; }
  table.fields td { padding: 4px 12px 4px 0; }
  table.fields td.label { color: #555; }
`;

/** TOPdesk classic incident card (`/tas/secure/incident?unid=…`). */
export function topdeskIncidentPage(s: DemoScenario): string {
  const row = (name: string, label: string, value: string) =>
    `<tr><td class="label">${label}</td><td class="value" data-field="${name}" id="field_${name}">${escapeHtml(value)}</td></tr>`;
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Melding ${escapeHtml(topdeskNumber(s))} - TOPdesk</title>
<style>${TOPDESK_STYLE}</style></head>
<body class="incident-card" data-unid="${topdeskUuid(s).replaceAll('-', '')}">
<div class="tdHeader">TOPdesk – Melding <span id="incidentNumber" data-field="number">${escapeHtml(topdeskNumber(s))}</span></div>
<div class="card">
  <h1 id="briefDescription" data-field="briefDescription">${escapeHtml(s.subject)}</h1>
  <table class="fields">
    ${row('caller', 'Aanmelder', s.requester.name)}
    ${row('callerBranch', 'Vestiging', s.organization)}
    ${row('impact', 'Impact', s.impact ?? '')}
    ${row('urgency', 'Urgentie', s.urgency ?? '')}
    ${row('priority', 'Prioriteit', s.priority ?? '')}
    ${row('processingStatus', 'Behandelstatus', s.status)}
  </table>
</div>
</body></html>`;
}

/** TOPdesk operator app shell that loads the incident card in a frame. */
export function topdeskShellPage(s: DemoScenario): string {
  const unid = topdeskUuid(s).replaceAll('-', '');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>TOPdesk</title></head>
<body style="margin:0"><div style="background:#1b3a5c;color:#fff;padding:8px">TOPdesk Operator</div>
<iframe title="Melding" src="/tas/secure/contained/incident?action=show&unid=${unid}" style="border:0;width:100%;height:90vh"></iframe>
</body></html>`;
}
