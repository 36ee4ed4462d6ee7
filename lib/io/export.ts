// Exports for other programs: vCard 4.0 (RFC 6350) and CSV for spreadsheets. Pure: contacts in,
// text out. The lossless format is the JSON backup (backup-file.ts); these carry what other tools know.

import { formatDayOfYear } from '../i18n';
import type { DayOfYear } from '../model';
import { normaliseUrl } from './fields';

/** What an export needs of a contact; a model Contact and a ContactDraft both fit. */
export interface ExportContact {
  id?: string;
  name: string;
  emails?: readonly string[];
  phones?: readonly string[];
  company?: string;
  position?: string;
  profileUrls?: readonly string[];
  birthday?: DayOfYear;
  anniversary?: DayOfYear;
  partner?: { name: string; birthday?: DayOfYear };
  notes?: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Only http(s) addresses leave the app (no javascript:, data:, file: ...). */
function webUrls(urls: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const u of urls ?? []) {
    if (!/^https?:\/\//i.test(u.trim())) continue;
    const r = normaliseUrl(u);
    if (r && 'ok' in r && !out.includes(r.ok)) out.push(r.ok);
  }
  return out;
}

const present = (values: readonly string[] | undefined) =>
  (values ?? []).map((v) => v.trim()).filter((v) => v !== '');

// ---------------------------------------------------------------------------------------------
// vCard 4.0

/** Text value escaping (RFC 6350 3.4): backslash, comma, semicolon, line breaks. */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Fold a content line at 75 octets (RFC 6350 3.2): continuation lines start with one space, which
 * counts towards their 75. A UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `19800315`, or `--0315` without a year (RFC 6350 4.3.1). */
export function vCardDate(d: DayOfYear): string {
  const md = `${pad2(d.month)}${pad2(d.day)}`;
  return d.year === undefined ? `--${md}` : `${String(d.year).padStart(4, '0')}${md}`;
}

/** Given names and family name from one display name: the last word is the family name. */
function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { given: words[0] ?? '', family: '' };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1]! };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function vCardOf(c: ExportContact): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Kundennah//Kundennah//DE'];
  if (c.id) {
    lines.push(
      UUID_RE.test(c.id)
        ? `UID:urn:uuid:${c.id.toLowerCase()}`
        : `UID;VALUE=text:${escapeVCardText(c.id)}`,
    );
  }
  const name = c.name.trim();
  lines.push(`FN:${escapeVCardText(name)}`);
  const { given, family } = splitName(name);
  lines.push(`N:${escapeVCardText(family)};${escapeVCardText(given)};;;`);
  if (c.company?.trim()) lines.push(`ORG:${escapeVCardText(c.company.trim())}`);
  if (c.position?.trim()) lines.push(`TITLE:${escapeVCardText(c.position.trim())}`);
  for (const e of present(c.emails)) lines.push(`EMAIL:${escapeVCardText(e)}`);
  for (const t of present(c.phones)) lines.push(`TEL;VALUE=text:${escapeVCardText(t)}`);
  // URIs are not text: no backslash escaping (RFC 6350 5.2, 6.7.8).
  for (const u of webUrls(c.profileUrls)) lines.push(`URL:${u}`);
  if (c.birthday) lines.push(`BDAY:${vCardDate(c.birthday)}`);
  if (c.anniversary) lines.push(`ANNIVERSARY:${vCardDate(c.anniversary)}`);
  if (c.partner?.name.trim())
    lines.push(`RELATED;TYPE=spouse;VALUE=text:${escapeVCardText(c.partner.name.trim())}`);
  if (c.notes?.trim()) lines.push(`NOTE:${escapeVCardText(c.notes.trim())}`);
  lines.push('END:VCARD');
  return lines;
}

/** Contacts as one vCard 4.0 file (CRLF line ends, folded at 75 octets). */
export function exportVCard(contacts: readonly ExportContact[]): string {
  const out: string[] = [];
  for (const c of contacts) for (const line of vCardOf(c)) out.push(foldLine(line));
  return out.length ? `${out.join('\r\n')}\r\n` : '';
}

// ---------------------------------------------------------------------------------------------
// CSV

