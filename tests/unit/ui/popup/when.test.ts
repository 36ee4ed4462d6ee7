import { describe, expect, it } from 'vitest';
import { parseWhen } from '@/lib/ui/popup/when';

// Sunday, 22 November 2026.
const today = '2026-11-22';

describe('a follow-up day in words', () => {
  it.each([
    ['heute', '2026-11-22'],
    ['morgen', '2026-11-23'],
    ['Übermorgen', '2026-11-24'],
    ['tomorrow', '2026-11-23'],
    ['nächste Woche', '2026-11-23'],
    ['next week', '2026-11-23'],
    ['in 3 Tagen', '2026-11-25'],
    ['in 2 Wochen', '2026-12-06'],
    ['in 3 days', '2026-11-25'],
    ['in 1 Monat', '2026-12-22'],
    ['Dienstag', '2026-11-24'],
    ['nächsten Dienstag', '2026-11-24'],
    ['next tuesday', '2026-11-24'],
    ['Sonntag', '2026-11-29'],
    ['am Freitag', '2026-11-27'],
    ['15.12.', '2026-12-15'],
    ['1.3.', '2027-03-01'],
    ['22.11.', '2026-11-22'],
    ['15.12.2027', '2027-12-15'],
    ['15.12.27', '2027-12-15'],
    ['2026-12-31', '2026-12-31'],
  ])('"%s" → %s', (text, day) => expect(parseWhen(text, today)).toBe(day));

  it.each(['', 'irgendwann', '31.4.', '2026-02-30', 'in zwei Wochen', 'Dienstag Mittag'])(
    '"%s" names no day',
    (text) => expect(parseWhen(text, today)).toBeNull(),
  );

  it('a month later keeps the day, or takes the month’s last day', () => {
    expect(parseWhen('in 1 Monat', '2026-01-31')).toBe('2026-02-28');
  });
});
