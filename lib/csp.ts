// The content security policy of every extension page: popup, dashboard, panel, side panel and the
// background. It makes the browser enforce what the code promises (docs/privacy.md): no request of
// our own leaves the extension, no code runs but the bundled files. One policy for Chrome and
// Firefox; wxt.config.ts puts it into both manifests, tests/e2e/release.spec.ts checks the built
// ones and tests/e2e/csp.spec.ts proves it in Chromium.
/** Where a sync server may be: over TLS anywhere, or plain HTTP on this machine. */
export const SYNC_CONNECT_SOURCES = ['https:', 'http://localhost:*', 'http://127.0.0.1:*'] as const;

/** The same places as host permission patterns (they name no port: every port matches). */
export const SYNC_HOST_PATTERNS = [
  'https://*/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
] as const;

export const EXTENSION_PAGES_CSP_DIRECTIVES = {
  // Whatever is not named below is refused: frames, fonts, media, manifests, prefetches.
  'default-src': ["'none'"],
  // The bundled scripts only: no inline script, no eval, no remote code.
  'script-src': ["'self'"],
  // The built style sheets. React sets `style={…}` through the CSSOM, which CSP does not govern.
  'style-src': ["'self'"],
  // The extension's icons.
  'img-src': ["'self'"],
  // Our own files (Vite's modulepreload fallback fetches our chunks where a browser cannot preload
  // modules), and the sync server a user may set up (docs/sync.md): its address is not known at
  // build time, so any server over TLS, or one on this machine. Which server is contacted is
  // decided by the host permission the user grants for exactly that one (lib/sync/service.ts), and
  // tests/e2e/sync.spec.ts proves that nothing else is. Blob downloads are navigations, and the
  // downloads API is no request of the page: neither needs more.
  'connect-src': ["'self'", ...SYNC_CONNECT_SOURCES],
  'object-src': ["'none'"],
  // No <base> can point our relative script paths elsewhere; no form is ever sent anywhere (every
  // form is handled by script).
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // No frame-ancestors: the panel must be shown inside the four sites' pages
  // (web_accessible_resources decides who may load it).
} as const satisfies Record<string, readonly string[]>;

export type CspDirectives = Record<string, readonly string[]>;

export function formatCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The policy for `wxt` (the development server): its scripts, its live-reload socket and the styles
 * it injects come from localhost. Never in a build.
 */
export function devServerCsp(directives: CspDirectives): CspDirectives {
  const local = ['http://localhost:*', 'ws://localhost:*'];
  return {
    ...directives,
    'connect-src': [...(directives['connect-src'] ?? []), ...local],
    'style-src': [...(directives['style-src'] ?? []), "'unsafe-inline'"],
  };
}

export const EXTENSION_PAGES_CSP = formatCsp(EXTENSION_PAGES_CSP_DIRECTIVES);
