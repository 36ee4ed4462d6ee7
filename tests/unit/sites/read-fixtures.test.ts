import { describe, expect, it } from 'vitest';
import {
  PageContextSchema,
  READERS,
  readGmail,
  readLinkedIn,
  readOutlook,
  readPage,
  readPageWithMessages,
  readXing,
  type PageContext,
  siteOfUrl,
} from '@/lib/sites';
import { FIXTURES, fixture } from './fixtures';
import { loadFixture, sharedFixture } from './helpers';

describe('readPage on the dated fixtures', () => {
  it.each(FIXTURES)('$file → the expected PageContext', ({ file, url, expected }) => {
    const doc = sharedFixture(file);
    const context = readPageWithMessages(doc, url);
    expect(context).toEqual(expected);
    if (context) {
      expect(PageContextSchema.parse(context)).toEqual(context);
      // The per-site reader that content scripts import directly gives the same answer.
      const site = siteOfUrl(url);
      expect(site && READERS[site](doc, url)).toEqual(expected);
      // The readPage contract: exactly its fields, the thread's messages left out.
      const { messages: _messages, ...contract } = expected as PageContext;
      expect(readPage(doc, url)).toEqual(contract);
      expect(Object.keys(readPage(doc, url) ?? {})).not.toContain('messages');
    }
  });

  it('is stable: reading the same page twice gives the same result (content scripts re-read on mutations)', () => {
    const { file, url } = fixture('gmail/2026-11-thread-long-cc.html');
    const doc = sharedFixture(file);
    expect(readPage(doc, url)).toEqual(readPage(doc, url));
  });

  it('leaves the page untouched', () => {
    const { file, url } = fixture('outlook/2026-11-reading-pane.html');
    const doc = loadFixture(file, url);
    const before = doc.documentElement.outerHTML;
    readPage(doc, url);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('the same page under other URLs of the same kind', () => {
  const single = fixture('gmail/2026-11-thread-single.html');
  const singleExpected = single.expected!;

  it.each([
    ['another account', 'https://mail.google.com/mail/u/3/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm'],
    ['no account index', 'https://mail.google.com/mail/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm'],
    [
      'a nested label',
      'https://mail.google.com/mail/u/0/#label/Kunden%2FAktiv/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    ],
    [
      'a search',
      'https://mail.google.com/mail/u/0/#search/m%C3%BCller+angebot/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    ],
    ['the legacy hex id', 'https://mail.google.com/mail/u/0/#all/19a8f3c2d4e5b607'],
    [
      'an attachment preview',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm?projector=1',
    ],
  ])('Gmail thread under %s', (_label, url) => {
    expect(readGmail(sharedFixture(single.file), url)).toEqual(singleExpected);
  });

  it('the Gmail thread DOM under a list URL is no thread (the URL decides)', () => {
    const url = 'https://mail.google.com/mail/u/0/#label/Kunden';
    expect(readPage(sharedFixture(single.file), url)).toBeNull();
  });

  const pane = fixture('outlook/2026-11-reading-pane.html');
  const id = 'AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX0%3D';
  it.each([
    ['office365.com', `https://outlook.office365.com/mail/inbox/id/${id}`],
    ['a full-page message', `https://outlook.office.com/mail/id/${id}`],
    ['the sent folder', `https://outlook.office.com/mail/sentitems/id/${id}`],
    ['a deeplink', `https://outlook.office.com/mail/deeplink/read/${id}?popoutv2=1`],
    ['the newer cloud.microsoft host', `https://outlook.cloud.microsoft/mail/inbox/id/${id}`],
  ])('Outlook message under %s', (_label, url) => {
    const context = readOutlook(sharedFixture(pane.file), url);
    expect(context).toEqual(pane.expected);
  });

  it('the Outlook reading pane DOM under the folder URL is no thread', () => {
    const url = 'https://outlook.office.com/mail/inbox';
    expect(readPage(sharedFixture(pane.file), url)).toBeNull();
  });

  const profile = fixture('linkedin/2026-11-profile.html');
  it.each([
    'https://www.linkedin.com/in/jonas-weber-7b3a91152',
    'https://de.linkedin.com/in/jonas-weber-7b3a91152/',
    'https://www.linkedin.com/in/jonas-weber-7b3a91152/?originalSubdomain=de',
    'https://www.linkedin.com/in/jonas-weber-7b3a91152/overlay/contact-info/',
    'https://www.linkedin.com/in/jonas-weber-7b3a91152/recent-activity/all/',
  ])('LinkedIn profile under %s has the canonical profile URL', (url) => {
    expect(readLinkedIn(sharedFixture(profile.file), url)).toEqual(profile.expected);
  });

  const xing = fixture('xing/2026-11-profile.html');
  it.each([
    'https://www.xing.com/profile/Sabine_Koehler',
    'https://www.xing.com/profile/Sabine_Koehler/',
    'https://www.xing.com/profile/Sabine_Koehler/web_profiles',
    'https://xing.com/profile/Sabine_Koehler#activities',
  ])('XING profile under %s has the canonical profile URL', (url) => {
    expect(readXing(sharedFixture(xing.file), url)).toEqual(xing.expected);
  });

  it('a profile page under a search URL is no profile', () => {
    const url = 'https://www.linkedin.com/search/results/people/?keywords=jonas%20weber';
    expect(readPage(sharedFixture(profile.file), url)).toBeNull();
  });
});
