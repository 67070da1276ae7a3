/**
 * "Test with a ticket"'s words, English and Dutch: the worker answers in the page's language (the
 * same `uiLanguage` decision the Options model carries), so each is a pair.
 */
import { HELPDESKS, HELPDESK_IDS } from '../helpdesks/catalog';

/** "Zendesk hosts end in .zendesk.com and TOPdesk hosts end in .topdesk.net", from the catalog. */
const suffixes = (endIn: string, and: string) =>
  HELPDESK_IDS.map(
    (id) => `${HELPDESKS[id].label}${endIn.startsWith('-') ? '' : ' '}${endIn} ${HELPDESKS[id].hostSuffix}`,
  ).join(` ${and} `);

export type Lang = 'en' | 'nl';
export type Said = Record<Lang, string>;

/** The ticket test's words, in the page's language (the worker's `uiLanguage`, as the page's own). */
export const TEST = {
  saveFirst: (host: string): Said => ({
    en: `${host} has no policy assigned yet: save the assignment first, then test`,
    nl: `${host} heeft nog geen beleid: sla de toewijzing eerst op en test dan`,
  }),
  mapping: (where: string): Said => ({
    en: `the mapping has problems: ${where}`,
    nl: `de koppeling klopt niet: ${where}`,
  }),
  empty: {
    en: 'paste a ticket URL, a saved API response (JSON) or a neutral ticket',
    nl: 'plak een ticket-URL, een opgeslagen API-antwoord (JSON) of een neutraal ticket',
  },
  notJson: (why: string): Said => ({
    en: `not JSON and not a ticket URL: ${why}`,
    nl: `geen JSON en geen ticket-URL: ${why}`,
  }),
  notTicket: (label: string, why: string): Said => ({
    en: `this is neither a ${label} API response nor a neutral ticket (${why}); paste the ticket’s JSON from the API, e.g. /api/v2/tickets/1001.json, or its URL`,
    nl: `dit is geen ${label}-API-antwoord en ook geen neutraal ticket (${why}); plak de JSON van het ticket uit de API, bijv. /api/v2/tickets/1001.json, of de URL`,
  }),
  auditsOnly: {
    en: 'these are only the audits: paste them together with the ticket, as {"ticket": …, "audits": […]}',
    nl: 'dit zijn alleen de audits: plak ze samen met het ticket, als {"ticket": …, "audits": […]}',
  },
  badUrl: (url: string): Said => ({
    en: `${url} is not a web address`,
    nl: `${url} is geen webadres`,
  }),
  unknownHost: (host: string): Said => ({
    en: `${host} is not a helpdesk host the extension knows: ${suffixes('hosts end in', 'and')}; add a helpdesk on your own domain under Hosts first`,
    nl: `${host} is geen helpdeskhost die de extensie kent: ${suffixes('-hosts eindigen op', 'en')}; voeg een helpdesk op uw eigen domein eerst toe onder Hosts`,
  }),
  otherHost: (urlHost: string, host: string): Said => ({
    en: `the URL is a ticket on ${urlHost}, but this is the assignment of ${host}: paste a ticket of ${host}, or test under the assignment of ${urlHost}`,
    nl: `de URL is een ticket op ${urlHost}, maar dit is de toewijzing van ${host}: plak een ticket van ${host}, of test bij de toewijzing van ${urlHost}`,
  }),
  notATicketUrl: (label: string, example: string): Said => ({
    en: `this address does not show a ${label} ticket; a ticket’s address looks like ${example}`,
    nl: `dit adres toont geen ${label}-ticket; het adres van een ticket ziet eruit als ${example}`,
  }),
  notGranted: (host: string): Said => ({
    en: `the extension has no access to ${host}, so it cannot read the ticket: add the host again under Hosts and allow access when the browser asks`,
    nl: `de extensie heeft geen toegang tot ${host} en kan het ticket dus niet lezen: voeg de host opnieuw toe onder Hosts en sta de toegang toe als de browser erom vraagt`,
  }),
  noCredentials: (host: string, why: string): Said => ({
    en: `TOPdesk refused to give the ticket (${why}) and no application password is stored for ${host}: store one under Hosts, then test again`,
    nl: `TOPdesk weigerde het ticket (${why}) en voor ${host} is geen applicatiewachtwoord opgeslagen: sla er een op onder Hosts en test opnieuw`,
  }),
  badCredentials: (host: string, user: string, why: string): Said => ({
    en: `TOPdesk refused the application password of ${user} (${why}): check the user name and password for ${host} under Hosts`,
    nl: `TOPdesk weigerde het applicatiewachtwoord van ${user} (${why}): controleer de gebruikersnaam en het wachtwoord voor ${host} onder Hosts`,
  }),
  signIn: (label: string, host: string, why: string): Said => ({
    en: `${label} refused to give the ticket (${why}): sign in to ${host} in this browser with an account that may see it, then test again`,
    nl: `${label} weigerde het ticket (${why}): meld u in deze browser aan bij ${host} met een account dat het mag zien en test opnieuw`,
  }),
  notFound: (id: string, host: string, why: string): Said => ({
    en: `there is no ticket ${id} on ${host} (${why}); check the URL`,
    nl: `er is geen ticket ${id} op ${host} (${why}); controleer de URL`,
  }),
  readFailed: (host: string, why: string): Said => ({
    en: `the ticket could not be read from ${host}: ${why}; try again, or paste the API response instead`,
    nl: `het ticket kon niet gelezen worden van ${host}: ${why}; probeer het opnieuw, of plak het API-antwoord`,
  }),
  unreadable: (label: string, why: string): Said => ({
    en: `the ${label} ticket could not be mapped: ${why}`,
    nl: `het ${label}-ticket kon niet gekoppeld worden: ${why}`,
  }),
  notInEffect: (id: string, host: string): Said => ({
    en: `the policy "${id}" assigned to ${host} is not in effect`,
    nl: `het beleid "${id}" van ${host} is niet actief`,
  }),
  readFrom: (key: string, host: string): Said => ({
    en: `read ${key} from ${host} through its API, with the mapping shown above`,
    nl: `${key} gelezen van ${host} via de API, met de koppeling hierboven`,
  }),
  mapped: (label: string, key: string): Said => ({
    en: `read ${key ? `${key} ` : ''}as a ${label} API response, with the mapping shown above`,
    nl: `${key ? `${key} ` : ''}gelezen als ${label}-API-antwoord, met de koppeling hierboven`,
  }),
  noAudits: {
    en: 'no audits were pasted, so replies and status changes are unknown: paste {"ticket": …, "audits": […]} (or the ticket’s URL) for its whole history',
    nl: 'er zijn geen audits geplakt, dus antwoorden en statuswijzigingen zijn onbekend: plak {"ticket": …, "audits": […]} (of de URL van het ticket) voor de hele geschiedenis',
  },
  neutral: {
    en: 'read as a neutral ticket (the engine’s own format): the mapping is not used',
    nl: 'gelezen als neutraal ticket (het eigen formaat van de rekenkern): de koppeling wordt niet gebruikt',
  },
  noDeadlines: (why: string): Said => ({
    en: `no deadlines: ${why}`,
    nl: `geen deadlines: ${why}`,
  }),
};
