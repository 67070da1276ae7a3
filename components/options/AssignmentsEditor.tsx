/**
 * Host → policy assignments, each with its field mapping (tier source, impact/urgency/workaround
 * fields, type map, status map, value maps) and a "test with a ticket" box.
 */
import { useEffect, useState } from 'preact/hooks';
import { assignmentHost } from '../../lib/config/hosts';
import type { Policy } from '../../lib/sla/schema';
import type { TicketStatus } from '../../lib/sla/types';
import { label } from './format';
import type {
  ActionResult,
  AssignmentEntry,
  FieldSource,
  HelpdeskKind,
  HostMapping,
  MappedField,
  PolicyEntry,
  TicketTestResult,
  TierSource,
  ValueKind,
} from '../../lib/messaging/options';
import type { Lang, Strings } from './strings';
import { Field, IssueList, LockedBadge, Status, useFocusAfterRender } from './ui';

export interface AssignmentsEditorProps {
  assignments: AssignmentEntry[];
  policies: PolicyEntry[];
  lang: Lang;
  t: Strings;
  onSave(
    a: { host: string; helpdesk: HelpdeskKind; policyId: string; mapping?: HostMapping },
    previousHost?: string,
  ): Promise<ActionResult>;
  onRemove(host: string): Promise<ActionResult>;
  onTestTicket(host: string, mapping: HostMapping, input: string): Promise<TicketTestResult>;
}

const STATUSES: TicketStatus[] = ['open', 'pending', 'on-hold', 'solved', 'closed'];
const FIELDS: MappedField[] = ['impact', 'urgency', 'workaround'];
const VALUE_KINDS: ValueKind[] = ['priority', 'impact', 'urgency', 'tier'];
type Rows = Array<[string, string]>;

interface Draft {
  host: string;
  helpdesk: HelpdeskKind;
  policyId: string;
  tier: TierSource | null;
  fields: Partial<Record<MappedField, FieldSource>>;
  types: Rows;
  statuses: Rows;
  values: Record<ValueKind, Rows>;
  /** Zendesk only: the tag that marks a hotfix, and the view whose tickets make up the popup's queue. */
  hotfixTag: string;
  queueViewId: string;
}

const rows = (r: Record<string, string> | undefined): Rows => Object.entries(r ?? {});
const record = (r: Rows) =>
  Object.fromEntries(r.filter(([k, v]) => k.trim() && v.trim()).map(([k, v]) => [k.trim(), v.trim()]));

function toDraft(a: AssignmentEntry | null, defaultPolicy: string): Draft {
  const m = a?.mapping ?? {};
  return {
    host: a?.host ?? '',
    helpdesk: a?.helpdesk ?? 'zendesk',
    policyId: a?.policyId ?? defaultPolicy,
    tier: m.tier ?? null,
    fields: { ...(m.fields ?? {}) },
    types: rows(m.types),
    statuses: rows(m.statuses),
    values: Object.fromEntries(VALUE_KINDS.map((k) => [k, rows(m.values?.[k])])) as Record<ValueKind, Rows>,
    hotfixTag: m.hotfixTag ?? '',
    queueViewId: m.queue?.viewId ?? '',
  };
}

/** The form's draft as the stored mapping; empty parts left out. */
export function draftToMapping(d: Draft): HostMapping {
  const m: HostMapping = {};
  if (d.tier) m.tier = d.tier;
  const fields = Object.fromEntries(Object.entries(d.fields).filter(([, v]) => v)) as HostMapping['fields'];
  if (fields && Object.keys(fields).length) m.fields = fields;
  const types = record(d.types);
  if (Object.keys(types).length) m.types = types;
  const statuses = record(d.statuses) as Record<string, TicketStatus>;
  if (Object.keys(statuses).length) m.statuses = statuses;
  const values: HostMapping['values'] = {};
  for (const k of VALUE_KINDS) {
    const r = record(d.values[k]);
    if (Object.keys(r).length) values[k] = r;
  }
  if (Object.keys(values).length) m.values = values;
  if (d.helpdesk === 'zendesk') {
    if (d.hotfixTag.trim()) m.hotfixTag = d.hotfixTag.trim();
    // A pasted view URL (…/agent/filters/360001234567) is taken for its id.
    const view = d.queueViewId.trim();
    if (view) m.queue = { viewId: /\/filters\/(\d+)/.exec(view)?.[1] ?? view };
  }
  return m;
}

