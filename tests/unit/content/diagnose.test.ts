// The diagnostic report of a page Kundennah cannot read (issue 14, "When a page changes under us"):
// it names which selectors matched and how often and the app's version markers — and nothing of the
// page itself. Every site's reader runs with counting on every fixture (hand-written, real captures,
// the "changed" variants); the report must not hold a name, an address, a profile slug or any text
// the page shows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, measure, nobodyOn } from '@/lib/content/diagnose';
import { DiagnosisSchema } from '@/lib/messaging';
import { READERS, siteOfUrl, type PageContext, type Site } from '@/lib/sites';
import type { VersionMarkers } from '@/lib/sites/dom';
import { VERSION_MARKERS as GMAIL_MARKERS } from '@/lib/sites/gmail/selectors';
import { LINKEDIN_VERSION_MARKERS } from '@/lib/sites/linkedin/selectors';
import { VERSION_MARKERS as OUTLOOK_MARKERS } from '@/lib/sites/outlook/selectors';
import { XING_VERSION_MARKERS } from '@/lib/sites/xing/selectors';
import { diagnosisReport } from '@/lib/ui/panel/diagnosis';
import { CHANGED_PAGES, changedHtml } from '../../support/changed-pages';
import { FIXTURES } from '../sites/fixtures';
import { FIXTURES_DIR, fixtureHtml, parseHtml } from '../sites/helpers';

const MARKERS: Record<Site, VersionMarkers> = {
  gmail: GMAIL_MARKERS,
  outlook: OUTLOOK_MARKERS,
  xing: XING_VERSION_MARKERS,
  linkedin: LINKEDIN_VERSION_MARKERS,
};

const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';

interface Case {
  file: string;
  url: string;
  html: string;
  /** What the page holds about people besides its visible text (attributes, the URL's slug). */
  secrets: string[];
}

/** Names, addresses, profile slugs and text fields the reader finds on a normal page. */
function secretsOf(context: PageContext | null): string[] {
  const out: string[] = [];
  for (const p of context?.people ?? []) {
    if (p.name) out.push(p.name);
    if (p.email) out.push(p.email, p.email.split('@')[0]!);
    if (p.profileUrl) out.push(new URL(p.profileUrl).pathname.split('/').filter(Boolean).pop()!);
  }
  for (const field of ['subject', 'headline', 'company', 'threadId'] as const)
    if (context?.[field]) out.push(context[field]);
  return out;
}

const realCaptures: Case[] = (['gmail', 'outlook', 'xing', 'linkedin'] as const).flatMap((site) => {
  const dir = join(FIXTURES_DIR, site, 'real');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const sidecar = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
        url: string;
        expected: PageContext | null;
      };
      const file = `${site}/real/${name.replace(/\.json$/, '.html')}`;
      return {
        file,
        url: sidecar.url,
        html: fixtureHtml(file),
        secrets: secretsOf(sidecar.expected),
      };
    });
});

const CASES: Case[] = [
  ...FIXTURES.map((f) => ({
    file: f.file,
    url: f.url,
    html: fixtureHtml(f.file),
    // The signed-in user of every hand-written fixture.
    secrets: [...secretsOf(f.expected), 'Max Muster', 'max.muster'],
  })),
  ...realCaptures,
  ...Object.values(CHANGED_PAGES).map((p) => ({
    file: `${p.file} (changed)`,
    url: p.url,
    html: changedHtml(p, fixtureHtml(p.file)),
    secrets: p.private,
  })),
];

/** Every piece of text the page shows (text nodes outside scripts and styles), at least 4 letters. */
function visibleTexts(doc: Document): string[] {
  const out = new Set<string>();
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* SHOW_TEXT */);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement?.closest('script, style, template')) continue;
    const value = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (value.replace(/[^\p{L}]/gu, '').length >= 4) out.add(value);
  }
  return [...out];
}

