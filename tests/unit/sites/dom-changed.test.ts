// "The site changed its DOM": selectors disappear one by one and the fallbacks must still deliver
// partial data — never an exception, never a wrong person.
import { describe, expect, it } from 'vitest';
import { readPageWithMessages, type PageContext } from '@/lib/sites';
import { bigGmailPage } from '../../fixtures/gmail/big';
import { FIXTURES, fixture } from './fixtures';
import {
  loadFixture,
  parseHtml,
  removeAll,
  scrambleClasses,
  setTitle,
  stripAttribute,
} from './helpers';

const names = (context: PageContext | null) => context?.people.map((p) => p.name);
const bigPage = () => bigGmailPage({ listRows: 20, messages: 12, correspondents: 5 });

describe('Gmail after DOM changes', () => {
  const long = fixture('gmail/2026-11-thread-long-cc.html');
  const expected = long.expected!;

  it('a new build renamed every class: attributes still carry people, subject and id', () => {
    const doc = loadFixture(long.file);
    scrambleClasses(doc);
    expect(readPageWithMessages(doc, long.url)).toEqual(expected);
  });

  it('the `email` attribute is gone: hovercard ids take over', () => {
    const doc = loadFixture(long.file);
    expect(stripAttribute(doc, 'email')).toBeGreaterThan(10);
    expect(readPageWithMessages(doc, long.url)).toEqual(expected);
  });

  it('no addresses at all: people by name, the user recognised by name and "me"', () => {
    const doc = loadFixture(long.file);
    stripAttribute(doc, 'email');
    stripAttribute(doc, 'data-hovercard-id');
    removeAll(doc, '.go'); // the "<address>" next to the sender
    const context = readPageWithMessages(doc, long.url);
    expect(context).toEqual({
      ...expected,
      people: [
        { name: 'Anna Schmidt' },
        { name: 'Sabine Köhler' },
        { name: 'Jonas Weber' },
        { name: 'Lena Fischer' },
      ],
      // The messages keep their dates and directions (the user by name); no sender's address.
      messages: expected.messages!.map(({ from: _from, ...m }) => m),
    });
  });

  it('the subject heading is gone: subject from the title, thread id decoded from the URL', () => {
    const doc = loadFixture(long.file);
    removeAll(doc, 'h2');
    expect(readPageWithMessages(doc, long.url)).toEqual(expected);
  });

  it('the heading is gone and the URL token is of an unknown kind: the token is the thread id', () => {
    const doc = loadFixture(long.file);
    removeAll(doc, 'h2');
    const url = 'https://mail.google.com/mail/u/0/#sent/KtbxLvHLWwDnQPKlqbCxKsVfbRdhnqcjVV';
    expect(readPageWithMessages(doc, url)?.threadId).toBe('KtbxLvHLWwDnQPKlqbCxKsVfbRdhnqcjVV');
  });

  it('a thread opened before is kept without an inline style: the one the URL names still wins', () => {
    const doc = loadFixture(long.file);
    for (const main of Array.from(doc.querySelectorAll('[role="main"][style]')))
      main.removeAttribute('style');
    expect(readPageWithMessages(doc, long.url)).toEqual(expected);
  });

  it('only the permanent thread id is left: it is converted to the legacy hex id', () => {
    const doc = loadFixture(long.file);
    stripAttribute(doc, 'data-legacy-thread-id');
    expect(readPageWithMessages(doc, long.url)?.threadId).toBe(expected.threadId);
  });

  it('no account button and no title: the user is found by Gmail\'s "me"', () => {
    const doc = loadFixture(long.file);
    removeAll(doc, 'header');
    setTitle(doc, '');
    expect(readPageWithMessages(doc, long.url)).toEqual(expected);
  });

  it('no account, no title, no "me": the address on every message is the user', () => {
    const { html, url, expected: big } = bigPage();
    const doc = parseHtml(
      html.replace(/<title>.*?<\/title>/, '').replace(/aria-label="Google Account:[^"]*"/, ''),
      url,
    );
    for (const el of Array.from(doc.querySelectorAll('.g2')))
      if (el.textContent === 'me') el.textContent = 'Max';
    expect(readPageWithMessages(doc, url)?.people).toEqual(big.people);
  });

  it('the thread is not rendered yet: partial data from the URL and the title', () => {
    const doc = loadFixture(long.file);
    removeAll(doc, '[role="main"]');
    expect(readPageWithMessages(doc, long.url)).toEqual({
      site: 'gmail',
      kind: 'thread',
      people: [],
      subject: expected.subject,
      threadId: expected.threadId,
    });
  });

  it('the German UI without its account button still drops "mich"', () => {
    const de = fixture('gmail/2026-11-thread-de.html');
    const doc = loadFixture(de.file);
    removeAll(doc, 'header');
    setTitle(doc, '');
    expect(readPageWithMessages(doc, de.url)).toEqual({
      ...de.expected,
      subject: 'Rückfrage zur Rechnung Nr. 2026-114',
    });
  });
});

