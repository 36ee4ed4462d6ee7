// The date of a message as the mail apps write it, in German or English, read as an instant in the
// user's zone (the apps render dates in the browser's zone, and the content script runs there).
// Pure and small (it ships in two content scripts); a date that cannot be read without guessing
// gives null, and the message is left out.
//
// Seen: Gmail's full date in span.g3's title — "Oct 24, 2023, 12:53 PM", "Mon, Nov 16, 2026,
// 4:02 PM", "20 Aug 2025, 13:19", "Mo., 16. Nov. 2026, 10:22"; Outlook's — "Friday, November 20,
// 2026 3:47 PM", "Sonntag, 22. November 2026 09:12", and its short text "Fri 11/20/2026 3:47 PM",
// "So 22.11.2026 09:12".

// Month names by their first three letters, English and German ("Mrz" and "Jän" too).
const MONTHS = 'jan|jän feb mar|mär|mrz apr may|mai jun jul aug sep oct|okt nov dec|dez'.split(' ');

const monthOf = (word: string): number =>
  MONTHS.findIndex((m) => m.split('|').includes(word.slice(0, 3).toLowerCase())) + 1;

/**
 * Reads a message's date into an ISO instant, or null: a month's name with the day before the
 * year ("16. Nov. 2026", "Nov 16, 2026"), or digits day first ("22.11.2026"), and a time.
 * Slashes ("03/04/2026": March or April?) are left out: en-US writes the month first, en-GB the
 * day, and the full date in the title says it plainly.
 */
export function parseMessageDate(value: string): string | null {
  // "4:02 PM", "4:02\u202fPM" (newer renderings put a narrow space before the AM/PM), "10:22".
  const time = /(\d\d?):(\d\d)(?:\s?([ap])\.?m)?/i.exec(value);
  if (!time) return null;
  const minute = +time[2]!;
  let hour = +time[1]!;
  if (time[3]) hour = (hour % 12) + (/p/i.test(time[3]) ? 12 : 0);
  const rest = value.replace(time[0], ' ');
  const nums = rest.match(/\d+/g)?.map(Number) ?? [];
  const month = rest
    .match(/[a-zäöü]{3,}/gi)
    ?.map(monthOf)
    .find(Boolean);
  const [a, b, c] = nums as [number, number, number];
  const [d, m, y] =
    month && nums.length === 2
      ? [a, month, b]
      : !month && nums.length === 3 && !rest.includes('/')
        ? [a, b, c]
        : [0, 0, 0];
  if (y < 1990 || hour > 23 || minute > 59) return null;
  const date = new Date(y, m - 1, d, hour, minute);
  // 31 February rolls over into March, month 13 into the next year: not a date.
  return date.getMonth() === m - 1 && date.getDate() === d ? date.toISOString() : null;
}
