/**
 * The sidebar's styles: one string for the Shadow DOM (pass it as `css` to createShadowRootUi).
 * It sits below the helpdesk's own dialogs and menus (z-index 999: Bootstrap-style modals start at
 * 1040, MUI's at 1300, and the audit's test dialog at 10000), and is at most 22% of the viewport wide.
 * The host is reset with `all: initial !important` (inner !important beats a hostile page's
 * `* { display:none !important }` on the host); nothing here reaches the page. Colours come from
 * PALETTES, whose text/background pairs are tested for ≥ 4.5:1 contrast.
 */

export interface Palette {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  good: string;
  goodBg: string;
  warn: string;
  warnBg: string;
  bad: string;
  badBg: string;
  track: string;
  fill: string;
}

export const PALETTES: { light: Palette; dark: Palette } = {
  light: {
    bg: '#ffffff',
    surface: '#f6f8fa',
    text: '#1f2328',
    muted: '#57606a',
    border: '#8c959f',
    accent: '#0b57d0',
    good: '#176b2f',
    goodBg: '#e6f4ea',
    warn: '#8a4600',
    warnBg: '#fff4e0',
    bad: '#b3261e',
    badBg: '#fdecea',
    track: '#e1e4e8',
    fill: '#0b57d0',
  },
  dark: {
    bg: '#1e1f22',
    surface: '#2b2d31',
    text: '#e8eaed',
    muted: '#aeb4bb',
    border: '#6e7681',
    accent: '#8ab4f8',
    good: '#7ee2a8',
    goodBg: '#173b26',
    warn: '#ffcc80',
    warnBg: '#3d2e12',
    bad: '#ff8a80',
    badBg: '#4a1c1a',
    track: '#3c4043',
    fill: '#8ab4f8',
  },
};

const vars = (p: Palette) =>
  Object.entries(p)
    .map(([k, v]) => `--sla-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${v};`)
    .join('');

