// The readers run inside other people's pages: whatever the DOM looks like, they must return null or
// a valid PageContext, never throw. Fixture documents are mutated at random (and restored after each
// run, parsing a page is slow), arbitrary markup is parsed, and URLs are garbled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageContextSchema, READERS, readPage, siteOfUrl, type PageContext } from '@/lib/sites';
import { pageKindOfUrl, profileUrlOfPage } from '@/lib/sites/urls';
import { FIXTURES } from './fixtures';
import { parseHtml, sharedFixture } from './helpers';

const ATTRS = [
  'email',
  'name',
  'data-hovercard-id',
  'aria-label',
  'title',
  'class',
  'role',
  'id',
  'style',
  'href',
  'content',
  'data-legacy-thread-id',
  'data-thread-perm-id',
  'data-xds',
  'data-member-id',
  'data-testid',
  'data-app-section',
  'aria-level',
  'data-view-name',
  'data-generated-suggestion-target',
  'type',
];
const VALUES = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    'me',
    'mich',
    'thread-f:123',
    'thread-f:x',
    'Max Muster',
    'display: none;',
    '{"@type":"Person"',
  ),
  fc.emailAddress(),
  fc.tuple(fc.string(), fc.emailAddress()).map(([n, e]) => `${n} <${e}>`),
);

type Op =
  | { kind: 'remove'; i: number }
  | { kind: 'strip'; i: number; attr: string }
  | { kind: 'set'; i: number; attr: string; value: string }
  | { kind: 'text'; i: number; value: string }
  | { kind: 'move'; i: number; j: number };

const OP: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('strip' as const), i: fc.nat(), attr: fc.constantFrom(...ATTRS) }),
  fc.record({
    kind: fc.constant('set' as const),
    i: fc.nat(),
    attr: fc.constantFrom(...ATTRS),
    value: VALUES,
  }),
  fc.record({ kind: fc.constant('text' as const), i: fc.nat(), value: VALUES }),
  fc.record({ kind: fc.constant('move' as const), i: fc.nat(), j: fc.nat() }),
);

/** Applies the ops and returns a function that undoes them. */
function mutate(doc: Document, elements: Element[], ops: Op[]): () => void {
  const undo: (() => void)[] = [];
  const pick = (n: number) => elements[n % elements.length] as Element;
  for (const op of ops) {
    const el = pick(op.i);
    if (op.kind === 'remove' || op.kind === 'move') {
      const parent = el.parentNode;
      const next = el.nextSibling;
      if (!parent) continue;
      if (op.kind === 'remove') el.remove();
      else {
        const target = pick(op.j);
        if (el.contains(target) || !target.isConnected) continue;
        target.appendChild(el);
      }
      undo.push(() => parent.insertBefore(el, next && next.parentNode === parent ? next : null));
    } else if (op.kind === 'strip' || op.kind === 'set') {
      const old = el.getAttribute(op.attr);
      if (op.kind === 'strip') el.removeAttribute(op.attr);
      else el.setAttribute(op.attr, op.value);
      undo.push(() => (old === null ? el.removeAttribute(op.attr) : el.setAttribute(op.attr, old)));
    } else {
      const children = Array.from(el.childNodes);
      el.textContent = op.value;
      undo.push(() => el.replaceChildren(...children));
    }
  }
  void doc;
  return () => {
    for (const step of undo.reverse()) step();
  };
}

/** What every answer must satisfy, whatever the page. */
function checkInvariants(context: PageContext | null, url: string): void {
  const kind = pageKindOfUrl(url);
  if (context === null) return;
  expect(PageContextSchema.safeParse(context).success).toBe(true);
  expect(context.site).toBe(siteOfUrl(url));
  expect(context.kind).toBe(kind);
  for (const person of context.people) {
    if (person.email) expect(person.email).toBe(person.email.trim().toLowerCase());
    if (person.name) expect(person.name).toBe(person.name.trim());
    expect(person.name || person.email || person.profileUrl).toBeTruthy();
  }
  if (context.kind === 'profile') {
    expect(context.people).toHaveLength(1);
    expect(context.people[0]?.profileUrl).toBe(profileUrlOfPage(url));
  } else {
    const emails = context.people.map((p) => p.email).filter(Boolean);
    expect(new Set(emails).size).toBe(emails.length);
  }
}

describe('the readers never throw on mutated fixtures', () => {
  const cases = FIXTURES.filter((f) => f.expected !== null);
  it.each(cases)('$file', ({ file, url }) => {
    const doc = sharedFixture(file);
    const elements = Array.from(doc.querySelectorAll('body *'));
    const reader = READERS[siteOfUrl(url)!];
    const before = doc.documentElement.outerHTML.length;
    fc.assert(
      fc.property(fc.array(OP, { minLength: 1, maxLength: 25 }), (ops) => {
        const restore = mutate(doc, elements, ops);
        try {
          let context: PageContext | null = null;
          expect(() => (context = reader(doc, url))).not.toThrow();
          checkInvariants(context, url);
        } finally {
          restore();
        }
      }),
      { numRuns: 10 },
    );
    expect(doc.documentElement.outerHTML.length).toBe(before);
  });
});

describe('the readers never throw on arbitrary markup', () => {
  const tag = fc.constantFrom(
    'div',
    'span',
    'h1',
    'h2',
    'a',
    'table',
    'tr',
    'td',
    'main',
    'section',
    'button',
    'script',
    'meta',
    'title',
    'svg',
    'template',
  );
  const attr = fc
    .tuple(fc.constantFrom(...ATTRS), VALUES)
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`);
  const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      VALUES.map((v) => v.replace(/</g, '&lt;')),
      fc
        .tuple(tag, fc.array(attr, { maxLength: 4 }), fc.array(tie('node'), { maxLength: 4 }))
        .map(([t, attrs, children]) => `<${t}${attrs.join('')}>${children.join('')}</${t}>`),
    ),
  })).node;
  const urls = FIXTURES.map((f) => f.url);

  it('parsed random pages under every fixture URL', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 8 }), fc.constantFrom(...urls), (nodes, url) => {
        const doc = parseHtml(
          `<!DOCTYPE html><html><head><title>x</title></head><body>${nodes.join('')}</body></html>`,
        );
        const reader = READERS[siteOfUrl(url)!];
        let context: PageContext | null = null;
        expect(() => (context = reader(doc, url))).not.toThrow();
        checkInvariants(context, url);
      }),
      { numRuns: 100 },
    );
  });

  it('garbled URLs', () => {
    const doc = sharedFixture('linkedin/2026-11-profile-public-de.html');
    const url = fc.oneof(
      fc.string(),
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc
        .tuple(
          fc.constantFrom(
            'https://mail.google.com/mail/u/0/#',
            'https://outlook.office.com/mail/',
            'https://www.xing.com/profile/',
            'https://de.linkedin.com/in/',
          ),
          fc.string(),
        )
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(url, (u) => {
        let context: PageContext | null = null;
        expect(() => (context = readPage(doc, u))).not.toThrow();
        checkInvariants(context, u);
      }),
      { numRuns: 200 },
    );
  });
});