/** The readers' own source: every selector a report names must be written there. */
const SOURCE = ['dom.ts', 'profile.ts', 'gmail', 'outlook', 'xing', 'linkedin']
  .flatMap((name) => {
    const path = join(__dirname, '..', '..', '..', 'lib', 'sites', name);
    return name.endsWith('.ts') ? [path] : readdirSync(path).map((file) => join(path, file));
  })
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

/** A key of the counts is a selector (or label) of our own code, never something of the page. */
function isOurs(key: string): boolean {
  if (key === 'people') return true;
  // meta(doc, names) asks for `meta[property="<name>"], meta[name="<name>"]` of a listed name.
  const meta = /^meta\[property="([\w:]+)"\], meta\[name="\1"\]$/.exec(key);
  if (meta) return SOURCE.includes(`'${meta[1]}'`);
  return SOURCE.includes(`'${key}'`) || SOURCE.includes(`'${key.replace(/'/g, "\\'")}'`);
}

const parsed = new Map<string, Document>();
/** Each page parsed once per file (happy-dom takes a while on big pages; readers never write). */
function docOf(html: string, url: string): Document {
  const key = `${url}\n${html}`;
  let doc = parsed.get(key);
  if (!doc) parsed.set(key, (doc = parseHtml(html, url)));
  return doc;
}

function reportOf(c: Case) {
  const site = siteOfUrl(c.url)!;
  const doc = docOf(c.html, c.url);
  const [context, diagnosis] = measure(READERS[site], MARKERS[site], doc, c.url);
  const report = diagnosisReport({ diagnosis, context, extension: '0.1.0', userAgent: UA });
  return { doc, context, diagnosis, report };
}

describe('the diagnostic report holds nothing of the page', () => {
  it.each(CASES)('$file', (c) => {
    const { doc, context, diagnosis, report } = reportOf(c);
    // What the reader tried, with counts: the report has something to say.
    if (context) {
      expect(Object.keys(diagnosis.counts).length).toBeGreaterThan(3);
      expect(report).toMatch(/^\s+\d+ {2}\S/m);
    }
    // Bounded as the message schema demands (the background drops anything else).
    expect(DiagnosisSchema.safeParse(diagnosis).success).toBe(true);
    // Selectors and labels come from our code; versions are short tokens holding no page text.
    expect(Object.keys(diagnosis.counts).filter((key) => !isOurs(key))).toEqual([]);
    // (The check bites: a selector built from the page's thread id would not pass.)
    expect(isOurs('h2[data-legacy-thread-id="19a8f3c2d4e5b607"]')).toBe(false);
    const texts = [...c.secrets, ...visibleTexts(doc)].filter((s) => s.length >= 4);
    for (const value of Object.values(diagnosis.versions)) {
      expect(value).toMatch(/^[\w.-]{1,80}$/);
      expect(texts.filter((s) => value.toLowerCase().includes(s.toLowerCase()))).toEqual([]);
    }
    // And the whole report names none of the page's people, addresses, slugs, subject or headline.
    const leaked = c.secrets.filter(
      (s) => s.length >= 4 && report.toLowerCase().includes(s.toLowerCase()),
    );
    expect(leaked).toEqual([]);
    expect(report).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
  });

  it('the report is its template, our selectors, counts and version tokens — nothing else', () => {
    const c = CASES.find((x) => x.file === 'linkedin/real/2026-08-profile-self-pl.html')!;
    const { diagnosis, report } = reportOf(c);
    const rest = report
      .split('\n')
      .filter(
        (line) =>
          !Object.keys(diagnosis.counts).some((key) => line.endsWith(`  ${key}`)) &&
          !Object.entries(diagnosis.versions).some(([k, v]) => line === `  ${k} = ${v}`),
      );
    expect(rest).toEqual([
      'Kundennah diagnostic report',
      'extension: 0.1.0',
      'browser: Chrome 142',
      'page: linkedin profile',
      'read: people 1, name yes, e-mail no, profile link yes, subject no, threadId no, headline yes, company yes',
      'page versions:',
      'selectors and strategies (elements matched, in the order the reader tried them):',
    ]);
  });
});

