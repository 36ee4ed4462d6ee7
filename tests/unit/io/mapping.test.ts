import { describe, expect, it } from 'vitest';
import {
  applyColumnMapping,
  guessMapping,
  headerKey,
  parseContactsFile,
  readCsvTable,
  type ColumnMapping,
} from '@/lib/io';
import { fixtureBytes } from '../../support/io-files';

describe('a CSV of unknown layout', () => {
  it('parseContactsFile asks for a mapping: one error, no contacts', () => {
    expect(parseContactsFile(fixtureBytes('generic/kunden.csv'), 'kunden.csv')).toEqual({
      format: 'csv',
      contacts: [],
      errors: [
        {
          code: 'needs-mapping',
          params: { columns: 12 },
          message:
            'This CSV file has no known column layout (12 columns). Please assign the columns.',
        },
      ],
    });
  });

  it('readCsvTable gives headers, rows with lines and the delimiter', () => {
    const table = readCsvTable(fixtureBytes('generic/kunden.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual([
      'Kundennr.',
      'Anrede',
      'Vorname',
      'Name',
      'Firma',
      'Funktion',
      'E-Mail',
      'Telefon',
      'Handy',
      'Geburtsdatum',
      'XING-Profil',
      'Notiz',
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
  });

  it('guessMapping understands German column names ("Name" next to "Vorname" is the last name)', () => {
    const table = readCsvTable(fixtureBytes('generic/kunden.csv'));
    expect(guessMapping(table.headers)).toEqual({
      columns: [
        null,
        null,
        'firstName',
        'lastName',
        'company',
        'position',
        'email',
        'phone',
        'phone',
        'birthday',
        'url',
        null,
      ],
      dateOrder: 'dmy',
    });
  });

  it('applyColumnMapping reads the rows like a known format', () => {
    const table = readCsvTable(fixtureBytes('generic/kunden.csv'));
    expect(applyColumnMapping(table, guessMapping(table.headers))).toEqual({
      format: 'csv',
      contacts: [
        {
          name: 'Jürgen Müller',
          emails: ['j.mueller@mueller-soehne.de'],
          company: 'Müller & Söhne GmbH',
          position: 'Geschäftsführer',
          birthday: { month: 3, day: 15, year: 1962 },
          profileUrls: ['https://www.xing.com/profile/Juergen_Mueller42'],
          phones: ['0211 123456', '0171 9876543'],
        },
        {
          name: 'Sabine Vogel',
          emails: ['sabine@vogel-kommunikation.de'],
          company: 'Vogel Kommunikation',
          position: 'Inhaberin',
          birthday: { month: 3, day: 15 },
        },
        {
          name: 'Hotel Seeblick',
          emails: ['info@hotel-seeblick.de'],
          company: 'Hotel Seeblick',
          phones: ['08821 12345'],
        },
        { name: 'Karl Roth', emails: [] },
      ],
      errors: [
        {
          line: 5,
          code: 'invalid-birthday',
          params: { value: '32.13.1970' },
          message: 'Not a valid birthday: “32.13.1970”; imported without birthday.',
        },
        {
          line: 5,
          code: 'invalid-url',
          params: { value: 'keine Angabe' },
          message: 'Not a web address: “keine Angabe”; left out.',
        },
      ],
    });
  });

  it('an "Empfohlen von" column is read as who recommended the person', () => {
    const csv =
      'Name;E-Mail;Empfohlen von\nTom Berg;tom@berg.de;Dr. Anna Schröder (Schröder Bau)\nUte Kranz;;\n';
    const table = readCsvTable(new TextEncoder().encode(csv));
    const mapping = guessMapping(table.headers);
    expect(mapping.columns).toEqual(['name', 'email', 'referredBy']);
    expect(applyColumnMapping(table, mapping).contacts).toEqual([
      { name: 'Tom Berg', emails: ['tom@berg.de'], referredBy: 'Dr. Anna Schröder (Schröder Bau)' },
      { name: 'Ute Kranz', emails: [] },
    ]);
  });

  it('a mapping without any name, company or e-mail column is refused once', () => {
    const table = readCsvTable('A;B\n1;2\n3;4\n');
    expect(applyColumnMapping(table, { columns: ['phone', null] })).toEqual({
      format: 'csv',
      contacts: [],
      errors: [
        {
          code: 'mapping-incomplete',
          params: {},
          message: 'No column is assigned to a name, a company or an e-mail address.',
        },
      ],
    });
  });

  it('a stored mapping that no longer fits (unknown fields, extra columns) does not throw', () => {
    const table = readCsvTable('Name,Mail\nAnna,anna@example.de\n');
    const stale = { columns: ['name', 'bogus', 'email', 'email'] } as unknown as ColumnMapping;
    expect(applyColumnMapping(table, stale).contacts).toEqual([{ name: 'Anna', emails: [] }]);
  });

  it('multiple values and Excel-neutralised cells', () => {
    const table = readCsvTable(
      'Name,E-Mail,Phone\nAnna,"a@x.de; b@x.de, c@x.de ::: d@x.de",\'+49 30 1\n',
    );
    expect(applyColumnMapping(table, guessMapping(table.headers)).contacts).toEqual([
      {
        name: 'Anna',
        emails: ['a@x.de', 'b@x.de', 'c@x.de', 'd@x.de'],
        phones: ['+49 30 1'],
      },
    ]);
  });
});

describe('guessMapping', () => {
  it.each([
    [
      ['First Name', 'Last Name', 'Email', 'Company', 'Job Title', 'Birthday', 'Website'],
      'mdy',
      ['firstName', 'lastName', 'email', 'company', 'position', 'birthday', 'url'],
    ],
    [
      [
        'Full name',
        'E-mail address',
        'Mobile',
        'Organisation',
        'Role',
        'Date of birth',
        'LinkedIn URL',
      ],
      'mdy',
      ['name', 'email', 'phone', 'company', 'position', 'birthday', 'url'],
    ],
    [
      [
        'Vorname',
        'Nachname',
        'E-Mail-Adresse',
        'Telefonnummer',
        'Unternehmen',
        'Geburtstag',
        'Webseite',
      ],
      'dmy',
      ['firstName', 'lastName', 'email', 'phone', 'company', 'birthday', 'url'],
    ],
    [['Name', 'E-Mail', 'Notiz'], 'mdy', ['name', 'email', null]],
    [['E-mail 1 - Label', 'E-mail 1 - Value', 'Anzeigename'], 'mdy', [null, 'email', 'name']],
  ])('%j', (headers, dateOrder, columns) => {
    expect(guessMapping(headers)).toEqual({ columns, dateOrder });
  });

  it("a known exporter's header gets that exporter's mapping", () => {
    const headers = [
      'First Name',
      'Last Name',
      'URL',
      'Email Address',
      'Company',
      'Position',
      'Connected On',
    ];
    expect(guessMapping(headers)).toEqual({
      columns: ['firstName', 'lastName', 'url', 'email', 'company', 'position', null],
      dateOrder: 'mdy',
    });
  });
});

describe('headerKey', () => {
  it('is stable for the same columns, whatever their case and spacing', () => {
    const a = headerKey(['Vorname', 'Name', 'E-Mail']);
    expect(a).toMatch(/^csv1:3:[0-9a-f]{16}$/);
    expect(headerKey([' vorname', 'NAME ', 'e-mail'])).toBe(a);
  });

  it('differs for other columns or another order', () => {
    const a = headerKey(['Vorname', 'Name', 'E-Mail']);
    expect(headerKey(['Name', 'Vorname', 'E-Mail'])).not.toBe(a);
    expect(headerKey(['Vorname', 'Name'])).not.toBe(a);
    expect(headerKey(['Vorname', 'Name', 'E-Mail', ''])).not.toBe(a);
  });
});
