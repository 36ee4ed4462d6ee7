import { describe, expect, it } from 'vitest';
import {
  SITE_MATCHES,
  GMAIL_MATCHES,
  LINKEDIN_MATCHES,
  OUTLOOK_MATCHES,
  XING_MATCHES,
} from '@/lib/sites/matches';
import {
  gmailLegacyThreadId,
  gmailThreadIdFromUrl,
  isGmailThreadUrl,
  isLinkedInProfileUrl,
  isOutlookMessageUrl,
  isXingProfileUrl,
  outlookItemIdFromUrl,
  pageKindOfUrl,
  profileUrlOfPage,
  siteOfUrl,
} from '@/lib/sites/urls';

describe('siteOfUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/', 'outlook'],
    ['https://outlook.office365.com/mail/inbox', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/', 'outlook'],
    ['https://www.xing.com/profile/Anna_Schmidt', 'xing'],
    ['https://xing.com/', 'xing'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://de.linkedin.com/in/anna', 'linkedin'],
    ['https://MAIL.GOOGLE.COM/mail/', 'gmail'],
  ])('%s → %s', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });

  it.each([
    'https://google.com/mail/',
    'https://mail.google.com.evil.example/mail/',
    'https://notxing.com/profile/Anna_Schmidt',
    'https://linkedin.com.evil.example/in/anna',
    'https://outlook.com/',
    'https://calendar.google.com/',
    'chrome-extension://abc/panel.html',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('%s → null', (url) => {
    expect(siteOfUrl(url)).toBeNull();
  });
});

