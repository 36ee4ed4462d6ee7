// Values as every importer needs them: names, e-mails, phones, URLs, birthdays, and the rule that
// turns what a row or card had into a ContactDraft (or refuses it).

import { regexes } from 'zod';
import { DayOfYearSchema, EmailSchema, daysInMonth, normalizeProfileUrl } from '../model';
import type { ContactDraft, DayOfYear } from '../model';
import { excerpt, issue, type ImportIssue } from './issues';

// C0/C1 controls and the BOM never belong in a name or a company.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\ufeff]+/g;
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\ufeff]|\s\s|[^\S ]/;

/** Trimmed, controls and line breaks turned into spaces, inner whitespace collapsed. */
export function cleanText(value: string | undefined): string {
  if (!value) return '';
  // Most values are clean already; the regex replacements are the expensive part of an import.
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

// Where Kundennah's CSV export put an apostrophe before a formula character: at the start of the
// cell and after every comma, semicolon, tab or line break, past blanks and quotes (lib/io/export.ts).
const NEUTRALISED = /(?<=^|[,;\t\r\n])([ "]*)'('*[=+\-@\t\r])/g;

/**
 * Spreadsheet exports neutralise `=+-@` (and a tab or CR) at the start of a cell with an apostrophe,
 * Kundennah's also wherever another separator could start a field inside the cell; undo that, one
 * apostrophe at each such place, so that our own export reads back exactly.
 */
export function unneutralise(cell: string): string {
  return cell.includes("'") ? cell.replace(NEUTRALISED, '$1$2') : cell;
}

/**
 * Google joins several values in one cell with " ::: ". Parts are trimmed by whoever reads them;
 * no `\s*` around the separator, which would make a long run of spaces quadratic.
 */
export function splitMulti(cell: string): string[] {
  return cell.includes(':::') ? cell.split(':::') : [cell];
}

export type Normalised = { ok: string } | { invalid: string } | null;

/**
 * An e-mail as the model stores it (trimmed, lower-case, valid), `invalid` for something that is
 * not an address, null for nothing to import (empty, or an Exchange-internal `/o=...` name that
 * Outlook writes for company-directory contacts).
 */
export function normaliseEmail(raw: string): Normalised {
  let v = raw.trim();
  if (!v) return null;
  const angle = /<([^<>]*)>/.exec(v);
  if (angle) v = angle[1]!.trim();
  v = v.replace(/^mailto:/i, '').trim();
  if (!v) return null;
  if (/^\/o=/i.test(v)) return null;
  // What EmailSchema does (trim, lower-case, zod's e-mail pattern), without a schema run per
  // address; anything the pattern refuses goes to the schema, which has the last word.
  const lower = v.toLowerCase();
  if (regexes.email.test(lower)) return { ok: lower };
  const parsed = EmailSchema.safeParse(v);
  return parsed.success ? { ok: parsed.data } : { invalid: raw.trim() };
}

/** A phone number as written (tel: URIs unwrapped); something without a digit is no number. */
export function normalisePhone(raw: string): Normalised {
  const v = cleanText(raw.replace(/^\s*tel:/i, ''));
  if (!v) return null;
  return /\d/.test(v) ? { ok: v } : { invalid: v };
}

// The common case, a plain profile address, without the URL parser (a large import has thousands).
// Only slugs the URL parser leaves exactly as they are (no dots, no percent signs) take this path;
// scheme and host are case-insensitive, the path is not (the model's rule).
const PLAIN_PROFILE =
  /^https?:\/\/(?:www\.)?(linkedin\.com|xing\.com)(\/in|\/profile)\/([A-Za-z0-9_-]+)\/?$/i;
const PROFILE_PATH: Record<string, string> = { 'linkedin.com': '/in', 'xing.com': '/profile' };

/**
 * A URL as the model's `profileUrls` keeps it: canonical XING/LinkedIn profile, any other http(s)
 * address as written. Without a scheme, a host with a dot is required ("www.example.de" yes,
 * "n/a" no), since the model would otherwise read any word as a host name.
 */
export function normaliseUrl(raw: string): Normalised {
  const v = raw.trim();
  if (!v) return null;
  const plain = PLAIN_PROFILE.exec(v);
  if (plain) {
    const host = plain[1]!.toLowerCase();
    if (PROFILE_PATH[host] === plain[2])
      return { ok: `https://www.${host}${plain[2]}/${plain[3]}` };
  }
  if (/\s/.test(v)) return { invalid: v };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(v);
  if (!hasScheme && !/^[^/?#]+\.[^/?#.]+/.test(v)) return { invalid: v };
  const url = normalizeProfileUrl(v);
  return url ? { ok: url } : { invalid: v };
}

export type DateOrder = 'dmy' | 'mdy';

export interface BirthdayOptions {
  /** How to read `1/2/1980`: German and British write day first, US Outlook month first. */
  dateOrder?: DateOrder;
  /** The year in the value is a placeholder (vCard `X-APPLE-OMIT-YEAR`). */
  omitYear?: boolean;
}

export type BirthdayResult = { ok: DayOfYear } | { invalid: string } | null;

/** Apple writes 1604 for "no year" (a leap year long ago), with or without X-APPLE-OMIT-YEAR. */
const NO_YEAR_PLACEHOLDER = 1604;

/**
 * Birthdays in the shapes exporters write: `1980-03-15`, `19800315`, `--03-15`, `--0315`,
 * `15.3.1980`, `15.03.`, `3/15/1980` (order per option; a first number above 12 is a day),
 * date-times (the date part as written). `0.0.00` and `0/0/00` (Outlook's "none") are no birthday.
 * A two-digit year is dropped (day and month kept): it cannot tell 1925 from 2025.
 */
export function parseBirthday(raw: string, options: BirthdayOptions = {}): BirthdayResult {
  const v = raw.trim();
  if (!v) return null;
  if (/^0{1,2}[./-]0{1,2}[./-]0{1,4}$/.test(v)) return null;
  let y: string | undefined;
  let m: string;
  let d: string;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.,+\-Z]*)?$/i.exec(v))) {
    [, y, m, d] = match as unknown as [string, string, string, string];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})(?:T[\d:.,+\-Z]*)?$/i.exec(v))) {
    [, y, m, d] = match as unknown as [string, string, string, string];
  } else if ((match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(v))) {
    [, y, m, d] = match as unknown as [string, string, string, string];
  } else if ((match = /^--(\d{2})-?(\d{2})$/.exec(v))) {
    [, m, d] = match as unknown as [string, string, string];
  } else if ((match = /^(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?$/.exec(v))) {
    [, d, m, y] = match as unknown as [string, string, string, string | undefined];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/.exec(v))) {
    const [, a, b, yy] = match as unknown as [string, string, string, string | undefined];
    const dayFirst =
      Number(a) > 12 && Number(b) <= 12
        ? true
        : Number(b) > 12 && Number(a) <= 12
          ? false
          : options.dateOrder === 'dmy';
    [d, m, y] = dayFirst ? [a, b, yy] : [b, a, yy];
  } else {
    return { invalid: v };
  }
  let year = y === undefined || y.length < 4 ? undefined : Number(y);
  if (options.omitYear || year === NO_YEAR_PLACEHOLDER) year = undefined;
  const candidate: DayOfYear = { month: Number(m), day: Number(d) };
  if (year !== undefined) candidate.year = year;
  return isDayOfYear(candidate) ? { ok: candidate } : { invalid: v };
}

