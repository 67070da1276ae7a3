/** One assignment's form: host, helpdesk, policy, the mapping, and the ticket test under it. */
import { useEffect, useState } from 'preact/hooks';
import { assignmentHost } from '../../../lib/config/hosts';
import type { Policy } from '../../../lib/sla/schema';
import { label } from '../format';
import type { AssignmentEntry, HelpdeskKind, PolicyEntry, ValueKind } from '../../../lib/messaging/options';
import { Field, IssueList, Status } from '../ui';
import type { AssignmentsEditorProps } from './AssignmentsEditor';
import { FieldSourceEditor } from './FieldSourceEditor';
import { RowsEditor } from './RowsEditor';
import { TicketTest } from './TicketTest';
import { OutageFields } from './OutageFields';
import { TierEditor } from './TierEditor';
import {
  HELPDESK_MAPPING,
  type Draft,
  toDraft,
  draftToMapping,
  STATUSES,
  FIELDS,
  VALUE_KINDS,
} from './draft';
import { HELPDESK_IDS, helpdeskLabel } from '../../../lib/helpdesks/catalog';

export function MappingForm({
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
              {HELPDESK_IDS.map((id) => (
                <option key={id} value={id}>
                  {helpdeskLabel(id)}
                </option>
              ))}
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
        <FieldSourceEditor
          name="customer"
          helpdesk={d.helpdesk}
          value={d.customerField}
          t={t}
          onChange={(v) => set({ customerField: v })}
        />
        <p class="help">{t.assign.customerFieldHelp}</p>
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

      {HELPDESK_MAPPING[d.helpdesk].tagsAndViews ? (
        <fieldset>
          <legend>{helpdeskLabel(d.helpdesk)}</legend>
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

      <OutageFields d={d} set={set} t={t} types={levels('type')} />

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
