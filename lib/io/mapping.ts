// From CSV columns to drafts. The known exporters (LinkedIn, Google, Outlook in English and German)
// are column mappings derived from their headers, kept here as data; any other CSV is mapped by the
// user, starting from `guessMapping`, and remembered per `headerKey`.

import type { ContactDraft } from '../model';
import type { CsvTable } from './csv';
import { DraftCollector, splitMulti, unneutralise, type DateOrder } from './fields';
import { issue, sortIssues, type ImportIssue } from './issues';
import type { ImportResult } from './import-result';

export const MAPPED_FIELDS = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'nickname',
  'email',
  'phone',
  'company',
  'position',
  'birthday',
  'url',
  'referredBy',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** For each column (by index, as in `CsvTable.headers`), the field it fills, or null. */
export interface ColumnMapping {
  columns: (MappedField | null)[];
  /** How to read `1/2/1980` (dotted dates are always day first, ISO dates year first). */
  dateOrder?: DateOrder;
}

export type CsvFlavourFormat = 'linkedin-csv' | 'google-csv' | 'outlook-csv';

interface CsvFlavour {
  format: CsvFlavourFormat;
  /** Headers lower-case and trimmed. */
  matches: (headers: Set<string>, list: string[]) => boolean;
  field: (header: string) => MappedField | null;
  dateOrder: DateOrder;
}

const norm = (h: string) => h.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const table =
  (entries: Record<string, MappedField>, patterns: [RegExp, MappedField][] = []) =>
  (h: string): MappedField | null =>
    entries[h] ?? patterns.find(([re]) => re.test(h))?.[1] ?? null;

const hasAll = (set: Set<string>, names: string[]) => names.every((n) => set.has(n));

// Header shapes as the exporters wrote them (checked 2024/2025): LinkedIn "Connections.csv" from
// "Get a copy of your data"; Google Contacts "Google CSV" (current and the older "Given Name"
// layout); Outlook desktop "Comma Separated Values" in English and German.
const FLAVOURS: CsvFlavour[] = [
  {
    format: 'linkedin-csv',
    // Older exports have no URL column; "Connected On" is LinkedIn's alone.
    matches: (s) => hasAll(s, ['first name', 'last name', 'connected on']),
    field: table({
      'first name': 'firstName',
      'last name': 'lastName',
      url: 'url',
      'email address': 'email',
      company: 'company',
      position: 'position',
    }),
    dateOrder: 'mdy',
  },
  {
    format: 'google-csv',
    matches: (s, list) =>
      list.some((h) => /^(e-mail|phone|website) \d+ - (value|label|type)$/.test(h)) &&
      (s.has('first name') || s.has('given name') || s.has('name')),
    field: table(
      {
        name: 'name',
        'first name': 'firstName',
        'given name': 'firstName',
        'middle name': 'middleName',
        'additional name': 'middleName',
        'last name': 'lastName',
        'family name': 'lastName',
        nickname: 'nickname',
        // "File As" is what Google sorts by; a last resort before company and e-mail.
        'file as': 'nickname',
        'organization name': 'company',
        'organization title': 'position',
        birthday: 'birthday',
      },
      [
        [/^e-mail \d+ - value$/, 'email'],
        [/^phone \d+ - value$/, 'phone'],
        [/^website \d+ - value$/, 'url'],
        [/^organization \d+ - name$/, 'company'],
        [/^organization \d+ - title$/, 'position'],
      ],
    ),
    dateOrder: 'mdy',
  },
  {
    format: 'outlook-csv',
    matches: (s) =>
      hasAll(s, ['first name', 'last name', 'e-mail address']) &&
      (s.has('job title') || s.has('business phone') || s.has('e-mail display name')),
    field: table({
      'first name': 'firstName',
      'middle name': 'middleName',
      'last name': 'lastName',
      nickname: 'nickname',
      'e-mail address': 'email',
      'e-mail 2 address': 'email',
      'e-mail 3 address': 'email',
      company: 'company',
      'job title': 'position',
      birthday: 'birthday',
      'web page': 'url',
      'personal web page': 'url',
      'primary phone': 'phone',
      'business phone': 'phone',
      'business phone 2': 'phone',
      'company main phone': 'phone',
      'mobile phone': 'phone',
      'home phone': 'phone',
      'home phone 2': 'phone',
      'other phone': 'phone',
      'car phone': 'phone',
    }),
    dateOrder: 'mdy',
  },
  {
    format: 'outlook-csv',
    matches: (s) =>
      hasAll(s, ['vorname', 'nachname', 'e-mail-adresse']) &&
      (s.has('position') || s.has('telefon geschäftlich') || s.has('e-mail 2: adresse')),
    field: table({
      vorname: 'firstName',
      'weitere vornamen': 'middleName',
      nachname: 'lastName',
      spitzname: 'nickname',
      'e-mail-adresse': 'email',
      'e-mail 2: adresse': 'email',
      'e-mail 3: adresse': 'email',
      firma: 'company',
      position: 'position',
      geburtstag: 'birthday',
      webseite: 'url',
      'telefon geschäftlich': 'phone',
      'telefon geschäftlich 2': 'phone',
      'telefon firma': 'phone',
      haupttelefon: 'phone',
      mobiltelefon: 'phone',
      'mobiltelefon 2': 'phone',
      'telefon privat': 'phone',
      'telefon privat 2': 'phone',
      'weiteres telefon': 'phone',
      autotelefon: 'phone',
    }),
    dateOrder: 'dmy',
  },
];

