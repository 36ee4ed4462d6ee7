import { describe, expect, it } from 'vitest';
import { ContactDraftSchema } from '@/lib/model';
import { parseContactsFile, type ImportIssue } from '@/lib/io';
import { ALL_FIXTURES, fixtureBytes } from '../../support/io-files';
import { generateLinkedInCsv, generateVCards } from '../../fixtures/io/generate';

const only = (r: { errors: ImportIssue[] }) => r.errors.map((e) => e.code);

describe('format detection (content first, the file name only breaks ties)', () => {
  it.each([
    ['linkedin/Connections.csv', 'linkedin-csv'],
    ['google/contacts.csv', 'google-csv'],
    ['google/contacts-legacy.csv', 'google-csv'],
    ['outlook/contacts-en.csv', 'outlook-csv'],
    ['outlook/contacts-de.csv', 'outlook-csv'],
    ['vcard/apple-30.vcf', 'vcard'],
    ['backup/kundennah-backup-2026-11-20.json', 'backup-json'],
    ['generic/kunden.csv', 'csv'],
  ])('%s → %s, also under a misleading name or none', (path, format) => {
    const bytes = fixtureBytes(path);
    expect(parseContactsFile(bytes).format).toBe(format);
    expect(parseContactsFile(bytes, 'export.txt').format).toBe(format);
  });

  it('a CSV whose note holds a pasted vCard stays a CSV', () => {
    const csv =
      'First Name,Last Name,E-mail 1 - Value,Notes\n' +
      'Anna,Beispiel,anna@x.de,"pasted:\nBEGIN:VCARD\nFN:Other\nEND:VCARD"\n';
    expect(parseContactsFile(csv)).toEqual({
      format: 'google-csv',
      contacts: [{ name: 'Anna Beispiel', emails: ['anna@x.de'] }],
      errors: [],
    });
  });

  it('a CSV saved under a .json name is still read as CSV', () => {
    const csv =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,1 Jan 2024\n';
    expect(parseContactsFile(csv, 'contacts.json').format).toBe('linkedin-csv');
  });

  it('an older LinkedIn export without the URL column', () => {
    const csv =
      'First Name,Last Name,Email Address,Company,Position,Connected On\nAnna,Beispiel,,Acme,CEO,01 Feb 2019\n';
    expect(parseContactsFile(csv)).toEqual({
      format: 'linkedin-csv',
      contacts: [{ name: 'Anna Beispiel', emails: [], company: 'Acme', position: 'CEO' }],
      errors: [],
    });
  });

  it('accepts text, bytes and an ArrayBuffer alike', () => {
    const bytes = fixtureBytes('vcard/xing-profile.vcf');
    const text = new TextDecoder().decode(bytes);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const expected = parseContactsFile(bytes);
    expect(parseContactsFile(text)).toEqual(expected);
    expect(parseContactsFile(buffer as ArrayBuffer)).toEqual(expected);
    expect(parseContactsFile(`\ufeff${text}`)).toEqual(expected);
  });
});

describe('files that are no contacts file: exactly one clear error, no contacts', () => {
  it.each([
    ['an empty file', '', undefined, 'unknown', 'empty-file'],
    ['only whitespace', ' \r\n\t\n', 'contacts.csv', 'unknown', 'empty-file'],
    ['prose', 'Dear customer, thank you for your order.', undefined, 'unknown', 'unknown-format'],
    ['one word per line', 'hello\nworld\n', 'list.txt', 'unknown', 'unknown-format'],
    ['JSON that is not ours', '{"contacts": []}', 'backup.json', 'unknown', 'not-a-backup'],
    ['broken JSON', '{"contacts": [', undefined, 'unknown', 'invalid-json'],
    ['a .vcf without any card', 'hello\n', 'contacts.vcf', 'vcard', 'vcard-no-cards'],
    ['a CSV of unknown layout', 'Kdnr;Bemerkung\n1;x\n', undefined, 'csv', 'needs-mapping'],
    [
      'a backup from a newer version',
      '{"format":"kundennah-backup","version":2,"tables":{}}',
      undefined,
      'backup-json',
      'backup-unsupported-version',
    ],
    [
      'a damaged backup',
      '{"format":"kundennah-backup","version":1,"tables":{"contacts":[}',
      undefined,
      'backup-json',
      'invalid-json',
    ],
  ])('%s', (_label, text, fileName, format, code) => {
    const r = parseContactsFile(text, fileName);
    expect(r.format).toBe(format);
    expect(r.contacts).toEqual([]);
    expect(only(r)).toEqual([code]);
    expect(r.errors[0]!.message.length).toBeGreaterThan(10);
  });

  it('binary data is no contacts file', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48,
    ]);
    const r = parseContactsFile(png, 'photo.png');
    expect(r.contacts).toEqual([]);
    expect(r.errors).toHaveLength(1);
  });

  it('inputs of the wrong type from untyped callers give an error, not an exception', () => {
    for (const bad of [null, undefined, 42, {}, [1, 2]])
      expect(only(parseContactsFile(bad as unknown as string))).toEqual(['unknown-format']);
  });
});

