/**
 * Every sidebar state side by side (test support: the style test renders it; so can a dev page, for screenshots):
 *   render(<SidebarGallery locale="nl" theme="dark" />, document.body)
 * Each scenario is frozen at its own moment (fixedClock), laid out inline, expanded; plus the
 * collapsed tab of the breached and running tickets.
 */
import type { Locale } from '../../../lib/i18n/core.ts';
import { AGENT_ZONE, scenarios, type SidebarScenario } from './scenarios.ts';
import type { Theme } from '../../../lib/messaging/sidebar.ts';
import { Sidebar } from '../../../components/sidebar/Sidebar.tsx';
import { SIDEBAR_CSS } from '../../../components/sidebar/style.ts';
import { fixedClock } from '../../../components/sidebar/useNow.ts';

export interface SidebarGalleryProps {
  locale?: Locale;
  theme?: Theme;
  /** Only these scenarios (ids from scenarios.ts); default all. */
  only?: string[];
  agentZone?: string;
}

const noop = () => {};

function Item({
  s,
  locale,
  theme,
  agentZone,
  collapsed = false,
}: {
  s: SidebarScenario;
  locale: Locale;
  theme: Theme;
  agentZone: string;
  collapsed?: boolean;
}) {
  return (
    <figure style={{ margin: 0, width: '320px' }} data-scenario={s.id}>
      <figcaption style={{ font: '12px system-ui', margin: '0 0 4px' }}>
        {s.title}
        {collapsed ? ' (collapsed)' : ''}
      </figcaption>
      <Sidebar
        model={s.model}
        now={fixedClock(s.nowMs)}
        locale={locale}
        agentZone={agentZone}
        theme={theme}
        side="right"
        collapsed={collapsed}
        placement="inline"
        onCollapsedChange={noop}
        onSideChange={noop}
        onOpenOptions={noop}
        onRetry={noop}
      />
    </figure>
  );
}

export function SidebarGallery({
  locale = 'en',
  theme = 'auto',
  only,
  agentZone = AGENT_ZONE,
}: SidebarGalleryProps) {
  const list: SidebarScenario[] = Object.values(scenarios).filter((s) => !only || only.includes(s.id));
  return (
    <div
      class="sla-gallery"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '16px', alignItems: 'flex-start', padding: '16px' }}
    >
      <style>{SIDEBAR_CSS}</style>
      {list.map((s) => (
        <Item key={s.id} s={s} locale={locale} theme={theme} agentZone={agentZone} />
      ))}
      {(!only || only.includes('collapsed')) && (
        <>
          <Item s={scenarios.breached} locale={locale} theme={theme} agentZone={agentZone} collapsed />
          <Item s={scenarios.atRisk} locale={locale} theme={theme} agentZone={agentZone} collapsed />
        </>
      )}
    </div>
  );
}
