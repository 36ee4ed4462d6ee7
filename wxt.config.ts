import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './lib/sites/matches';

// The version lives in package.json only; WXT copies it into the manifest.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Why each permission: README "Privacy".
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    optional_permissions: ['notifications'],
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: [...SITE_MATCHES],
        // Chrome only: a fresh URL per session stops sites from probing for the extension.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kundennah@kundennah.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['bench/**', 'test-results/**', 'playwright-report/**', 'docs/**'],
  },
});