describe('the contract of every result', () => {
  it.each(ALL_FIXTURES)(
    '%s: drafts satisfy ContactDraftSchema, errors have code, params, message',
    (path) => {
      const r = parseContactsFile(fixtureBytes(path), path);
      for (const c of r.contacts) {
        expect(ContactDraftSchema.safeParse(c).success).toBe(true);
        expect(c.name.trim()).not.toBe('');
        expect(c.name).toBe(c.name.trim());
        for (const e of c.emails) expect(e).toBe(e.trim().toLowerCase());
      }
      for (const e of r.errors) {
        expect(typeof e.code).toBe('string');
        expect(typeof e.params).toBe('object');
        expect(typeof e.message).toBe('string');
        if (e.line !== undefined) expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
      }
      const lines = r.errors.map((e) => e.line ?? 0);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    },
  );

  it('a backup file gives its contacts as drafts and names bad rows by table, index and field', () => {
    const backup = {
      format: 'kundennah-backup',
      version: 1,
      exportedAt: '2026-11-20T08:00:00.000Z',
      tables: {
        contacts: [
          {
            id: 'a',
            name: 'Anna',
            emails: ['anna@x.de'],
            createdAt: '2026-01-01',
            updatedAt: '2026-01-01',
          },
          {
            id: 'b',
            name: 'Bernd',
            emails: ['kein-mail'],
            createdAt: '2026-01-01',
            updatedAt: '2026-01-01',
          },
        ],
      },
    };
    expect(parseContactsFile(JSON.stringify(backup))).toEqual({
      format: 'backup-json',
      contacts: [{ name: 'Anna', emails: ['anna@x.de'] }],
      errors: [
        {
          code: 'backup-invalid-row',
          params: {
            table: 'contacts',
            index: 1,
            field: 'emails.0',
            reason: 'err.email',
            detail: 'Not a valid e-mail address.',
          },
          message: 'Table contacts, entry 1, field emails.0: Not a valid e-mail address.',
        },
      ],
    });
  });
});

// How fast these are read is a benchmark figure (npm run bench, tests/bench/node-parse.ts); here only
// that they are read completely.
describe('files of 10,000 entries', () => {
  it('a 10,000-row LinkedIn CSV', () => {
    const result = parseContactsFile(generateLinkedInCsv(10_000), 'Connections.csv');
    expect(result.contacts).toHaveLength(10_000);
    expect(result.errors).toEqual([]);
  });

  it('a 10,000-card vCard file', () => {
    const result = parseContactsFile(generateVCards(10_000), 'contacts.vcf');
    expect(result.contacts).toHaveLength(10_000);
    expect(result.errors).toEqual([]);
  });

  it('the same CSV as bytes (decoding included)', () => {
    const result = parseContactsFile(new TextEncoder().encode(generateLinkedInCsv(10_000)));
    expect(result.contacts).toHaveLength(10_000);
  });

  it('the generator is deterministic', () => {
    expect(generateLinkedInCsv(200, 7)).toBe(generateLinkedInCsv(200, 7));
    expect(generateVCards(200, 7)).toBe(generateVCards(200, 7));
    expect(generateLinkedInCsv(200, 8)).not.toBe(generateLinkedInCsv(200, 7));
  });
});
