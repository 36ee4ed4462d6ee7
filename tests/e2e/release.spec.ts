// What the stores get: both builds' manifests ask for no more than docs/privacy.md says, the Firefox
// package passes Mozilla's linter, and the version lives in one place.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SYNC_CONNECT_SOURCES, SYNC_HOST_PATTERNS } from '../../lib/csp';
import { packageLine, productionPackages } from '../tools/notices';

const chrome = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
const firefox = JSON.parse(readFileSync('.output/firefox-mv3/manifest.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const privacy = readFileSync('docs/privacy.md', 'utf8');

test('the Firefox package passes web-ext lint without errors', () => {
  let out: string;
  try {
    out = execFileSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-input'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    // web-ext exits non-zero when it finds errors; its report is still on stdout.
    out = (e as { stdout?: string }).stdout ?? '';
  }
  const report = JSON.parse(out.slice(out.indexOf('{')));
  expect(
    report.errors.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`),
  ).toEqual([]);
  // What is left are warnings about third-party code (React's innerHTML, zod's optional eval probe).
  for (const w of report.warnings as { code: string }[])
    expect(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL']).toContain(w.code);
});

test('Firefox gets its add-on id, minimum version, no data collection and its own sidebar', () => {
  expect(firefox.browser_specific_settings.gecko).toMatchObject({
    id: expect.stringMatching(/@/),
    strict_min_version: expect.stringMatching(/^\d+\.\d+$/),
    data_collection_permissions: { required: ['none'] },
  });
  expect(firefox.sidebar_action?.default_panel).toBe('sidepanel.html');
  expect(firefox.side_panel).toBeUndefined();
  expect(firefox.permissions).not.toContain('sidePanel');
  // use_dynamic_url is Chrome's; Firefox gives every install its own extension URL anyway.
  expect(JSON.stringify(firefox.web_accessible_resources)).not.toContain('use_dynamic_url');
  expect(chrome.web_accessible_resources[0].use_dynamic_url).toBe(true);
});

test('both manifests ask only for the permissions docs/privacy.md explains', () => {
  for (const m of [chrome, firefox]) {
    for (const p of [...m.permissions, ...(m.optional_permissions ?? [])])
      expect(privacy, `docs/privacy.md explains "${p}"`).toContain(`\`${p}\``);
    expect(m.host_permissions ?? []).toEqual([]);
    // Hosts only as the sync server, asked for when the user sets sync up.
    expect(m.optional_host_permissions).toEqual([...SYNC_HOST_PATTERNS]);
    expect(privacy).toContain('`optional_host_permissions`');
    expect(m.permissions).not.toContain('tabs');
    expect(m.permissions).not.toContain('<all_urls>');
    // Only the panel page is reachable from web pages, and only from the supported sites.
    expect(m.web_accessible_resources).toHaveLength(1);
    expect(m.web_accessible_resources[0].resources).toEqual(['panel.html']);
    for (const match of m.web_accessible_resources[0].matches)
      expect(match).toMatch(
        /^https:\/\/(mail\.google\.com|outlook\.(office|office365|live)\.com|outlook\.cloud\.microsoft|(www|de|at|ch)\.linkedin\.com|www\.xing\.com)\/\*$/,
      );
  }
});

test('the version lives in package.json and reaches both manifests; icons in every size', () => {
  expect(chrome.version).toBe(pkg.version);
  expect(firefox.version).toBe(pkg.version);
  expect(readFileSync('CHANGELOG.md', 'utf8')).toContain(`## ${pkg.version}`);
  expect(Object.keys(chrome.icons)).toEqual(['16', '32', '48', '96', '128']);
  expect(chrome.name).toBe('__MSG_extName__');
  for (const lang of ['de', 'en']) {
    const messages = JSON.parse(
      readFileSync(`.output/chrome-mv3/_locales/${lang}/messages.json`, 'utf8'),
    );
    expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
  }
});

test('both manifests carry the extension pages’ policy: own code, no request elsewhere but sync', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name!, sources]),
    );
  for (const [name, m] of [
    ['chrome', chrome],
    ['firefox', firefox],
  ] as const) {
    const csp = m.content_security_policy?.extension_pages;
    expect(csp, `${name}: content_security_policy.extension_pages`).toEqual(expect.any(String));
    const d = directives(csp);
    // Everything not named is refused.
    expect(d.get('default-src'), name).toEqual(["'none'"]);
    expect(d.get('script-src'), name).toEqual(["'self'"]);
    expect(d.get('object-src'), name).toEqual(["'none'"]);
    expect(d.get('base-uri'), name).toEqual(["'none'"]);
    // No source reaches beyond the extension itself, but a sync server's connections (over TLS,
    // or on this machine): which one is contacted is the user's grant (tests/e2e/sync.spec.ts).
    expect(d.get('connect-src'), name).toEqual(["'self'", ...SYNC_CONNECT_SOURCES]);
    for (const [directive, sources] of d)
      if (directive !== 'connect-src')
        for (const source of sources)
          expect(["'self'", "'none'"], `${name}: ${directive} ${source}`).toContain(source);
    // The panel must stay embeddable in the supported sites.
    expect(d.has('frame-ancestors'), name).toBe(false);
  }
  expect(firefox.content_security_policy).toEqual(chrome.content_security_policy);
});

test('both packages carry the notices: the holiday data’s licence and every production package', () => {
  const expected = productionPackages().map(packageLine);
  expect(expected).toContain(
    `zod ${JSON.parse(readFileSync('node_modules/zod/package.json', 'utf8')).version} — MIT`,
  );
  for (const dir of ['.output/chrome-mv3', '.output/firefox-mv3']) {
    const notices = readFileSync(`${dir}/THIRD-PARTY-NOTICES.txt`, 'utf8');
    expect(notices).toContain('CC BY-SA 3.0');
    expect(notices).toContain('https://github.com/commenthol/date-holidays');
    const missing = expected.filter((line) => !notices.includes(line));
    // A new or updated dependency: run `npx tsx tests/tools/notices.ts` and rebuild.
    expect(missing, `${dir} lacks notices`).toEqual([]);
  }
});
