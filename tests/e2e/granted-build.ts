// The built extension with the sync server on this machine permitted at install. Headless
// Chromium's own dialog that asks the user whether Kundennah may contact a server (a window of the
// browser, not of a page) cannot be answered by a test; this copy of the same build has the
// manifest's loopback host pattern moved from `optional_host_permissions` to `host_permissions`,
// which is what the user's "Allow" gives. The page still asks, and the browser answers at once.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './harness';

const LOOPBACK = 'http://127.0.0.1/*';

/** A temporary copy of the Chromium build with the loopback server permitted (remove it after). */
export function grantedBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kn-sync-build-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    optional_host_permissions?: string[];
    host_permissions?: string[];
  };
  if (!manifest.optional_host_permissions?.includes(LOOPBACK))
    throw new Error(`the build no longer offers ${LOOPBACK} as an optional host permission`);
  manifest.optional_host_permissions = manifest.optional_host_permissions.filter(
    (p) => p !== LOOPBACK,
  );
  manifest.host_permissions = [...(manifest.host_permissions ?? []), LOOPBACK];
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}