export interface CsvExportOptions {
  /** `;` for German Excel, `,` (default) otherwise. */
  delimiter?: ',' | ';';
  /** Column titles and date style: German (`15.03.1980`) or English (ISO `1980-03-15`). */
  language?: 'de' | 'en';
}

const CSV_TITLES = {
  en: {
    name: 'Name',
    company: 'Company',
    position: 'Position',
    birthday: 'Birthday',
    email: 'E-mail',
    phone: 'Phone',
    url: 'Website',
    notes: 'Notes',
  },
  de: {
    name: 'Name',
    company: 'Firma',
    position: 'Position',
    birthday: 'Geburtstag',
    email: 'E-Mail',
    phone: 'Telefon',
    url: 'Webseite',
    notes: 'Notizen',
  },
};

/**
 * Where a spreadsheet may start a field inside one of our cells: its start, and after any
 * character that some reading of the file splits on. A file is not always read with the separator
 * it was written with: German Excel splits a comma file on semicolons, English Excel a semicolon
 * file on commas, LibreOffice can split on both and on tabs, and a quote opens a quoted field only
 * at the start of a field, so in such a reading our quotes do not protect what follows a `;` or `,`
 * inside a cell. Line breaks end the record for a reader whose quoting is off. Blanks and quotes
 * before the formula character are skipped (a reader may trim them or end a quoted part there).
 */
const FORMULA_AT_FIELD_START = /(?<=^|[,;\t\r\n])([ "]*)('*[=+\-@\t\r])/g;

/** Characters that make a cell quoted, whatever the file's delimiter. */
const NEEDS_QUOTES = /[,;\t"\r\n]|^\s|\s$/;

/**
 * Neutralise formula starts against CSV injection (OWASP): an apostrophe goes before a `=`, `+`,
 * `-`, `@`, tab or CR wherever a field may start (FORMULA_AT_FIELD_START). Apostrophes already there
 * get one more, so that `unneutraliseCell` (the import) gives back exactly what was exported.
 */
export function neutraliseCell(value: string): string {
  return value.replace(FORMULA_AT_FIELD_START, "$1'$2");
}

/**
 * One cell: neutralised (`neutraliseCell`), and quoted when it holds a comma, a semicolon, a tab, a
 * quote, a line break or blanks at either end: with both separators quoted, a reader that splits on
 * the other one (or on both) still keeps the cell in one column where it can.
 */
export function csvCell(value: string, delimiter: string): string {
  let v = neutraliseCell(value);
  if (v.includes(delimiter) || NEEDS_QUOTES.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

function csvDate(d: DayOfYear | undefined, language: 'de' | 'en'): string {
  return formatDayOfYear(language, d);
}

/**
 * Contacts as CSV for spreadsheets: UTF-8 with BOM (Excel needs it to see umlauts), CRLF, one
 * column per e-mail, phone and web address (as many as the contact with the most has).
 */
export function exportCsv(
  contacts: readonly ExportContact[],
  options: CsvExportOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const language = options.language ?? 'en';
  const t = CSV_TITLES[language];
  const rows = contacts.map((c) => ({
    c,
    emails: present(c.emails),
    phones: present(c.phones),
    urls: webUrls(c.profileUrls),
  }));
  const max = (k: 'emails' | 'phones' | 'urls') => Math.max(1, ...rows.map((r) => r[k].length));
  const [nE, nP, nU] = [max('emails'), max('phones'), max('urls')];
  const numbered = (title: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${title} ${i + 1}`);
  const header = [
    t.name,
    t.company,
    t.position,
    t.birthday,
    ...numbered(t.email, nE),
    ...numbered(t.phone, nP),
    ...numbered(t.url, nU),
    t.notes,
  ];
  const fill = (values: string[], n: number) =>
    Array.from({ length: n }, (_, i) => values[i] ?? '');
  const lines = [header.map((h) => csvCell(h, delimiter)).join(delimiter)];
  for (const { c, emails, phones, urls } of rows) {
    const cells = [
      c.name.trim(),
      c.company?.trim() ?? '',
      c.position?.trim() ?? '',
      csvDate(c.birthday, language),
      ...fill(emails, nE),
      ...fill(phones, nP),
      ...fill(urls, nU),
      c.notes?.trim() ?? '',
    ];
    lines.push(cells.map((v) => csvCell(v, delimiter)).join(delimiter));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