describe('Gmail thread URLs', () => {
  it.each([
    [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
      'FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    ],
    [
      'https://mail.google.com/mail/u/1/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
      'FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    ],
    [
      'https://mail.google.com/mail/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
      'FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    ],
    [
      'https://mail.google.com/mail/u/0/#label/Kunden/KtbxLvHLWwDnQPKlqbCxKsVfbRdhnqcjVV',
      'KtbxLvHLWwDnQPKlqbCxKsVfbRdhnqcjVV',
    ],
    ['https://mail.google.com/mail/u/0/#label/Kunden%2FAktiv/FMfcgzQcqbVhSfWz', 'FMfcgzQcqbVhSfWz'],
    [
      'https://mail.google.com/mail/u/0/#label/Kunden/Aktiv/FMfcgzQcqbVhSfWzNhZw',
      'FMfcgzQcqbVhSfWzNhZw',
    ],
    [
      'https://mail.google.com/mail/u/0/#search/rechnung/FMfcgzQcqbXbLgQlRtFv',
      'FMfcgzQcqbXbLgQlRtFv',
    ],
    [
      'https://mail.google.com/mail/u/0/#search/from%3Aanna+angebot/FMfcgzQcqbXbLgQlRtFv',
      'FMfcgzQcqbXbLgQlRtFv',
    ],
    [
      'https://mail.google.com/mail/u/0/#sent/QgrcJHrnxqmXpHgWMXJtKZgbvWHGTdNWbFv',
      'QgrcJHrnxqmXpHgWMXJtKZgbvWHGTdNWbFv',
    ],
    ['https://mail.google.com/mail/u/0/#all/19a8f3c2d4e5b607', '19a8f3c2d4e5b607'],
    ['https://mail.google.com/mail/u/0/#starred/19a8f3c2d4e5b607', '19a8f3c2d4e5b607'],
    [
      'https://mail.google.com/mail/u/0/#category/social/FMfcgzQcqbVhSfWzNhZw',
      'FMfcgzQcqbVhSfWzNhZw',
    ],
    [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqbVhSfWzNhZw?projector=1',
      'FMfcgzQcqbVhSfWzNhZw',
    ],
    ['https://mail.google.com/mail/u/0/?ui=2#inbox/FMfcgzQcqbVhSfWzNhZw', 'FMfcgzQcqbVhSfWzNhZw'],
  ])('%s is a thread (%s)', (url, id) => {
    expect(gmailThreadIdFromUrl(url)).toBe(id);
    expect(isGmailThreadUrl(url)).toBe(true);
    expect(pageKindOfUrl(url)).toBe('thread');
  });

  it.each([
    ['the inbox', 'https://mail.google.com/mail/u/0/#inbox'],
    ['the inbox, page 2', 'https://mail.google.com/mail/u/0/#inbox/p2'],
    ['no hash', 'https://mail.google.com/mail/u/0/'],
    ['a label list', 'https://mail.google.com/mail/u/0/#label/Kunden'],
    ['a label named like words', 'https://mail.google.com/mail/u/0/#label/Kunden/Angebote2026'],
    ['a search list', 'https://mail.google.com/mail/u/0/#search/rechnung'],
    ['a search list, page 3', 'https://mail.google.com/mail/u/0/#search/rechnung/p3'],
    ['settings', 'https://mail.google.com/mail/u/0/#settings/general'],
    ['compose', 'https://mail.google.com/mail/u/0/#inbox?compose=new'],
    ['contacts', 'https://mail.google.com/mail/u/0/#contacts'],
    [
      'another Google host',
      'https://calendar.google.com/calendar/u/0/r#inbox/FMfcgzQcqbVhSfWzNhZw',
    ],
    ['another path', 'https://mail.google.com/chat/u/0/#inbox/FMfcgzQcqbVhSfWzNhZw'],
  ])('%s is no thread', (_label, url) => {
    expect(gmailThreadIdFromUrl(url)).toBeNull();
    expect(pageKindOfUrl(url)).toBeNull();
  });
});

describe('Gmail thread tokens → legacy hex thread ids', () => {
  it.each([
    [
      'a newer token ("f:<decimal>" in base 40)',
      'FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
      '19a8f3c2d4e5b607',
    ],
    ['another newer token', 'FMfcgzQcqtXvlDVnphwbnChjvpShfKTg', '19a91b2c3d4e5f60'],
    ['a legacy hex id', '19A8F3C2D4E5B607', '19a8f3c2d4e5b607'],
    ['a token of another kind (sent mail, drafts)', 'KtbxLvHLWwDnQPKlqbCxKsVfbRdhnqcjVV', null],
    ['consonants that decode to nothing', 'FMfcgzQcqbVhSfWzNhZwDnKXfmNZLJxP', null],
    ['a vowel (not of the alphabet)', 'FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbza', null],
    ['an absurdly long token', 'B'.repeat(200), null],
  ])('%s', (_label, token, legacy) => {
    expect(gmailLegacyThreadId(token)).toBe(legacy);
  });
});

describe('Outlook message URLs', () => {
  it.each([
    [
      'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVh%2BZkN%2F1v6%3D',
      'AAQkAGI2NGVh+ZkN/1v6=',
    ],
    ['https://outlook.office.com/mail/id/AAQkAGI2NGVh%3D', 'AAQkAGI2NGVh='],
    ['https://outlook.office365.com/mail/sentitems/id/AAQkAGI2NGVh', 'AAQkAGI2NGVh'],
    ['https://outlook.office.com/mail/AAMkADFolder%3D/id/AAQkAGI2NGVh', 'AAQkAGI2NGVh'],
    ['https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAA', 'AQQkADAwATM0MDAA'],
    ['https://outlook.live.com/mail/0/id/AQQkADAwATM0MDAA', 'AQQkADAwATM0MDAA'],
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVh/sxs/AAMkAttachment', 'AAQkAGI2NGVh'],
    ['https://outlook.office.com/mail/deeplink/read/AAMkAGI2NGVh%3D?popoutv2=1', 'AAMkAGI2NGVh='],
    ['https://outlook.live.com/mail/0/deeplink/read/AQMkADAwATM0%2F?popoutv2=1', 'AQMkADAwATM0/'],
    [
      'https://outlook.office365.com/owa/?ItemID=AAMkAGI2NGVh%3D&exvsurl=1&viewmodel=ReadMessageItem',
      'AAMkAGI2NGVh=',
    ],
    ['https://outlook.office.com/mail/deeplink?ItemID=AAMkAGI2NGVh', 'AAMkAGI2NGVh'],
    ['https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2NGVh', 'AAQkAGI2NGVh'],
  ])('%s is a message (%s)', (url, id) => {
    expect(outlookItemIdFromUrl(url)).toBe(id);
    expect(isOutlookMessageUrl(url)).toBe(true);
    expect(pageKindOfUrl(url)).toBe('thread');
  });

  it.each([
    ['the inbox', 'https://outlook.office.com/mail/'],
    ['a folder', 'https://outlook.office.com/mail/inbox'],
    ['a live.com folder', 'https://outlook.live.com/mail/0/'],
    ['compose', 'https://outlook.office.com/mail/deeplink/compose'],
    ['the calendar', 'https://outlook.office.com/calendar/view/week'],
    ['an event id', 'https://outlook.office.com/calendar/item/id/AAMkAGI2NGVh'],
    ['people', 'https://outlook.office.com/people/'],
    ['another host', 'https://outlook.com/mail/inbox/id/AAQkAGI2NGVh'],
  ])('%s is no message', (_label, url) => {
    expect(outlookItemIdFromUrl(url)).toBeNull();
    expect(pageKindOfUrl(url)).toBeNull();
  });
});

describe('profile URLs', () => {
  it.each([
    ['https://www.xing.com/profile/Anna_Schmidt', 'https://www.xing.com/profile/Anna_Schmidt'],
    ['https://www.xing.com/profile/Anna_Schmidt/', 'https://www.xing.com/profile/Anna_Schmidt'],
    ['https://www.xing.com/profile/Anna_Schmidt/cv', 'https://www.xing.com/profile/Anna_Schmidt'],
    [
      'https://www.xing.com/profile/Anna_Schmidt42?sc_o=da980_e',
      'https://www.xing.com/profile/Anna_Schmidt42',
    ],
    ['https://xing.com/profile/Anna_Schmidt#cv', 'https://www.xing.com/profile/Anna_Schmidt'],
  ])('XING %s → %s', (url, canonical) => {
    expect(isXingProfileUrl(url)).toBe(true);
    expect(profileUrlOfPage(url)).toBe(canonical);
    expect(pageKindOfUrl(url)).toBe('profile');
  });

  it.each([
    'https://www.xing.com/search/members?keywords=Anna%20Schmidt',
    'https://www.xing.com/search/all?keywords=anna',
    'https://www.xing.com/profile/',
    'https://www.xing.com/pages/koehler-events-gmbh',
    'https://www.xing.com/jobs/muenchen-eventmanager-123',
    'https://www.xing.com/',
    'https://www.linkedin.com/profile/Anna_Schmidt',
  ])('XING %s is no profile', (url) => {
    expect(isXingProfileUrl(url)).toBe(false);
    if (siteOfUrl(url) === 'xing') expect(pageKindOfUrl(url)).toBeNull();
  });

  it.each([
    [
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3/',
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3',
    ],
    [
      'https://de.linkedin.com/in/anna-schmidt-4b1a2c3',
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3',
    ],
    [
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3/details/experience/',
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3',
    ],
    [
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3/overlay/contact-info/',
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3',
    ],
    [
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3?originalSubdomain=de',
      'https://www.linkedin.com/in/anna-schmidt-4b1a2c3',
    ],
    [
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/',
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller',
    ],
    [
      'https://www.linkedin.com/in/jürgen-müller/',
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller',
    ],
  ])('LinkedIn %s → %s', (url, canonical) => {
    expect(isLinkedInProfileUrl(url)).toBe(true);
    expect(profileUrlOfPage(url)).toBe(canonical);
    expect(pageKindOfUrl(url)).toBe('profile');
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/search/results/people/?keywords=anna%20schmidt',
    'https://www.linkedin.com/mynetwork/',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/company/schmidt-partner/',
    'https://www.linkedin.com/jobs/view/123/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH',
    'https://www.linkedin.com/',
  ])('LinkedIn %s is no profile', (url) => {
    expect(isLinkedInProfileUrl(url)).toBe(false);
    expect(pageKindOfUrl(url)).toBeNull();
  });
});

describe('match patterns', () => {
  const matches = (pattern: string, url: string): boolean => {
    const [scheme, rest] = pattern.split('://') as [string, string];
    const host = rest.slice(0, rest.indexOf('/'));
    const u = new URL(url);
    const hostOk = host.startsWith('*.')
      ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1))
      : u.hostname === host;
    return u.protocol === `${scheme}:` && hostOk;
  };
  const covered = (url: string) => SITE_MATCHES.some((p) => matches(p, url));

  it.each([
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVh',
    'https://outlook.office365.com/mail/inbox/id/AAQkAGI2NGVh',
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAA',
    'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2NGVh',
    'https://www.xing.com/profile/Anna_Schmidt/cv',
    'https://www.linkedin.com/in/anna-schmidt/',
    'https://de.linkedin.com/in/anna-schmidt',
  ])('the content scripts run on %s', (url) => {
    expect(covered(url)).toBe(true);
  });

  it('every match pattern belongs to the site the predicates give its host', () => {
    const sites = [
      [GMAIL_MATCHES, 'gmail'],
      [OUTLOOK_MATCHES, 'outlook'],
      [XING_MATCHES, 'xing'],
      [LINKEDIN_MATCHES, 'linkedin'],
    ] as const;
    for (const [patterns, site] of sites) {
      for (const pattern of patterns) {
        expect(siteOfUrl(pattern.replace('/*', '/').replace('*.', 'www.'))).toBe(site);
      }
    }
  });
});
