import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import path from 'node:path';
import { zodNoEval } from './scripts/zod-no-eval';
import { noPreactInnerHtml } from './scripts/vite-no-inner-html';
import { HOST_PERMISSIONS } from './lib/helpdesks/catalog';

// Minimal permissions: storage, unlimitedStorage (the ticket store in IndexedDB; no install warning),
// alarms, notifications and the SaaS host pattern of each helpdesk in the catalog.
// Self-hosted helpdesks are granted at run time through optional host permissions (Options page).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // noPreactInnerHtml: the bundles ship without Preact's unused innerHTML branch (see the plugin).
  // zodNoEval: no Function constructor in the bundles (zod runs jitless, lib/zod-config.ts).
  vite: () => ({ plugins: [noPreactInnerHtml(), preact(), zodNoEval()] }),
  hooks: {
    // The toolbar button's title in the browser's language (WXT takes it from popup.html's <title>).
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_popupTitle__';
    },
    // The policy JSON Schema, linked from Options so admins get editor completion.
    'build:publicAssets': (wxt, files) => {
      files.push({
        absoluteSrc: path.resolve(wxt.config.root, 'policies/policy.schema.json'),
        relativeDest: 'policy.schema.json',
      });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // A keyboard way into the sidebar (lib/background/commands.ts); agents can rebind it.
    commands: {
      'focus-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandFocusSidebar__',
      },
    },
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: HOST_PERMISSIONS,
    // Self-hosted helpdesks: asked for at run time in Options, one origin at a time.
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox'
      ? {
          // Firefox builds MV2, where optional host permissions are optional_permissions.
          // Self-hosted content scripts use contentScripts.register (no extra permission in MV2).
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'sla-overlay@helpdesk-sla.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // Team rollout through enterprise policy (Firefox reads policies.json without a schema).
          storage: { managed_schema: 'managed_schema.json' },
          // Requested with a self-hosted host in Options, for scripting.registerContentScripts.
          optional_permissions: ['scripting'],
        }),
  }),
});
