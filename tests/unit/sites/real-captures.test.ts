// Real saved pages of the four sites (tests/fixtures/<site>/real/, pseudonymised), each with a
// sidecar that names its source and what the reader must find. Table-driven: a new capture is a new
// pair of files, nothing here changes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PageContextSchema,
  READERS,
  readPageWithMessages,
  siteOfUrl,
  type PageContext,
} from '@/lib/sites';
import { FIXTURES_DIR, sharedFixture } from './helpers';

interface Sidecar {
  source: { repository: string; path: string; commit: string };
  captureDate: string;
  page: string;
  url: string;
  pseudonymised: string[];
  removed: string;
  expected: PageContext | null;
  /** The same page under other URLs. */
  alsoExpected?: { url: string; expected: PageContext | null }[];
}

const SITES = ['gmail', 'outlook', 'xing', 'linkedin'] as const;

const CAPTURES = SITES.flatMap((site) => {
  const dir = join(FIXTURES_DIR, site, 'real');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const sidecar = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Sidecar;
      return { site, file: `${site}/real/${name.replace(/\.json$/, '.html')}`, sidecar };
    });
});

/**
 * A sidecar writes a message's date as the app shows it, local and without a zone
 * ("2023-10-24T12:53"): the readers read it in the user's zone, so the instant is taken here in the
 * zone the tests run in.
 */
function instants(expected: PageContext | null): PageContext | null {
  if (!expected?.messages) return expected;
  return {
    ...expected,
    messages: expected.messages.map((m) => ({ ...m, at: new Date(m.at).toISOString() })),
  };
}

const cases = CAPTURES.flatMap(({ site, file, sidecar }) => [
  { site, file, url: sidecar.url, expected: instants(sidecar.expected) },
  ...(sidecar.alsoExpected ?? []).map((also) => ({ site, file, ...also })),
]);

describe('the real captures', () => {
  it('are there for every site but XING 2020+ and an open Outlook message (none found)', () => {
    for (const site of SITES) expect(CAPTURES.some((c) => c.site === site)).toBe(true);
  });

  it.each(cases)(
    '$file under $url → the sidecar’s expectation',
    ({ site, file, url, expected }) => {
      const doc = sharedFixture(file);
      const context = readPageWithMessages(doc, url);
      expect(context).toEqual(expected);
      expect(siteOfUrl(url)).toBe(site);
      // The per-site reader that the content script imports gives the same answer.
      expect(READERS[site](doc, url)).toEqual(expected);
      if (context) expect(PageContextSchema.parse(context)).toEqual(context);
    },
  );

  it.each(CAPTURES)('$file: sidecar names its source and what was changed', ({ file, sidecar }) => {
    expect(sidecar.source.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(sidecar.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(sidecar.source.path).not.toBe('');
    expect(sidecar.captureDate).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    expect(file.startsWith(sidecar.captureDate.slice(0, 7), file.lastIndexOf('/') + 1)).toBe(true);
    expect(sidecar.pseudonymised.length).toBeGreaterThan(0);
    expect(sidecar.removed).not.toBe('');
  });

  it.each(CAPTURES)('$file: stripped of scripts, styles and inlined images', ({ file }) => {
    const html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)[\s>]/i);
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/data:[a-z]+\/[\w.+-]+;base64,/i);
    expect(html).not.toMatch(/saved from url/i);
    expect(html.length).toBeLessThan(300_000);
  });
});
