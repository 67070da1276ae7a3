/**
 * Host → policy assignments, each with its field mapping (tier source, impact/urgency/workaround
 * fields, type map, status map, value maps) and a "test with a ticket" box.
 */
import { useState } from 'preact/hooks';
import type {
  ActionResult,
  AssignmentEntry,
  HelpdeskKind,
  HostMapping,
  PolicyEntry,
  TicketTestResult,
} from '../../../lib/messaging/options';
import type { Lang, Strings } from '../strings';
import { LockedBadge, Status, useFocusAfterRender } from '../ui';
import { MappingForm } from './MappingForm';
import { helpdeskLabel } from '../../../lib/helpdesks/catalog';

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
                <td>{helpdeskLabel(a.helpdesk)}</td>
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