describe('Outlook after DOM changes', () => {
  const pane = fixture('outlook/2026-11-reading-pane.html');
  const live = fixture('outlook/2026-11-live-message.html');

  it('a new build renamed every class: ids, data-* and ARIA still work', () => {
    const doc = loadFixture(pane.file);
    scrambleClasses(doc);
    // A collapsed message names its sender only by a generated class: without it, whose message
    // it is cannot be told, and it is left out (never a wrong direction).
    const expanded = pane.expected!.messages!.filter((m) => m.from);
    expect(readPageWithMessages(doc, pane.url)).toEqual({ ...pane.expected, messages: expanded });
  });

  it('no ARIA labels: sender text and persona titles still give the people', () => {
    const doc = loadFixture(pane.file);
    stripAttribute(doc, 'aria-label');
    expect(readPageWithMessages(doc, pane.url)).toEqual(pane.expected);
  });

  it('no me-control: the title still names the user', () => {
    const doc = loadFixture(live.file);
    removeAll(doc, '#O365_NavHeader');
    expect(readPageWithMessages(doc, live.url)).toEqual(live.expected);
  });

  it('no reading pane container: the whole page is searched, the message list still left out', () => {
    const doc = loadFixture(pane.file);
    for (const id of ['ReadingPaneContainerId', 'ConversationReadingPaneContainer'])
      doc.getElementById(id)?.removeAttribute('id');
    stripAttribute(doc, 'data-app-section');
    stripAttribute(doc, 'role');
    expect(readPageWithMessages(doc, pane.url)).toEqual({ ...pane.expected, subject: undefined });
  });
});

describe('XING after DOM changes', () => {
  const xing = fixture('xing/2026-11-profile.html');
  const profileUrl = 'https://www.xing.com/profile/Sabine_Koehler';

  it('a new build renamed every class: nothing depends on them', () => {
    const doc = loadFixture(xing.file);
    scrambleClasses(doc);
    expect(readPageWithMessages(doc, xing.url)).toEqual(xing.expected);
  });

  it('no design-system markers: JSON-LD gives the job title and employer', () => {
    const doc = loadFixture(xing.file);
    stripAttribute(doc, 'data-xds');
    expect(readPageWithMessages(doc, xing.url)).toEqual({
      site: 'xing',
      kind: 'profile',
      people: [{ name: 'Sabine Köhler', profileUrl }],
      headline: 'Geschäftsführerin',
      company: 'Köhler Events GmbH',
    });
  });

  it('no heading: the name comes from the title; without a title from JSON-LD; then from og:title', () => {
    const doc = loadFixture(xing.file);
    removeAll(doc, 'h1');
    expect(names(readPageWithMessages(doc, xing.url))).toEqual(['Sabine Köhler']);
    setTitle(doc, 'XING');
    expect(names(readPageWithMessages(doc, xing.url))).toEqual(['Sabine Köhler']);
    removeAll(doc, 'script[type="application/ld+json"]');
    expect(names(readPageWithMessages(doc, xing.url))).toEqual(['Sabine Köhler']);
  });

  it('nothing names the person: the profile URL alone', () => {
    const doc = loadFixture(xing.file);
    removeAll(doc, 'h1, script, meta');
    setTitle(doc, '');
    expect(readPageWithMessages(doc, xing.url)?.people).toEqual([{ profileUrl }]);
  });
});