/** The known exporter whose header this is, with the mapping it implies; null for any other. */
export function detectCsvFlavour(
  headers: string[],
): { format: CsvFlavourFormat; mapping: ColumnMapping } | null {
  const list = headers.map(norm);
  const set = new Set(list);
  const flavour = FLAVOURS.find((f) => f.matches(set, list));
  if (!flavour) return null;
  return {
    format: flavour.format,
    mapping: { columns: list.map(flavour.field), dateOrder: flavour.dateOrder },
  };
}

export const isKnownCsvHeader = (cells: string[]): boolean => detectCsvFlavour(cells) !== null;

// Generic guessing: a header reduced to its letters ("E-Mail 2: Adresse" -> "emailadresse").
const letters = (h: string) =>
  h
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');

const SYNONYMS: Record<MappedField, string[]> = {
  name: [
    'name',
    'fullname',
    'displayname',
    'anzeigename',
    'vollständigername',
    'vollername',
    'kontakt',
    'kontaktname',
    'contact',
    'contactname',
    'ansprechpartner',
    'person',
  ],
  firstName: ['firstname', 'givenname', 'forename', 'first', 'vorname', 'rufname'],
  middleName: ['middlename', 'additionalname', 'weiterevornamen', 'zweitervorname'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'nachname', 'familienname'],
  nickname: ['nickname', 'spitzname'],
  email: [
    'email',
    'emails',
    'mail',
    'emailaddress',
    'emailadresse',
    'emailadress',
    'mailadresse',
    'emailvalue',
    'emailaddresse',
  ],
  phone: [
    'phone',
    'phonenumber',
    'telephone',
    'tel',
    'telefon',
    'telefonnummer',
    'rufnummer',
    'mobile',
    'mobilephone',
    'mobil',
    'mobiltelefon',
    'handy',
    'handynummer',
    'cell',
    'cellphone',
    'phonevalue',
    'businessphone',
    'workphone',
    'homephone',
    'telefongeschäftlich',
    'telefonprivat',
    'telefondienstlich',
  ],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'organizationname',
    'organisationname',
    'employer',
    'firma',
    'firmenname',
    'unternehmen',
    'arbeitgeber',
  ],
  position: [
    'position',
    'jobtitle',
    'job',
    'role',
    'organizationtitle',
    'funktion',
    'berufsbezeichnung',
    'rolle',
    'stelle',
    'tätigkeit',
  ],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob', 'bday', 'geburtstag', 'geburtsdatum'],
  url: [
    'url',
    'website',
    'webpage',
    'web',
    'homepage',
    'internet',
    'webseite',
    'websitevalue',
    'profile',
    'profileurl',
    'profil',
    'profilurl',
    'linkedin',
    'linkedinurl',
    'linkedinprofile',
    'linkedinprofil',
    'xing',
    'xingurl',
    'xingprofile',
    'xingprofil',
  ],
  referredBy: [
    'empfohlenvon',
    'empfehlungvon',
    'empfehlung',
    'empfehler',
    'empfehlerin',
    'geworbenvon',
    'referredby',
    'referral',
    'referrer',
    'recommendedby',
  ],
};

const SYNONYM_INDEX = new Map<string, MappedField>(
  (Object.entries(SYNONYMS) as [MappedField, string[]][]).flatMap(([field, keys]) =>
    keys.map((k) => [k, field] as [string, MappedField]),
  ),
);

