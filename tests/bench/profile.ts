// One Chromium profile holding the benchmark data in the extension's own database, kept between
// runs in bench/.profile (writing 270,000 records into IndexedDB takes minutes on this machine; the
// profile is rebuilt when the data generator or the schema changes). Every in-browser figure that
// needs the 10,000 contacts runs against it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchExtension, type Extension } from '../e2e/harness';
import { bundleForPage } from './chromium';

const DIR = resolve('bench/.profile');
const MARKER = resolve('bench/.profile.json');
/** Bringing 10,000 contacts' derived rows to today takes under a minute here. */
const FRESH_TIMEOUT_MS = 180_000;
const FRESH_ATTEMPT_MS = 20_000;

/** What the stored data depends on: the generator, the schema, the derived rows' code. */
function fingerprint(): string {
  const files = [
    'tests/support/bench-data.ts',
    'lib/db/database.ts',
    'lib/db/derived.ts',
    'lib/core/index.ts',
  ];
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

type FillApi = { __knBench: { fill(now: string): Promise<{ writeMs: number; deriveMs: number }> } };

export async function withBenchProfile<T>(fn: (ext: Extension) => Promise<T>): Promise<T> {
  const wanted = fingerprint();
  const have = existsSync(MARKER) ? JSON.parse(readFileSync(MARKER, 'utf8')).fingerprint : null;
  if (have !== wanted) {
    rmSync(DIR, { recursive: true, force: true });
    rmSync(MARKER, { force: true });
  }
  mkdirSync(DIR, { recursive: true });
  // Chrome keeps the registered service worker script with the profile: drop it so that the
  // background of the current build runs, not the one the profile was made with.
  rmSync(join(DIR, 'Default', 'Service Worker'), { recursive: true, force: true });
  const ext = await launchExtension({ profileDir: DIR });
  try {
    if (have !== wanted) {
      console.log(
        '  writing the benchmark data into the extension (once; kept in bench/.profile)…',
      );
      const page = await ext.openPage('options.html');
      await page.evaluate(await bundleForPage('tests/bench/profile-page.ts'));
      const took = await page.evaluate(
        (iso) => (globalThis as unknown as FillApi).__knBench.fill(iso),
        new Date().toISOString(),
      );
      console.log(
        `  written in ${Math.round(took.writeMs / 1000)} s, derived in ${Math.round(took.deriveMs / 1000)} s`,
      );
      await page.close();
      writeFileSync(MARKER, JSON.stringify({ fingerprint: wanted, at: new Date().toISOString() }));
    }
    // Bring the derived rows to today before measuring (a stale day recomputes in the background).
    // Right after the profile's service worker was dropped, Chrome sometimes loses a message to
    // the newly registered worker: its answer never comes, though the worker is idle and fresh.
    // The request is idempotent, so ask again after a while instead of waiting for ever.
    const page = await ext.openPage('options.html');
    const started = Date.now();
    for (;;) {
      const answered = await Promise.race([
        page
          .evaluate(() =>
            (
              globalThis as unknown as {
                chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
              }
            ).chrome.runtime.sendMessage({ type: 'page:ensure-fresh' }),
          )
          // An unanswered attempt fails when the page closes: nothing to report then.
          .then(
            () => true,
            () => false,
          ),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), FRESH_ATTEMPT_MS)),
      ]);
      if (answered) break;
      if (Date.now() - started > FRESH_TIMEOUT_MS)
        throw new Error(
          `the background did not answer "bring the derived rows up to date" within ${FRESH_TIMEOUT_MS / 1000} s`,
        );
    }
    await page.close();
    return await fn(ext);
  } finally {
    await ext.close();
  }
}

export const BENCH_PROFILE_DIR = join('bench', '.profile');