export const SIDEBAR_CSS = `
:host{all:initial !important;display:block !important;visibility:visible !important;opacity:1 !important;}
.sla-root{${vars(PALETTES.light)}color-scheme:light;
  position:fixed;z-index:999;top:64px;bottom:12px;width:clamp(240px,22vw,320px);max-width:calc(100vw - 24px);
  box-sizing:border-box;display:flex;flex-direction:column;
  font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--sla-text);text-align:left;
  letter-spacing:normal;word-spacing:normal;text-transform:none;direction:ltr;}
.sla-root.theme-dark{${vars(PALETTES.dark)}color-scheme:dark;}
@media (prefers-color-scheme: dark){.sla-root.theme-auto{${vars(PALETTES.dark)}color-scheme:dark;}}
.sla-root.side-right{right:12px}.sla-root.side-left{left:12px}
.sla-root.under-dialog{display:none !important}
.sla-root.is-compact{bottom:auto;width:clamp(200px,16vw,240px)}
.sla-root.is-compact .sla-card .sla-times,.sla-root.is-compact .sla-card .sla-source,.sla-root.is-compact .sla-ticket .sla-requester{display:none}
.sla-root.placement-inline{position:relative;top:auto;bottom:auto;right:auto;left:auto;height:auto;max-height:none}
.sla-root *,.sla-root *::before,.sla-root *::after{box-sizing:border-box}
.sla-panel{display:flex;flex-direction:column;max-height:100%;background:var(--sla-bg);border:1px solid var(--sla-border);
  border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.25);overflow:hidden}
.sla-head{display:flex;align-items:center;gap:6px;padding:6px 8px;border-bottom:1px solid var(--sla-border);background:var(--sla-surface)}
.sla-head h2{font-size:14px;font-weight:700;margin:0;flex:1}
.sla-body{overflow:auto;padding:8px 10px 10px}
.sla-root h3{font-size:13px;font-weight:700;margin:0 0 4px;display:flex;align-items:center;gap:6px}
.sla-why-head{display:flex;align-items:center;gap:6px;margin:0 0 4px}.sla-why-head h3{margin:0}
.sla-root p{margin:2px 0}
.sla-root button{font:inherit;color:inherit;background:var(--sla-bg);border:1px solid var(--sla-border);border-radius:4px;
  padding:2px 8px;cursor:pointer;min-height:24px}
.sla-root button:hover{background:var(--sla-surface)}
.sla-root :focus-visible{outline:2px solid var(--sla-accent);outline-offset:2px}
.sla-root a{color:var(--sla-accent)}
.sla-icon-button{display:inline-flex;align-items:center;justify-content:center;min-width:28px}
.sla-icon{width:16px;height:16px;flex:none;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.sr-only{position:absolute !important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.sla-ticket{margin:0 0 6px;color:var(--sla-muted);overflow-wrap:anywhere}
.sla-ticket .sla-subject{color:var(--sla-text);font-weight:600}
.sla-facts{display:grid;grid-template-columns:auto 1fr;gap:1px 8px;margin:0 0 8px}
.sla-facts dt{color:var(--sla-muted)}.sla-facts dd{margin:0;overflow-wrap:anywhere}
.sla-origin{color:var(--sla-muted)}
.sla-badge{display:inline-flex;align-items:center;gap:3px;border-radius:10px;padding:0 7px;font-size:12px;font-weight:600;
  border:1px solid currentColor;white-space:nowrap}
.sla-badge-partial{color:var(--sla-warn);background:var(--sla-warn-bg)}
.sla-card{border:1px solid var(--sla-border);border-left-width:4px;border-radius:6px;padding:6px 8px;margin:0 0 8px;background:var(--sla-bg)}
.sla-card.state-running{border-left-color:var(--sla-accent)}
.sla-card.state-at-risk{border-left-color:var(--sla-warn)}
.sla-card.state-breached{border-left-color:var(--sla-bad)}
.sla-card.state-met{border-left-color:var(--sla-good)}
.sla-card.state-paused,.sla-card.state-none,.sla-card.state-exempt{border-left-color:var(--sla-muted)}
.sla-state{margin-left:auto}
.state-running .sla-state{color:var(--sla-accent)}
.state-at-risk .sla-state{color:var(--sla-warn);background:var(--sla-warn-bg)}
.state-breached .sla-state{color:var(--sla-bad);background:var(--sla-bad-bg)}
.state-met .sla-state{color:var(--sla-good);background:var(--sla-good-bg)}
.state-paused .sla-state,.state-none .sla-state,.state-exempt .sla-state{color:var(--sla-muted)}
.sla-countdown{font-size:18px;font-weight:700;font-variant-numeric:tabular-nums;margin:2px 0}
.state-breached .sla-countdown{color:var(--sla-bad)}
.state-at-risk .sla-countdown{color:var(--sla-warn)}
.sla-words{font-size:15px;font-weight:700;margin:2px 0}
.sla-reason{display:flex;align-items:flex-start;gap:4px;color:var(--sla-muted)}
.sla-reason .sla-icon{margin-top:1px}
.sla-times{display:grid;grid-template-columns:minmax(4em,38%) 1fr;gap:1px 8px;margin:4px 0 0}
.sla-times dt{color:var(--sla-muted)}.sla-times dd{margin:0;font-variant-numeric:tabular-nums}
.sla-zone{display:block;color:var(--sla-muted)}
.sla-source{color:var(--sla-muted);font-size:12px;overflow-wrap:anywhere}
.sla-progress{position:relative;height:8px;border-radius:4px;background:var(--sla-track);margin:6px 0 2px;overflow:visible}
.sla-progress-fill{position:absolute;left:0;top:0;bottom:0;border-radius:4px;background:var(--sla-fill)}
.state-at-risk .sla-progress-fill{background:var(--sla-warn)}
.state-breached .sla-progress-fill{background:var(--sla-bad)}
.state-met .sla-progress-fill{background:var(--sla-good)}
.state-paused .sla-progress-fill{background:var(--sla-muted)}
.sla-progress-goal{position:absolute;top:-3px;bottom:-3px;width:2px;background:var(--sla-text)}
.sla-warning{display:flex;gap:6px;align-items:flex-start;border:1px solid currentColor;border-radius:6px;padding:6px 8px;margin:0 0 8px}
.sla-warning p{margin:0}
.sla-warning-at-risk{color:var(--sla-warn);background:var(--sla-warn-bg)}
.sla-warning-breached{color:var(--sla-bad);background:var(--sla-bad-bg)}
.sla-warning .sla-escalation{color:var(--sla-text);margin-top:4px}
.sla-section{margin:0 0 8px}
.sla-matrix{border-collapse:collapse;margin:4px 0;font-size:12px;width:100%;table-layout:fixed}
.sla-matrix caption{text-align:left;color:var(--sla-muted);padding-bottom:2px}
.sla-matrix th,.sla-matrix td{border:1px solid var(--sla-border);padding:2px 3px;text-align:center;overflow-wrap:anywhere;hyphens:auto}
.sla-matrix th{font-weight:600;background:var(--sla-surface)}
.sla-matrix th[scope=row]{text-align:left}
.sla-matrix .is-selected{outline:3px solid var(--sla-accent);outline-offset:-3px;font-weight:700;background:var(--sla-bg)}
.sla-matrix .is-known{text-decoration:underline}
.sla-note{display:flex;gap:4px;align-items:flex-start;margin:3px 0}
.sla-note-warn{color:var(--sla-warn)}
.sla-why pre,.sla-why .sla-explanation{white-space:pre-wrap;font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
  margin:4px 0 0;padding:6px;background:var(--sla-surface);border-radius:4px;overflow-wrap:anywhere;color:var(--sla-text)}
.sla-rules{margin:6px 0 0;font-size:12px;color:var(--sla-muted)}
.sla-rules summary{cursor:pointer;color:var(--sla-text)}
.sla-rules ul{margin:4px 0 0;padding-left:16px}
.sla-rules code{font:11px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere;color:var(--sla-text)}
.sla-problem{border:1px solid var(--sla-border);border-radius:6px;padding:8px}
.sla-problem .sla-actions{display:flex;gap:6px;margin-top:6px}
.sla-problem details{margin-top:4px;color:var(--sla-muted)}
.sla-tab{position:fixed;z-index:999;top:40%;display:flex;flex-direction:column;align-items:center;gap:2px;
  padding:6px 4px;min-width:44px;max-width:96px;border:1px solid var(--sla-border);background:var(--sla-bg);color:var(--sla-text);
  font:600 12px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-variant-numeric:tabular-nums;cursor:pointer;
  box-shadow:0 2px 8px rgba(0,0,0,.25)}
.side-right .sla-tab{right:0;border-radius:6px 0 0 6px}.side-left .sla-tab{left:0;border-radius:0 6px 6px 0}
.placement-inline .sla-tab{position:relative;top:auto}
.sla-tab.state-breached{color:var(--sla-bad);background:var(--sla-bad-bg)}
.sla-tab.state-at-risk{color:var(--sla-warn);background:var(--sla-warn-bg)}
.sla-root.is-collapsed{width:auto;top:auto;bottom:auto}
@media (prefers-reduced-motion: no-preference){.sla-progress-fill{transition:width .3s linear}}
`;
