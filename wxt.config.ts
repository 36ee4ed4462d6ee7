import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import {
  EXTENSION_PAGES_CSP,
  EXTENSION_PAGES_CSP_DIRECTIVES,
  SYNC_HOST_PATTERNS,
  devServerCsp,
  formatCsp,
} from './lib/csp';
import { SITE_MATCHES } from './lib/sites/matches';

const CONTENT_SCRIPT_LIMIT = 30 * 1024;

// The version lives in package.json only; WXT copies it into the manifest.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Why each permission: docs/privacy.md.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus'],
    optional_permissions: ['notifications', 'downloads'],
    // The sync server's origin, asked for when the user sets sync up (docs/sync.md); the same
    // places as the policy's connect-src allows.
    optional_host_permissions: [...SYNC_HOST_PATTERNS],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdTogglePanel__',
      },
      'log-contact': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdLogContact__',
      },
    },
    // The browser enforces "no request of our own, no foreign code" (lib/csp.ts, docs/security.md).
    content_security_policy: {
      extension_pages:
        command === 'serve'
          ? formatCsp(devServerCsp(EXTENSION_PAGES_CSP_DIRECTIVES))
          : EXTENSION_PAGES_CSP,
    },
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
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // The public-holiday rules engine (lib/core/workdays.ts) as small as the rules of DE, AT and CH need
  // it; tests/unit/core/workdays.test.ts checks both cuts against the shipped rules.
  vite: () => ({
    resolve: {
      alias: [
        // The engine imports moment-timezone with every zone's history (725 KB minified) but runs
        // without a time zone, so it never reads one: ship moment-timezone's own build without data.
        { find: /^moment-timezone$/, replacement: 'moment-timezone/moment-timezone.js' },
      ],
    },
    plugins: [
      {
        // The engine's factory imports every calendar it knows (Chinese, Hebrew, Islamic, Persian,
        // Bengali, Julian, equinoxes: 130 KB with astronomia) for rules that DE, AT and CH never
        // use. It marks each with a prepin macro (`// #ifndef nochinese` … `// #endif`), which the
        // library's own subset build (`holidays2json --min`) strips; this strips them in the bundle
        // instead of in node_modules.
        name: 'kundennah:holiday-calendars',
        transform(code: string, id: string) {
          if (!id.replace(/\\/g, '/').endsWith('/date-holidays-parser/src/CalEventFactory.js'))
            return null;
          const stripped = code.replace(/\/\/ #ifndef no\w+\n[\s\S]*?\/\/ #endif\n/g, '');
          if (stripped === code)
            throw new Error(
              'date-holidays-parser: no calendar macros found; check the subset build',
            );
          return { code: stripped, map: null };
        },
      },
    ],
  }),
  hooks: {
    // Content scripts stay tiny (PRODUCT budget: 20 KB each). There, `wxt/browser` is the browser's
    // own promise-based API (MV3 `chrome.*` / Firefox `browser.*`) instead of the 10 KB polyfill that
    // every other part of the extension uses; content scripts only call runtime messaging and
    // storage.local, which behave the same in both.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias))
        config.resolve!.alias = alias.filter(
          (a: { find: string | RegExp }) => a.find !== 'wxt/browser',
        );
      else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
      // WXT's content-script context announces the script to the host page with messages that
      // carry the extension's id and stops when the page dispatches the same event (issue 15,
      // point 1): our own context takes its place, in every content script (docs/security.md).
      const ownContext = {
        find: /^wxt\/utils\/content-script-context$/,
        replacement: fileURLToPath(new URL('./lib/content/context.ts', import.meta.url)),
      };
      const current = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(current)
          ? [ownContext, ...current]
          : [
              ownContext,
              ...Object.entries(current ?? {}).map(([find, replacement]) => ({
                find,
                replacement: replacement as string,
              })),
            ],
      };
    },
    // The hard limit behind the 20 KB budget (reported by `npm run bench`): no build ships a
    // content script above 30 KB.
    'build:done': (wxt, output) => {
      for (const step of output.steps)
        for (const chunk of step.chunks) {
          if (!chunk.fileName.startsWith('content-scripts/') || !chunk.fileName.endsWith('.js'))
            continue;
          const bytes = statSync(join(wxt.config.outDir, chunk.fileName)).size;
          if (bytes > CONTENT_SCRIPT_LIMIT)
            throw new Error(
              `${chunk.fileName} is ${bytes} bytes; content scripts must stay under ${CONTENT_SCRIPT_LIMIT}.`,
            );
        }
    },
  },
  zip: {
    excludeSources: ['bench/**', 'test-results/**', 'playwright-report/**', 'docs/**'],
  },
});