const GERMAN_HINT =
  /^(vorname|nachname|firma|geburtstag|geburtsdatum|telefon|webseite|unternehmen)/;

/**
 * A suggested mapping from common German and English column names. A known exporter's header gets
 * that exporter's mapping. "Name" next to a "Vorname"/"First name" column is the last name.
 */
export function guessMapping(headers: string[]): ColumnMapping {
  const known = detectCsvFlavour(headers);
  if (known) return known.mapping;
  const keys = headers.map(letters);
  const hasFirst = keys.some((k) => SYNONYM_INDEX.get(k) === 'firstName');
  const columns = keys.map((k): MappedField | null => {
    const field = SYNONYM_INDEX.get(k) ?? null;
    if (field === 'name' && k === 'name' && hasFirst) return 'lastName';
    return field;
  });
  const german = keys.some((k) => GERMAN_HINT.test(k));
  return { columns, dateOrder: german ? 'dmy' : 'mdy' };
}

// FNV-1a, twice with different seeds: a short, stable key for a header set.
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A key to remember a mapping per header set: the same columns in the same order give the same
 * key, whatever their case or surrounding spaces.
 */
export function headerKey(headers: string[]): string {
  const joined = headers.map(norm).join('\u001f');
  return `csv1:${headers.length}:${fnv1a(joined, 0x811c9dc5)}${fnv1a(joined, 0x12345678)}`;
}

const NAME_FIELDS: MappedField[] = ['name', 'firstName', 'middleName', 'lastName', 'nickname'];

/** The columns that fill one text of a draft (the first non-empty cell wins). */
const SINGLE_VALUED: Readonly<
  Partial<
    Record<
      MappedField,
      | 'fullName'
      | 'given'
      | 'middle'
      | 'family'
      | 'nickname'
      | 'company'
      | 'position'
      | 'referredBy'
    >
  >
> = {
  name: 'fullName',
  firstName: 'given',
  middleName: 'middle',
  lastName: 'family',
  nickname: 'nickname',
  company: 'company',
  position: 'position',
  referredBy: 'referredBy',
};

/** Rows to drafts with a mapping (no format check: the caller picked the mapping). */
export function mapCsvRows(
  table: CsvTable,
  mapping: ColumnMapping,
): { contacts: ContactDraft[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [...table.errors];
  const contacts: ContactDraft[] = [];
  const columns = (Array.isArray(mapping.columns) ? mapping.columns : [])
    .map((field, index) => ({ field, index }))
    .filter(
      (c): c is { field: MappedField; index: number } =>
        c.field !== null && (MAPPED_FIELDS as readonly string[]).includes(c.field),
    );
  const dateOrder = mapping.dateOrder === 'dmy' ? 'dmy' : 'mdy';
  for (const row of table.rows) {
    const c = new DraftCollector(row.line, errors);
    for (const { field, index } of columns) {
      const cell = unneutralise(row.cells[index] ?? '');
      if (cell.trim() === '') continue;
      const single = SINGLE_VALUED[field];
      if (single) {
        c[single] = DraftCollector.first(c[single], cell);
        continue;
      }
      switch (field) {
        case 'email':
          for (const part of /[:;,]/.test(cell) ? cell.split(/:::|[;,]/) : [cell]) c.addEmail(part);
          break;
        case 'phone':
          for (const part of splitMulti(cell)) c.addPhone(part);
          break;
        case 'url':
          for (const part of splitMulti(cell)) c.addUrl(part);
          break;
        case 'birthday':
          c.setBirthday(cell, { dateOrder });
          break;
      }
    }
    const draft = c.finish();
    if (draft) contacts.push(draft);
  }
  return { contacts, errors: sortIssues(errors) };
}

/**
 * Apply a user's (or guessed) mapping to a table from `readCsvTable`. A mapping that assigns no
 * column to a name, the company or an e-mail gives one `mapping-incomplete` error and no contacts.
 */
export function applyColumnMapping(table: CsvTable, mapping: ColumnMapping): ImportResult {
  const used = new Set(Array.isArray(mapping?.columns) ? mapping.columns : []);
  const canName = [...NAME_FIELDS, 'company', 'email'].some((f) => used.has(f as MappedField));
  if (!canName) return { format: 'csv', contacts: [], errors: [issue('mapping-incomplete')] };
  return { format: 'csv', ...mapCsvRows(table, mapping) };
}