export function AssignmentsEditor(props: AssignmentsEditorProps) {
  const { assignments, policies, t } = props;
  const usable = policies.filter((p) => p.policy && !p.disabled);
  const [editing, setEditing] = useState<{ entry: AssignmentEntry | null } | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const focusAfter = useFocusAfterRender();
  /** Closes the form and puts focus back on the button that opened it (or on "Add"). */
  const close = (host: string | null) => {
    setEditing(null);
    focusAfter(host ? `assign-edit-${host}` : 'assign-add');
  };

  return (
    <div class="assignments">
      <p>{t.assign.intro}</p>
      {assignments.length ? (
        <table class="assignment-list">
          <thead>
            <tr>
              <th scope="col">{t.assign.host}</th>
              <th scope="col">{t.assign.helpdesk}</th>
              <th scope="col">{t.assign.policy}</th>
              <th scope="col">
                <span class="visually-hidden">{t.assign.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.host}>
                <td>{a.host}</td>
                <td>{a.helpdesk === 'zendesk' ? 'Zendesk' : 'TOPdesk'}</td>
                <td>
                  {policies.find((p) => p.id === a.policyId)?.name ?? a.policyId} <code>{a.policyId}</code>
                </td>
                <td>
                  <LockedBadge source={a.locked} t={t} />
                  {a.locked ? null : (
                    <>
                      <button
                        type="button"
                        id={`assign-edit-${a.host}`}
                        onClick={() => setEditing({ entry: a })}
                        aria-label={`${t.assign.edit}: ${a.host}`}
                        aria-expanded={editing?.entry?.host === a.host}
                      >
                        {t.assign.edit}
                      </button>
                      <button
                        type="button"
                        aria-label={`${t.remove}: ${a.host}`}
                        onClick={() =>
                          props
                            .onRemove(a.host)
                            .then((r) => setStatus(r.ok ? null : { text: r.message, error: true }))
                        }
                      >
                        {t.remove}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t.assign.none}</p>
      )}
      <Status text={status?.text ?? null} kind={status?.error ? 'error' : 'info'} />
      {usable.length ? (
        editing ? null : (
          <button type="button" id="assign-add" onClick={() => setEditing({ entry: null })}>
            {t.assign.add}
          </button>
        )
      ) : (
        <p>{t.assign.noPolicies}</p>
      )}
      {editing ? (
        <MappingForm
          {...props}
          key={editing.entry?.host ?? '(new)'}
          entry={editing.entry}
          usable={usable}
          onDone={(host) => close(host ?? editing.entry?.host ?? null)}
        />
      ) : null}
    </div>
  );
}

function MappingForm({
  entry,
  usable,
  lang,
  t,
  onSave,
  onTestTicket,
  onDone,
}: AssignmentsEditorProps & {
  entry: AssignmentEntry | null;
  usable: PolicyEntry[];
  /** Closed: saved (the host it was saved under) or cancelled. */
  onDone(savedHost?: string): void;
}) {
  const [d, setD] = useState<Draft>(() => toDraft(entry, usable[0]?.id ?? ''));
  const [hostError, setHostError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Array<{ path: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const policy: Policy | null = usable.find((p) => p.id === d.policyId)?.policy ?? null;
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const idp = 'mapping';
  // Opened from "Edit mapping" (or "Add"): the keyboard continues in the form, not 10 Tabs away.
  useEffect(() => document.getElementById(`${idp}-host`)?.focus(), []);

  const levels = (kind: ValueKind | 'type'): Array<{ id: string; text: string }> => {
    if (!policy) return [];
    const list =
      kind === 'type'
        ? policy.types
        : kind === 'tier'
          ? policy.tiers
          : kind === 'priority'
            ? policy.priorities
            : (policy.matrix?.[kind] ?? []);
    return list.map((x) => ({ id: x.id, text: `${label(x.label, lang, x.id)} (${x.id})` }));
  };

  return (
    <form
      class="mapping-form"
      aria-describedby={issues.length ? `${idp}-issues` : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        const host = assignmentHost(d.host);
        if (!host) {
          setHostError(t.assign.hostInvalid);
          return;
        }
        setHostError(null);
        setBusy(true);
        setIssues([]);
        const mapping = draftToMapping(d);
        onSave(
          {
            host,
            helpdesk: d.helpdesk,
            policyId: d.policyId,
            ...(Object.keys(mapping).length ? { mapping } : {}),
          },
          entry?.host,
        )
          .then(
            (r) => {
              if (r.ok) onDone(host);
              else {
                setMessage(r.message);
                setIssues(r.issues ?? []);
              }
            },
            (err: unknown) => setMessage(String(err)),
          )
          .finally(() => setBusy(false));
      }}
    >
      <fieldset>
        <legend>{entry ? `${t.assign.edit}: ${entry.host}` : t.assign.add}</legend>
        <Field id={`${idp}-host`} label={t.assign.host} help={t.assign.hostHelp} error={hostError}>
          {(a) => (
            <input {...a} required value={d.host} onInput={(e) => set({ host: e.currentTarget.value })} />
          )}
        </Field>
        <Field id={`${idp}-helpdesk`} label={t.assign.helpdesk}>
          {(a) => (
            <select
              {...a}
              value={d.helpdesk}
              onChange={(e) =>
                set({ helpdesk: e.currentTarget.value as HelpdeskKind, tier: null, fields: {} })
              }
            >
              <option value="zendesk">Zendesk</option>
              <option value="topdesk">TOPdesk</option>
            </select>
          )}
        </Field>
        <Field id={`${idp}-policy`} label={t.assign.policy}>
          {(a) => (
            <select {...a} value={d.policyId} onChange={(e) => set({ policyId: e.currentTarget.value })}>
              {usable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.id})
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t.assign.valueKinds.tier}</legend>
        <TierEditor d={d} set={set} t={t} tiers={levels('tier')} />
      </fieldset>

      <fieldset>
        <legend>{t.assign.fields}</legend>
        {FIELDS.map((f) => (
          <FieldSourceEditor
            key={f}
            name={f}
            helpdesk={d.helpdesk}
            value={d.fields[f]}
            t={t}
            onChange={(v) => set({ fields: { ...d.fields, [f]: v } })}
          />
        ))}
      </fieldset>

      <RowsEditor
        id={`${idp}-types`}
        title={t.assign.typeMap}
        help={t.assign.typeMapHelp}
        rows={d.types}
        options={levels('type')}
        t={t}
        onChange={(types) => set({ types })}
      />
      <RowsEditor
        id={`${idp}-statuses`}
        title={t.assign.statusMap}
        help={t.assign.statusMapHelp}
        rows={d.statuses}
        options={STATUSES.map((s) => ({ id: s, text: s }))}
        t={t}
        onChange={(statuses) => set({ statuses })}
      />
      <fieldset>
        <legend>{t.assign.valueMaps}</legend>
        <p class="help">{t.assign.valueMapHelp}</p>
        {VALUE_KINDS.filter((k) => levels(k).length).map((k) => (
          <RowsEditor
            key={k}
            id={`${idp}-values-${k}`}
            title={t.assign.valueKinds[k] ?? k}
            rows={d.values[k]}
            options={levels(k)}
            t={t}
            onChange={(r) => set({ values: { ...d.values, [k]: r } })}
          />
        ))}
      </fieldset>

      {d.helpdesk === 'zendesk' ? (
        <fieldset>
          <legend>{t.assign.zendesk}</legend>
          <Field id={`${idp}-hotfix-tag`} label={t.assign.hotfixTag} help={t.assign.hotfixTagHelp}>
            {(a) => (
              <input
                {...a}
                value={d.hotfixTag}
                placeholder="hotfix"
                onInput={(e) => set({ hotfixTag: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id={`${idp}-queue-view`} label={t.assign.queueView} help={t.assign.queueViewHelp}>
            {(a) => (
              <input
                {...a}
                inputMode="numeric"
                value={d.queueViewId}
                onInput={(e) => set({ queueViewId: e.currentTarget.value })}
              />
            )}
          </Field>
        </fieldset>
      ) : null}

      {issues.length ? <IssueList id={`${idp}-issues`} issues={issues} t={t} /> : null}
      <Status text={busy ? t.working : message} kind={message && !busy ? 'error' : 'info'} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t.save}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t.cancel}
        </button>
      </div>
      <TicketTest
        host={assignmentHost(d.host) ?? d.host}
        mapping={draftToMapping(d)}
        t={t}
        onTest={onTestTicket}
      />
    </form>
  );
}

function TierEditor({
  d,
  set,
  t,
  tiers,
}: {
  d: Draft;
  set(p: Partial<Draft>): void;
  t: Strings;
  tiers: Array<{ id: string; text: string }>;
}) {
  const sources =
    d.helpdesk === 'zendesk'
      ? (['fixed', 'org-tag', 'ticket-tag', 'custom-field'] as const)
      : (['fixed', 'field'] as const);
  const from = d.tier?.from ?? '';
  const make = (f: string): TierSource | null => {
    switch (f) {
      case 'fixed':
        return { from: 'fixed', tier: tiers[0]?.id ?? '' };
      case 'org-tag':
      case 'ticket-tag':
        return { from: f, prefix: 'tier_' };
      case 'custom-field':
        return { from: 'custom-field', id: '' };
      case 'field':
        return { from: 'field', field: '' };
      default:
        return null;
    }
  };
  const tier = d.tier;
  return (
    <>
      <Field id="mapping-tier-from" label={t.assign.tierFrom}>
        {(a) => (
          <select {...a} value={from} onChange={(e) => set({ tier: make(e.currentTarget.value) })}>
            <option value="">{t.doc.defaultMark}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {t.assign.tierSources[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {tier?.from === 'fixed' ? (
        <Field id="mapping-tier-fixed" label={t.assign.fixedTier}>
          {(a) => (
            <select
              {...a}
              value={tier.tier}
              onChange={(e) => set({ tier: { from: 'fixed', tier: e.currentTarget.value } })}
            >
              {tiers.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.text}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : tier?.from === 'org-tag' || tier?.from === 'ticket-tag' ? (
        <Field id="mapping-tier-prefix" label={t.assign.tagPrefix} help={t.assign.tagPrefixHelp}>
          {(a) => (
            <input
              {...a}
              value={tier.prefix}
              onInput={(e) => set({ tier: { from: tier.from, prefix: e.currentTarget.value } })}
            />
          )}
        </Field>
      ) : tier?.from === 'custom-field' ? (
        <Field id="mapping-tier-field" label={t.assign.fieldId}>
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              value={tier.id}
              onInput={(e) => set({ tier: { from: 'custom-field', id: e.currentTarget.value } })}
            />
          )}
        </Field>
      ) : tier?.from === 'field' ? (
        <Field id="mapping-tier-topdesk" label={t.assign.topdeskField} help={t.assign.topdeskFieldHelp}>
          {(a) => (
            <input
              {...a}
              value={tier.field}
              onInput={(e) => set({ tier: { from: 'field', field: e.currentTarget.value } })}
            />
          )}
        </Field>
      ) : null}
    </>
  );
}

function FieldSourceEditor({
  name,
  helpdesk,
  value,
  t,
  onChange,
}: {
  name: MappedField;
  helpdesk: HelpdeskKind;
  value: FieldSource | undefined;
  t: Strings;
  onChange(v: FieldSource | undefined): void;
}) {
  const kinds = helpdesk === 'zendesk' ? (['custom-field', 'tag'] as const) : (['field'] as const);
  const id = `mapping-field-${name}`;
  const text = value
    ? value.from === 'custom-field'
      ? value.id
      : value.from === 'tag'
        ? value.prefix
        : value.field
    : '';
  const make = (from: string, v: string): FieldSource | undefined =>
    from === 'custom-field'
      ? { from, id: v }
      : from === 'tag'
        ? { from, prefix: v }
        : from === 'field'
          ? { from, field: v }
          : undefined;
  return (
    <div class="field-source" role="group" aria-labelledby={`${id}-name`}>
      <span id={`${id}-name`} class="field-name">
        {t.assign.fieldNames[name]}
      </span>
      <label for={`${id}-from`} class="visually-hidden">
        {t.assign.fieldNames[name]}: {t.assign.tierFrom}
      </label>
      <select
        id={`${id}-from`}
        value={value?.from ?? 'none'}
        onChange={(e) => onChange(make(e.currentTarget.value, text))}
      >
        <option value="none">{t.assign.fieldSources.none}</option>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t.assign.fieldSources[k]}
          </option>
        ))}
      </select>
      {value ? (
        <>
          <label for={`${id}-value`} class="visually-hidden">
            {t.assign.fieldNames[name]}: {t.assign.fieldSources[value.from]}
          </label>
          <input
            id={`${id}-value`}
            value={text}
            onInput={(e) => onChange(make(value.from, e.currentTarget.value))}
          />
        </>
      ) : null}
    </div>
  );
}

function RowsEditor({
  id,
  title,
  help,
  rows: list,
  options,
  t,
  onChange,
}: {
  id: string;
  title: string;
  help?: string;
  rows: Rows;
  options: Array<{ id: string; text: string }>;
  t: Strings;
  onChange(rows: Rows): void;
}) {
  const update = (i: number, pair: [string, string]) => onChange(list.map((r, n) => (n === i ? pair : r)));
  return (
    <fieldset class="rows" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{title}</legend>
      {help ? (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {list.map(([from, to], i) => (
        <div class="row" key={i}>
          <label for={`${id}-${i}-from`} class="visually-hidden">
            {title} {i + 1}: {t.assign.from}
          </label>
          <input
            id={`${id}-${i}-from`}
            placeholder={t.assign.from}
            value={from}
            onInput={(e) => update(i, [e.currentTarget.value, to])}
          />
          <span aria-hidden="true"> → </span>
          <label for={`${id}-${i}-to`} class="visually-hidden">
            {title} {i + 1}: {t.assign.to}
          </label>
          <select id={`${id}-${i}-to`} value={to} onChange={(e) => update(i, [from, e.currentTarget.value])}>
            <option value="">—</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-label={`${t.assign.removeRow}: ${title} ${i + 1}`}
            onClick={() => onChange(list.filter((_, n) => n !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...list, ['', '']])}>
        {t.assign.addRow}
      </button>
    </fieldset>
  );
}

function TicketTest({
  host,
  mapping,
  t,
  onTest,
}: {
  host: string;
  mapping: HostMapping;
  t: Strings;
  onTest(host: string, mapping: HostMapping, input: string): Promise<TicketTestResult>;
}) {
  const [input, setInput] = useState('');
  const [result, setResult] = useState<TicketTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <fieldset class="ticket-test">
      <legend>{t.assign.test}</legend>
      <Field
        id="ticket-test-input"
        label={t.assign.testInput}
        help={t.assign.testHelp}
        error={result && !result.ok ? result.message : null}
      >
        {(a) => (
          <textarea
            {...a}
            rows={4}
            spellcheck={false}
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        )}
      </Field>
      <button
        type="button"
        disabled={busy || !input.trim()}
        onClick={() => {
          setBusy(true);
          onTest(host, mapping, input)
            .then(setResult, (e: unknown) => setResult({ ok: false, message: String(e) }))
            .finally(() => setBusy(false));
        }}
      >
        {t.assign.testRun}
      </button>
      <Status text={busy ? t.working : null} />
      {result?.ok ? (
        <div class="ticket-test-result" aria-live="polite">
          <h3>{t.assign.neutral}</h3>
          <dl>
            {Object.entries(result.ticket)
              .filter(([k]) => k !== 'events')
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{String(v)}</dd>
                </div>
              ))}
            {result.ticket.events?.length ? (
              <div>
                <dt>events</dt>
                <dd>
                  <ul>
                    {result.ticket.events.map((ev, i) => (
                      <li key={i}>
                        {ev.at} {ev.type}
                        {ev.type === 'status'
                          ? ` ${ev.status}`
                          : ev.type === 'reply'
                            ? ` ${ev.by}${ev.public ? '' : ' (private)'}`
                            : ev.type === 'priority'
                              ? ` ${ev.priority}`
                              : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
          {result.notes?.length ? (
            <ul class="notes">
              {result.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          {result.evaluation ? (
            <>
              <h3>{t.assign.deadlines}</h3>
              <p>
                {result.evaluation.policyName} · {result.evaluation.tier} · {result.evaluation.type} ·{' '}
                {result.evaluation.priority ?? '—'}
              </p>
              <ul>
                {(['response', 'resolution'] as const).map((m) => {
                  const r = result.evaluation?.metrics[m];
                  if (!r) return null;
                  return (
                    <li key={m}>
                      {t.doc[m]}: {r.targetLabel} — {r.state}
                      {r.dueAt ? `, ${t.doc.due} ${r.dueAt}` : ''}
                      {r.goalAt ? `; ${t.doc.goal(r.goalPercent ?? 0)} ${r.goalAt}` : ''}
                    </li>
                  );
                })}
              </ul>
              <pre class="explanation">{result.evaluation.explanation}</pre>
            </>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