describe('LinkedIn after DOM changes', () => {
  const li = fixture('linkedin/2026-11-profile.html');

  it('a new build renamed every class: ARIA label, data-* attributes and href keep working', () => {
    const doc = loadFixture(li.file);
    scrambleClasses(doc);
    expect(readPageWithMessages(doc, li.url)).toEqual(li.expected);
  });

  it('no ARIA labels: name from the heading, employer from the first experience entry', () => {
    const doc = loadFixture(li.file);
    stripAttribute(doc, 'aria-label');
    expect(readPageWithMessages(doc, li.url)).toEqual(li.expected);
  });

  it('the contact-info overlay is open: the shared address joins the person', () => {
    const url = 'https://www.linkedin.com/in/jonas-weber-7b3a91152/overlay/contact-info/';
    const doc = loadFixture(li.file);
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.innerHTML =
      '<section class="pv-contact-info__contact-type"><h3>E-Mail</h3><div><a href="mailto:Jonas.Weber@schmidt-partner.de" class="link-without-visited-state">Jonas.Weber@schmidt-partner.de</a></div></section>';
    doc.body.appendChild(dialog);
    expect(readPageWithMessages(doc, url)?.people).toEqual([
      {
        name: 'Jonas Weber',
        email: 'jonas.weber@schmidt-partner.de',
        profileUrl: 'https://www.linkedin.com/in/jonas-weber-7b3a91152',
      },
    ]);
  });

  it('no name heading: the label of the link around it still names the person', () => {
    const doc = loadFixture(li.file);
    removeAll(doc, 'h1');
    setTitle(doc, 'LinkedIn');
    expect(names(readPageWithMessages(doc, li.url))).toEqual(['Jonas Weber']);
  });

  it('no top card at all: the title names the person; the user in the global nav never does', () => {
    const doc = loadFixture(li.file);
    removeAll(doc, 'section[data-member-id]');
    expect(names(readPageWithMessages(doc, li.url))).toEqual(['Jonas Weber']);
    setTitle(doc, 'LinkedIn');
    const context = readPageWithMessages(doc, li.url);
    expect(names(context)).not.toContain('Max Muster');
  });
});

describe('empty and foreign documents', () => {
  it.each(FIXTURES)(
    'an empty document under $url: null or partial, no throw',
    ({ url, expected }) => {
      const empty = parseHtml('');
      const context = readPageWithMessages(empty, url);
      if (expected === null) {
        expect(context).toBeNull();
      } else if (expected.kind === 'thread') {
        expect(context).toEqual({
          site: expected.site,
          kind: 'thread',
          people: [],
          threadId: expect.any(String),
        });
      } else {
        expect(context).toEqual({
          site: expected.site,
          kind: 'profile',
          people: [{ profileUrl: expected.people[0]?.profileUrl }],
        });
      }
    },
  );

  it('a page of another site under a supported URL yields no people from the wrong shapes', () => {
    const gmail = fixture('gmail/2026-11-thread-single.html');
    const doc = loadFixture('xing/2026-11-profile.html');
    expect(readPageWithMessages(doc, gmail.url)).toEqual({
      site: 'gmail',
      kind: 'thread',
      people: [],
      threadId: '19a8f3c2d4e5b607',
    });
  });

  it('unsupported or broken URLs: null', () => {
    const doc = parseHtml('<html><body><h1>Hallo</h1></body></html>');
    for (const url of [
      '',
      'about:blank',
      'https://example.com/in/anna',
      '::::',
      'https://mail.google.com/mail/u/0/#inbox',
    ]) {
      expect(readPageWithMessages(doc, url)).toBeNull();
    }
  });
});
