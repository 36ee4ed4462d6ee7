// Message dates as Gmail and Outlook write them, German and English: read in the user's zone, or
// left out when they cannot be read without guessing.
import { describe, expect, it } from 'vitest';
import { parseMessageDate } from '@/lib/sites/message-date';

const local = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(y, mo - 1, d, h, mi).toISOString();

describe('parseMessageDate', () => {
  it.each([
    // Gmail, span.g3 title
    ['Oct 24, 2023, 12:53 PM', local(2023, 10, 24, 12, 53)],
    ['Mon, Nov 16, 2026, 4:02 PM', local(2026, 11, 16, 16, 2)],
    ['Mon, Nov 16, 2026, 4:02\u202fPM', local(2026, 11, 16, 16, 2)],
    ['Nov 2, 2026, 12:05 AM', local(2026, 11, 2, 0, 5)],
    ['20 Aug 2025, 13:19', local(2025, 8, 20, 13, 19)],
    ['Mo., 16. Nov. 2026, 10:22', local(2026, 11, 16, 10, 22)],
    ['Do., 5. März 2026, 08:00', local(2026, 3, 5, 8, 0)],
    ['Fr., 3. Mai 2026, 17:45', local(2026, 5, 3, 17, 45)],
    ['Di., 13. Okt. 2026, 09:15', local(2026, 10, 13, 9, 15)],
    ['Mi., 2. Dez. 2026, 23:59', local(2026, 12, 2, 23, 59)],
    ['Mo., 4. Jän. 2027, 07:30', local(2027, 1, 4, 7, 30)],
    // Outlook, SentReceivedSavedTime title and text
    ['Friday, November 20, 2026 3:47 PM', local(2026, 11, 20, 15, 47)],
    ['Sonntag, 22. November 2026 09:12', local(2026, 11, 22, 9, 12)],
    ['So 22.11.2026 09:12', local(2026, 11, 22, 9, 12)],
    ['Montag, 16. März 2026 um 10:22 Uhr', local(2026, 3, 16, 10, 22)],
  ])('%s', (raw, expected) => {
    expect(parseMessageDate(raw)).toBe(expected);
  });

  it.each([
    ['26 дек. 2019 г., 22:53', 'neither German nor English'],
    ['12:53 PM (2 minutes ago)', 'a time without a date'],
    ['Mon, Nov 16, 2026', 'a date without a time'],
    ['Fri 11/20/2026 3:47 PM', 'slashes: month or day first?'],
    ['Thu 03/04/2026 10:00', 'slashes: March or April?'],
    ['31. Feb. 2026, 10:00', 'no such day'],
    ['16.13.2026 10:00', 'no such month'],
    ['16.11.26 10:00', 'a two-digit year'],
    ['Yesterday 3:47 PM', 'relative'],
    ['16. Nov. 2026, 25:10', 'no such hour'],
    ['', 'nothing'],
  ])('%s → left out (%s)', (raw) => {
    expect(parseMessageDate(raw)).toBeNull();
  });
});
