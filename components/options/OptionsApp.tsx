/**
 * The admin options page: Policies, Import, Assignments & mapping, Hosts, Team rollout, Preferences.
 * A view: the model comes in as props (filled by the entrypoint from the background), every change
 * goes out through a callback. No extension APIs here.
 */
import { useState } from 'preact/hooks';
import { AssignmentsEditor } from './assignments/AssignmentsEditor';
import { HostsPanel } from './HostsPanel';
import { ImportPanel } from './ImportPanel';
import type { ImportResult, OptionsCallbacks, OptionsModel } from '../../lib/messaging/options';
import { PolicyList } from './PolicyList';
import { PreferencesForm } from './PreferencesForm';
import { QuarantineList, StoreSection } from './StoragePanel';
import { strings } from './strings';
import { TeamRollout } from './TeamRollout';

export interface OptionsAppProps {
  model: OptionsModel;
  actions: OptionsCallbacks;
  /** The sidebar's keyboard shortcut as the browser has it ('' when unset); omitted: not shown. */
  sidebarShortcut?: string | null | undefined;
  /** For tests; defaults to window.confirm. */
  confirm?: (message: string) => boolean;
}

const SECTIONS = ['policies', 'import', 'assignments', 'hosts', 'team', 'preferences'] as const;

export function OptionsApp({ model, actions, confirm, sidebarShortcut }: OptionsAppProps) {
  const lang = model.language;
  const t = strings[lang];
  const [importResult, setImportResult] = useState<ImportResult | null>(null);

  return (
    <main class="options" lang={lang}>
      <h1>{t.title}</h1>
      <nav aria-label={t.title}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t.sections[s]}</a>
            </li>
          ))}
          <li>
            <a href="/report.html" target="_blank" rel="noopener">
              {t.serviceReport}
            </a>
          </li>
        </ul>
      </nav>
      {model.managed.active ? <p class="notice">{t.managedActive}</p> : null}
      {model.managed.problems.length ? (
        <div class="error" role="alert">
          <p>{t.managedProblems}</p>
          <ul>
            {model.managed.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {model.storageProblems.length ? (
        <div class="error" role="alert">
          <p>{t.storageProblems}</p>
          <ul>
            {model.storageProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {model.readOnly ? (
        <p class="error" role="alert">
          {t.readOnly}
        </p>
      ) : null}
      <QuarantineList entries={model.quarantine} t={t} onDelete={actions.deleteQuarantined} />

      <section id="policies" aria-labelledby="h-policies">
        <h2 id="h-policies">{t.sections.policies}</h2>
        <PolicyList
          policies={model.policies}
          lockedBuiltins={model.lockedBuiltins}
          lang={lang}
          t={t}
          onDuplicate={actions.duplicatePolicy}
          onDuplicated={(r) => {
            setImportResult(r);
            document.getElementById('import')?.scrollIntoView?.();
          }}
          onSetDisabled={actions.setBuiltinDisabled}
          onRemove={actions.removePolicy}
          {...(confirm ? { confirm } : {})}
        />
      </section>

      <section id="import" aria-labelledby="h-import">
        <h2 id="h-import">{t.sections.import}</h2>
        <ImportPanel
          t={t}
          maxBytes={model.maxPolicyBytes}
          schemaUrl={model.schemaUrl}
          result={importResult}
          onResult={setImportResult}
          onPreview={actions.previewImport}
          onConfirm={actions.confirmImport}
        />
      </section>

      <section id="assignments" aria-labelledby="h-assignments">
        <h2 id="h-assignments">{t.sections.assignments}</h2>
        <AssignmentsEditor
          assignments={model.assignments}
          policies={model.policies}
          lang={lang}
          t={t}
          onSave={actions.saveAssignment}
          onRemove={actions.removeAssignment}
          onTestTicket={actions.testTicket}
        />
      </section>

      <section id="hosts" aria-labelledby="h-hosts">
        <h2 id="h-hosts">{t.sections.hosts}</h2>
        <HostsPanel
          hosts={model.hosts}
          t={t}
          onAdd={actions.addHost}
          onRemove={actions.removeHost}
          onSaveCredentials={actions.saveCredentials}
          onClearCredentials={actions.clearCredentials}
        />
      </section>

      <section id="team" aria-labelledby="h-team">
        <h2 id="h-team">{t.sections.team}</h2>
        <TeamRollout
          t={t}
          onExport={actions.exportTeamConfig}
          onPreview={actions.previewTeamImport}
          onConfirm={actions.confirmTeamImport}
        />
      </section>

      <section id="preferences" aria-labelledby="h-preferences">
        <h2 id="h-preferences">{t.sections.preferences}</h2>
        <PreferencesForm
          preferences={model.preferences}
          locked={model.lockedPreferences}
          t={t}
          onSave={actions.savePreferences}
          sidebarShortcut={sidebarShortcut}
        />
        {model.store ? (
          <StoreSection
            store={model.store}
            preferences={model.preferences}
            locked={model.lockedPreferences}
            t={t}
            confirm={confirm ?? ((m) => window.confirm(m))}
            onSave={actions.savePreferences}
            onClear={actions.clearHistory}
          />
        ) : null}
      </section>
    </main>
  );
}