describe('version markers', () => {
  it.each([
    ['outlook/real/2026-03-message-list-ja.html', 'meta[name="scriptVer"] = 20260306001.04'],
    ['linkedin/real/2026-08-profile-self-pl.html', 'meta[name="como-t"] = 0.2.6676'],
    ['linkedin/real/2026-08-profile-self-pl.html', 'html[lang] = pl'],
  ])('%s names "%s"', (file, line) => {
    const c = CASES.find((x) => x.file === file)!;
    expect(reportOf(c).report).toContain(line);
  });

  it("Gmail's bundle key, never the rest of its URL", () => {
    const c = CASES.find((x) => x.file === 'gmail/2026-11-thread-single.html')!;
    const html = c.html.replace(
      '</head>',
      '<script src="https://mail.google.com/_/scs/mail-static/_/js/k=gmail.main.de.uh0t93rNJtY.O/am=X9PPQ/d=1/rs=AHGWq9BJ?u=max.muster@gmail.com"></script></head>',
    );
    const { report } = reportOf({ ...c, html });
    expect(report).toContain('= gmail.main.de.uh0t93rNJtY');
    expect(report).not.toContain('AHGWq9BJ');
    expect(report).not.toContain('max.muster');
  });

  it('a marker that holds more than a short token is left out', () => {
    const c = CASES.find((x) => x.file === 'outlook/2026-11-reading-pane.html')!;
    const html = c.html.replace('</head>', '<meta name="scriptVer" content="Anna Schmidt"></head>');
    expect(reportOf({ ...c, html }).report).not.toContain('scriptVer');
  });
});

describe('when a page counts as unreadable', () => {
  it.each(Object.entries(CHANGED_PAGES))('%s changed: nobody, and a diagnosis', (site, p) => {
    const doc = docOf(changedHtml(p, fixtureHtml(p.file)), p.url);
    const read = READERS[site as Site];
    const context = read(doc, p.url);
    expect(nobodyOn(context)).toBe(true);
    expect(diagnose(read, MARKERS[site as Site], doc, p.url, JSON.stringify(context))).toEqual(
      expect.objectContaining({ counts: expect.any(Object) }),
    );
  });

  it.each(FIXTURES.filter((f) => f.expected))('$file: somebody is read, no diagnosis', (f) => {
    const doc = docOf(fixtureHtml(f.file), f.url);
    const site = siteOfUrl(f.url)!;
    const context = READERS[site](doc, f.url);
    expect(nobodyOn(context)).toBe(false);
    expect(diagnose(READERS[site], MARKERS[site], doc, f.url, JSON.stringify(context))).toBe(
      undefined,
    );
  });

  it('a note to self (only the signed-in user on the thread) is no changed page', () => {
    const f = FIXTURES.find((x) => x.file === 'gmail/2026-11-thread-single.html')!;
    const html = fixtureHtml(f.file)
      .split('juergen.mueller@mueller-hausbau.de')
      .join('max.muster@gmail.com')
      .split('Jürgen Müller')
      .join('Max Muster');
    const doc = parseHtml(html, f.url);
    const context = READERS.gmail(doc, f.url);
    expect(context?.people).toEqual([]);
    expect(diagnose(READERS.gmail, GMAIL_MARKERS, doc, f.url, JSON.stringify(context))).toBe(
      undefined,
    );
  });

  it('a page that changed since it was sent gets no diagnosis (the next read reports it)', () => {
    const p = CHANGED_PAGES.outlook;
    const doc = docOf(changedHtml(p, fixtureHtml(p.file)), p.url);
    expect(diagnose(READERS.outlook, OUTLOOK_MARKERS, doc, p.url, 'null')).toBe(undefined);
  });
});
