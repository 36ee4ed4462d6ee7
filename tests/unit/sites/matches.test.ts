// Which site's content script may run on a URL: the manifest's own match patterns decide.
import { describe, expect, it } from 'vitest';
import { MATCHES_OF_SITE, SITE_MATCHES, siteOfMatches } from '@/lib/sites/matches';

describe('the site a content script runs on', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/abc', 'gmail'],
    ['https://outlook.office.com/mail/inbox/id/x', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/', 'outlook'],
    ['https://www.xing.com/profile/Sabine_Koehler', 'xing'],
    ['https://de.linkedin.com/in/jonas', 'linkedin'],
    ['http://mail.google.com/mail/', null],
    ['https://mail.google.com.evil.example/mail/', null],
    ['https://evil.example/https://mail.google.com/', null],
    ['https://xing.com/profile/x', null],
    ['https://fr.linkedin.com/in/jonas', null],
    ['chrome-extension://abc/panel.html', null],
    ['not a url', null],
    [undefined, null],
  ])('%s -> %s', (url, site) => {
    expect(siteOfMatches(url)).toBe(site);
  });

  it('understands every pattern of the manifest (one scheme, one exact host, any path)', () => {
    const all = Object.values(MATCHES_OF_SITE).flat();
    expect([...all].sort()).toEqual([...SITE_MATCHES].sort());
    for (const pattern of all) {
      const sample = pattern.replace('/*', '/some/page');
      expect(siteOfMatches(sample), pattern).not.toBeNull();
    }
  });
});
