/** The popup's styles (a `<style>` element in Popup; no remote assets). */
export const POPUP_CSS = `
.sla-popup{font:13px/1.4 system-ui,sans-serif;width:560px;max-height:600px;overflow:auto;margin:0;padding:8px 10px;color:#202124;
  --bad:#c5221f;--warn:#e37400;--good:#188038;--neutral:#5f6368;--track:#e8eaed}
.sla-popup h1{font-size:15px;margin:0 8px 0 0;display:inline}
.sla-popup header{display:flex;align-items:center;gap:8px;margin-bottom:6px}
.sla-popup [role=tab]{border:0;border-bottom:2px solid transparent;background:none;padding:4px 8px;cursor:pointer}
.sla-popup [role=tab][aria-selected=true]{border-bottom-color:#1a73e8;font-weight:600}
.sla-popup :focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
.counts,.mix,.rows{list-style:none;margin:0;padding:0}
.counts{display:flex;gap:6px}.count{flex:1;border-radius:6px;padding:4px 6px;background:#f1f3f4}
.count-n{font-size:18px;font-weight:600}
.state-breached{color:var(--bad)}.state-at-risk{color:var(--warn)}.state-paused{color:var(--neutral)}
.by-priority{width:100%;border-collapse:collapse;margin:6px 0}.by-priority td,.by-priority th{padding:1px 4px;text-align:right}
.by-priority th[scope=row]{text-align:left}.zero{color:#bbb}
.mix{display:flex;flex-wrap:wrap;gap:4px;margin:4px 0}
.chip{display:inline-block;border-radius:9px;background:#e8f0fe;padding:0 6px;font-size:11px;white-space:nowrap}
.refresh{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:6px 0}
.refresh-errors{flex-basis:100%;color:var(--bad)}.refresh-errors ul{margin:0;padding-left:16px}
.filters{display:flex;gap:8px;border:0;padding:0;margin:4px 0}.filters legend{position:absolute;left:-9999px}
.queue-head,.compliance-head{display:flex;justify-content:space-between;align-items:center;margin:4px 0}
.row-button{display:grid;grid-template-columns:16px 76px 1fr auto auto;gap:6px;align-items:center;width:100%;text-align:left;
  border:0;border-bottom:1px solid #eee;background:none;padding:3px 2px;cursor:pointer;font:inherit;color:inherit}
.row-button:hover{background:#f8f9fa}
.rows>li{content-visibility:auto;contain-intrinsic-size:auto 25px}
.subject{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.countdown{font-variant-numeric:tabular-nums;white-space:nowrap;text-align:right;min-width:130px}
.hd-zendesk{color:#03363d}.hd-topdesk{color:#0073b6}
.compliance-table{width:100%;border-collapse:collapse;margin:8px 0}
.compliance-table caption{text-align:left;font-weight:600}
.compliance-table td,.compliance-table th{padding:2px 4px;border-bottom:1px solid #eee;text-align:left}
.misses td:last-child{color:var(--bad)}.meets td:last-child{color:var(--good)}
.measure{color:var(--neutral);font-size:11px}.share-bar{vertical-align:middle;color:#202124}
.link{border:0;background:none;color:#1a73e8;text-decoration:underline;cursor:pointer;padding:0;font:inherit}
.empty-state{padding:16px;text-align:center}.empty{color:var(--neutral)}
`;
