import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContactDraftSchema, EmailSchema, normalizeProfileUrl } from '@/lib/model';
import {
  ISSUE_EFFECT,
  decodeBytes,
  parseBackup,
  parseContactsFile,
  readCsvTable,
  type ImportIssueCode,
  type ImportResult,
} from '@/lib/io';
import { ALL_FIXTURES, fixtureBytes, physicalLines } from '../../support/io-files';

/** Errors about a row, card or value always say on which line; JSON backup rows say their index. */
const LINE_CODES = (Object.keys(ISSUE_EFFECT) as ImportIssueCode[]).filter(
  (c) => ISSUE_EFFECT[c] !== 'file' && !c.startsWith('backup-'),
);

function checkResult(r: ImportResult, text: string): void {
  const lines = physicalLines(text);
  expect(Array.isArray(r.contacts)).toBe(true);
  for (const c of r.contacts) {
    expect(ContactDraftSchema.safeParse(c).success).toBe(true);
    expect(c.name.trim().length).toBeGreaterThan(0);
    for (const e of c.emails) expect(EmailSchema.safeParse(e).data).toBe(e);
    for (const u of c.profileUrls ?? []) expect(normalizeProfileUrl(u)).toBe(u);
  }
  if (r.contacts.length === 0 && r.format === 'unknown') expect(r.errors).toHaveLength(1);
  for (const e of r.errors) {
    expect(e.code).not.toBe('internal-error');
    expect(typeof e.message).toBe('string');
    expect(e.params).toBeTypeOf('object');
    if (LINE_CODES.includes(e.code)) expect(e.line).toBeTypeOf('number');
    if (e.line !== undefined) {
      expect(Number.isInteger(e.line)).toBe(true);
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(lines);
    }
  }
}

const textOf = (input: string | Uint8Array) =>
  typeof input === 'string' ? input.replace(/^\ufeff/, '') : decodeBytes(input).text;

function check(input: string | Uint8Array, fileName?: string): void {
  let r: ImportResult | undefined;
  expect(() => {
    r = parseContactsFile(input, fileName);
  }).not.toThrow();
  checkResult(r!, textOf(input));
}

const fileNames = fc.constantFrom(
  undefined,
  'a.csv',
  'a.vcf',
  'a.json',
  'a.txt',
  'Connections.csv',
);

// Pieces that steer random text into the parsers' interesting corners.
const tokens = fc.constantFrom(
  'BEGIN:VCARD',
  'END:VCARD',
  'VERSION:2.1',
  'VERSION:3.0',
  'FN:',
  'N:',
  'EMAIL:',
  'BDAY:',
  'URL:',
  'item1.',
  ';ENCODING=QUOTED-PRINTABLE:',
  ';CHARSET=Windows-1252',
  '=C3=',
  '=\r\n',
  '\\,',
  '\\',
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\r\n',
  '\n',
  '\r',
  ' ',
  ':',
  '=',
  ' ::: ',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n',
  '"First Name","Last Name","E-mail Address","Job Title","Birthday"\r\n',
  '"Vorname";"Nachname";"E-Mail-Adresse";"Position";"Geburtstag"\r\n',
  'First Name,Last Name,E-mail 1 - Value,Birthday\n',
  'a@b.de',
  'https://www.xing.com/profile/A_B',
  'linkedin.com/in/x',
  '--02-29',
  '0.0.00',
  '31.4.1975',
  '1604-01-01',
  '{"format":"kundennah-backup","version":1,"tables":{"contacts":[',
  '\ufeff',
  '\u0000',
  'ü',
  '€',
);

const structured = fc
  .array(fc.oneof(tokens, fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((p) => p.join(''));

describe('fuzzing: never a throw, never a nameless contact, lines where they belong', () => {
  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fileNames, (s, name) =>
        check(s, name),
      ),
      { numRuns: 300 },
    );
  });

  it('random strings built from format tokens', () => {
    fc.assert(
      fc.property(structured, fileNames, (s, name) => check(s, name)),
      { numRuns: 1500 },
    );
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fileNames, (b, name) => check(b, name)),
      { numRuns: 300 },
    );
  });

  type Mutation =
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'insert'; at: number; bytes: Uint8Array }
    | { kind: 'insert-token'; at: number; token: string }
    | { kind: 'flip'; at: number; value: number }
    | { kind: 'duplicate'; at: number; length: number }
    | { kind: 'truncate'; at: number };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
    fc.record({
      kind: fc.constant('insert-token' as const),
      at: fc.nat(),
      token: tokens,
    }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.nat(),
      value: fc.integer({ min: 0, max: 255 }),
    }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 200 }),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );

  function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
    let b = Array.from(bytes);
    for (const m of mutations) {
      const at = b.length ? m.at % (b.length + 1) : 0;
      switch (m.kind) {
        case 'delete':
          b.splice(at, m.length);
          break;
        case 'insert':
          b.splice(at, 0, ...m.bytes);
          break;
        case 'insert-token':
          b.splice(at, 0, ...new TextEncoder().encode(m.token));
          break;
        case 'flip':
          if (at < b.length) b[at] = m.value;
          break;
        case 'duplicate':
          b.splice(at, 0, ...b.slice(at, at + m.length));
          break;
        case 'truncate':
          b = b.slice(0, at);
          break;
      }
    }
    return Uint8Array.from(b);
  }

  it.each(ALL_FIXTURES)('mutated %s', (path) => {
    const original = fixtureBytes(path);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fileNames, (ms, name) =>
        check(mutate(original, ms), name ?? path),
      ),
      { numRuns: 150 },
    );
  });

  it('readCsvTable and parseBackup never throw either', () => {
    fc.assert(
      fc.property(fc.oneof(structured, fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
        const table = readCsvTable(s);
        for (const row of table.rows) expect(row.line).toBeGreaterThan(table.headerLine);
        const backup = parseBackup(s);
        expect(backup.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostile sizes stay linear', () => {
  it.each([
    [
      'a cell of spaces with separators',
      `Name,E-Mail 1 - Value,First Name\nA,"${' '.repeat(200_000)};x ::: y",B\n`,
    ],
    ['a vCard line of quotes', `BEGIN:VCARD\nFN;X="${'"'.repeat(200_000)}:A\nEND:VCARD\n`],
    ['a field of apostrophes', `Name,E-Mail\n${"'".repeat(200_000)}x,a@b.de\n`],
    ['a URL of dots', `BEGIN:VCARD\nFN:A\nURL:${'a.'.repeat(100_000)}\nEND:VCARD\n`],
    [
      'a QUOTED-PRINTABLE value with 50,000 soft line breaks',
      `BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:A${'=41=\n'.repeat(50_000)}B\nEND:VCARD\n`,
    ],
    [
      'a value folded 50,000 times',
      `BEGIN:VCARD\nVERSION:3.0\nFN:A${'\n b'.repeat(50_000)}\nEND:VCARD\n`,
    ],
    ['a birthday of digits', `BEGIN:VCARD\nFN:A\nBDAY:${'1'.repeat(200_000)}\nEND:VCARD\n`],
  ])('%s', (_label, text) => {
    const r = parseContactsFile(text);
    expect(r.errors.every((e) => e.code !== 'internal-error')).toBe(true);
  });
});