const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** DayOfYearSchema's rule checked directly (a file has a birthday per row); the schema decides
 * whatever this refuses. */
export function isDayOfYear(d: DayOfYear): boolean {
  const { month, day, year } = d;
  if (
    whole(month, 1, 12) &&
    whole(day, 1, 31) &&
    (year === undefined || whole(year, 1000, 9999)) &&
    day <= daysInMonth(year ?? 2000, month)
  )
    return true;
  return DayOfYearSchema.safeParse(d).success;
}

/** Clean words (`cleanText`) joined by single spaces, empty ones left out: the same as cleaning
 * them joined by spaces. */
function joinWords(a: string, b: string, c: string): string {
  let out = a;
  if (b) out = out ? `${out} ${b}` : b;
  if (c) out = out ? `${out} ${c}` : c;
  return out;
}

/** What one row or card yielded, before the name rule decides whether it becomes a draft. */
export class DraftCollector {
  fullName = '';
  given = '';
  middle = '';
  family = '';
  nickname = '';
  company = '';
  position = '';
  referredBy = '';
  birthday: DayOfYear | undefined;
  // Created with their first value (most rows have one or two of the three).
  private emails: Set<string> | undefined;
  private phones: Set<string> | undefined;
  private urls: Set<string> | undefined;

  constructor(
    /** Line of the row or card (errors about the entry as a whole). */
    readonly line: number,
    private readonly errors: ImportIssue[],
  ) {}

