// The diagnostic report's own lines: which browser, which page fields were found (as yes/no only).
import { describe, expect, it } from 'vitest';
import { browserOf, diagnosisReport } from '@/lib/ui/panel/diagnosis';

describe('the browser named in the report', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
      'Chrome 142',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36',
      'Chrome 142',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      'Edge 131',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox 153'],
    ['something else', 'unknown'],
  ])('%s → %s', (ua, name) => expect(browserOf(ua)).toBe(name));
});

describe('the report', () => {
  it('says which fields were read as yes/no, never their values', () => {
    const report = diagnosisReport({
      diagnosis: { counts: { 'h2.hP': 1, '[email]': 0 }, versions: {} },
      context: {
        site: 'gmail',
        kind: 'thread',
        people: [],
        subject: 'Angebot Relaunch Website',
        threadId: '19a8f3c2d4e5b607',
      },
      extension: '0.1.0',
      userAgent: 'Firefox/153.0',
    });
    expect(report).toContain('page: gmail thread');
    expect(report).toContain(
      'people 0, name no, e-mail no, profile link no, subject yes, threadId yes',
    );
    expect(report).toContain('  (none found)');
    expect(report).toContain('     1  h2.hP\n     0  [email]');
    expect(report).not.toContain('Angebot');
    expect(report).not.toContain('19a8f3c2d4e5b607');
  });
});