  /** Keep the first non-empty value of a single-valued field. */
  static first(current: string, raw: string): string {
    // Taken whole: Google joins several e-mails, phones or websites with ":::", never names or
    // companies, and a name the user wrote with colons must come back as it was.
    return current || cleanText(raw);
  }

  addEmail(raw: string, line = this.line): void {
    const r = normaliseEmail(raw);
    if (!r) return;
    if ('ok' in r) (this.emails ??= new Set()).add(r.ok);
    else this.errors.push(issue('invalid-email', { value: excerpt(r.invalid) }, line));
  }

  addPhone(raw: string, line = this.line): void {
    const r = normalisePhone(raw);
    if (!r) return;
    if ('ok' in r) (this.phones ??= new Set()).add(r.ok);
    else this.errors.push(issue('invalid-phone', { value: excerpt(r.invalid) }, line));
  }

  addUrl(raw: string, line = this.line): void {
    const r = normaliseUrl(raw);
    if (!r) return;
    if ('ok' in r) (this.urls ??= new Set()).add(r.ok);
    else this.errors.push(issue('invalid-url', { value: excerpt(r.invalid) }, line));
  }

  /** A URL already known to be good (built from a social-profile user name). */
  addKnownUrl(url: string): void {
    (this.urls ??= new Set()).add(url);
  }

  setBirthday(raw: string, options: BirthdayOptions, line = this.line): void {
    if (this.birthday) return;
    const r = parseBirthday(raw, options);
    if (!r) return;
    if ('ok' in r) this.birthday = r.ok;
    else this.errors.push(issue('invalid-birthday', { value: excerpt(r.invalid) }, line));
  }

  /**
   * The draft, or null (and a `missing-name` error) when nothing names the person. Name rule:
   * the display name (vCard FN, a "Name" column), else first, middle and last name, else the
   * nickname, else the company (an entry for a firm), else the e-mail's local part.
   */
  finish(): ContactDraft | null {
    const emails = this.emails ? [...this.emails] : [];
    const name =
      cleanText(this.fullName) ||
      joinWords(cleanText(this.given), cleanText(this.middle), cleanText(this.family)) ||
      cleanText(this.nickname) ||
      cleanText(this.company) ||
      cleanText(emails[0]?.split('@')[0]);
    if (!name) {
      this.errors.push(issue('missing-name', {}, this.line));
      return null;
    }
    const draft: ContactDraft = { name, emails };
    const company = cleanText(this.company);
    const position = cleanText(this.position);
    if (company) draft.company = company;
    if (position) draft.position = position;
    if (this.birthday) draft.birthday = this.birthday;
    if (this.urls?.size) draft.profileUrls = [...this.urls];
    if (this.phones?.size) draft.phones = [...this.phones];
    const referredBy = cleanText(this.referredBy);
    if (referredBy) draft.referredBy = referredBy;
    return draft;
  }
}
