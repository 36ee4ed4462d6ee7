import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyColumnMapping,
  csvCell,
  exportCsv,
  exportVCard,
  foldLine,
  guessMapping,
  parseContactsFile,
  readCsvTable,
  type ExportContact,
} from '@/lib/io';
import { draftArb } from '../../support/arbitraries';

const juergen: ExportContact = {
  id: '6F1C2B9E-3D7A-4C55-9A0E-2F3B4C5D6E7F',
  name: 'Jürgen Müller',
  emails: ['j.mueller@mueller-soehne.de'],
  phones: ['+49 211 123456'],
  company: 'Müller & Söhne; Heizung, Sanitär',
  position: 'Geschäftsführer',
  profileUrls: ['https://www.xing.com/profile/Juergen_Mueller42', 'javascript:alert(1)'],
  birthday: { month: 3, day: 5 },
  anniversary: { month: 6, day: 12, year: 2010 },
  partner: { name: 'Gisela' },
  notes:
    'Zeile 1\nZeile 2 mit Backslash \\ und langem Text, der umgebrochen werden muss, weil er länger als fünfundsiebzig Oktette ist – ganz sicher.',
};

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('vCard 4.0 export', () => {
  it('writes every field, escaped and folded', () => {
    const lines = exportVCard([juergen]).split('\r\n');
    // The folded NOTE: 75 octets, then 75 with the leading space (ä and – count 2 and 3).
    expect(lines.slice(14, 17).map(octets)).toEqual([75, 75, 3]);
    expect(lines).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//Kundennah//Kundennah//DE',
      'UID:urn:uuid:6f1c2b9e-3d7a-4c55-9a0e-2f3b4c5d6e7f',
      'FN:Jürgen Müller',
      'N:Müller;Jürgen;;;',
      'ORG:Müller & Söhne\\; Heizung\\, Sanitär',
      'TITLE:Geschäftsführer',
      'EMAIL:j.mueller@mueller-soehne.de',
      'TEL;VALUE=text:+49 211 123456',
      'URL:https://www.xing.com/profile/Juergen_Mueller42',
      'BDAY:--0305',
      'ANNIVERSARY:20100612',
      'RELATED;TYPE=spouse;VALUE=text:Gisela',
      'NOTE:Zeile 1\\nZeile 2 mit Backslash \\\\ und langem Text\\, der umgebrochen we',
      ' rden muss\\, weil er länger als fünfundsiebzig Oktette ist – ganz siche',
      ' r.',
      'END:VCARD',
      '',
    ]);
  });

  it.each([
    [{ month: 3, day: 15, year: 1980 }, 'BDAY:19800315'],
    [{ month: 12, day: 1 }, 'BDAY:--1201'],
    [{ month: 2, day: 29, year: 2000 }, 'BDAY:20000229'],
  ])('birthday %j → %s', (birthday, line) => {
    expect(exportVCard([{ name: 'A', birthday }])).toContain(`\r\n${line}\r\n`);
  });

  it('an id that is no UUID is a text UID; a one-word name goes to the given name', () => {
    const out = exportVCard([{ id: 'c1,2', name: 'Cher' }]);
    expect(out).toContain('\r\nUID;VALUE=text:c1\\,2\r\n');
    expect(out).toContain('\r\nN:;Cher;;;\r\n');
  });

  it('no contacts, empty file', () => {
    expect(exportVCard([])).toBe('');
  });

  it('folds at 75 octets without splitting a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const folded = foldLine(`NOTE:${text}`);
        for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${text}`);
        // Folding never splits a character into replacement characters (the input may hold some).
        const replacements = (t: string) => t.split('\ufffd').length - 1;
        expect(replacements(folded)).toBe(replacements(text));
      }),
    );
  });

  it('round-trips drafts through the vCard importer', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 1, maxLength: 5 }), (drafts) => {
        const r = parseContactsFile(exportVCard(drafts), 'export.vcf');
        expect(r.errors).toEqual([]);
        expect(r.contacts).toEqual(drafts);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV export', () => {
  it('UTF-8 BOM, CRLF, semicolons for German Excel, quoting, neutralised formulas', () => {
    const out = exportCsv([juergen, { name: '=HYPERLINK("evil")', emails: [], phones: ['-1'] }], {
      delimiter: ';',
      language: 'de',
    });
    expect(out.startsWith('\ufeff')).toBe(true);
    expect(out.slice(1).split('\r\n')).toEqual([
      'Name;Firma;Position;Geburtstag;E-Mail 1;Telefon 1;Webseite 1;Notizen',
      'Jürgen Müller;"Müller & Söhne; Heizung, Sanitär";Geschäftsführer;05.03.;j.mueller@mueller-soehne.de;\'+49 211 123456;https://www.xing.com/profile/Juergen_Mueller42;"Zeile 1\nZeile 2 mit Backslash \\ und langem Text, der umgebrochen werden muss, weil er länger als fünfundsiebzig Oktette ist – ganz sicher."',
      '"\'=HYPERLINK(""evil"")";;;;;\'-1;;',
      '',
    ]);
  });

  it('English: commas, ISO birthdays, one column per e-mail, phone and URL', () => {
    const out = exportCsv([
      { name: 'A', emails: ['a@x.de', 'b@x.de'], birthday: { month: 3, day: 15, year: 1980 } },
      { name: 'B', emails: [], phones: ['1', '2', '3'], birthday: { month: 2, day: 29 } },
    ]);
    expect(out.slice(1).split('\r\n')).toEqual([
      'Name,Company,Position,Birthday,E-mail 1,E-mail 2,Phone 1,Phone 2,Phone 3,Website 1,Notes',
      'A,,,1980-03-15,a@x.de,b@x.de,,,,,',
      // Excel would compute --02-29 as a formula (-27): the apostrophe keeps it text.
      "B,,,'--02-29,,,1,2,3,,",
      '',
    ]);
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+49 30 1', "'+49 30 1"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    // A tab is a separator for some readers: quoted.
    ['\tx', '"\'\tx"'],
    ['\rx', '"\'\rx"'],
    ["'=already", "''=already"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    [' padded ', '" padded "'],
    ['line\nbreak', '"line\nbreak"'],
  ])('cell %j → %j', (value, expected) => {
    expect(csvCell(value, ',')).toBe(expected);
  });

  it('drops URLs that are not http(s)', () => {
    const out = exportCsv([
      {
        name: 'A',
        profileUrls: ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.de/', 'https://ok.de/'],
      },
    ]);
    expect(out).toContain('https://ok.de/');
    expect(out).not.toMatch(/javascript|data:|ftp:/);
  });

  it('brings back names and companies with colons as they were (":::" splits e-mails only)', () => {
    const drafts = [
      { name: ':::', emails: [] },
      { name: 'Müller ::: Weiß', emails: [], company: 'A ::: B' },
    ];
    const table = readCsvTable(exportCsv(drafts, { delimiter: ',', language: 'en' }));
    const r = applyColumnMapping(table, guessMapping(table.headers));
    expect(r.errors).toEqual([]);
    expect(r.contacts).toEqual(drafts);
  });

  it.each([
    [',', 'en'],
    [';', 'de'],
  ] as const)('round-trips drafts through column mapping (%s, %s)', (delimiter, language) => {
    fc.assert(
      fc.property(fc.array(draftArb, { minLength: 1, maxLength: 5 }), (drafts) => {
        const table = readCsvTable(exportCsv(drafts, { delimiter, language }));
        const r = applyColumnMapping(table, guessMapping(table.headers));
        expect(r.errors).toEqual([]);
        expect(r.contacts).toEqual(drafts);
      }),
      { numRuns: 150 },
    );
  });
});

/**
 * A spreadsheet's CSV reading, as Excel and LibreOffice do it: a quote opens a quoted field only at
 * the start of a field (anywhere else it is a plain character), `""` inside is one quote, text after
 * the closing quote is appended; any of `separators` ends a field outside quotes, CR, LF or CRLF a
 * record. Deliberately not Kundennah's own reader.
 */
function spreadsheetCells(text: string, separators: readonly string[]): string[] {
  const cells: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
      continue;
    }
    if (separators.includes(ch) || ch === '\r' || ch === '\n') {
      cells.push(field);
      field = '';
      atStart = true;
      if (ch === '\r' && body[i + 1] === '\n') i++;
      continue;
    }
    field += ch;
    atStart = false;
  }
  cells.push(field);
  return cells;
}

/** A cell a spreadsheet would compute: `= + - @` after blanks and quotes, or a leading tab or CR. */
const startsFormula = (cell: string) => /^[\s"]*[=+\-@]/.test(cell) || /^[\t\r]/.test(cell);

describe('CSV export read with another separator (German Excel, English Excel, LibreOffice)', () => {
  const READINGS = [[','], [';'], ['\t'], [',', ';'], [',', ';', '\t']] as const;
  const hostile: ExportContact[] = [
    { name: 'Anna Schröder', company: 'Bau;=HYPERLINK("http://evil","x")' },
    { name: 'Bert, =1+1', position: 'a;+cmd|x', notes: 'Rabatt; -5 %\n=2+3, @SUM(A1)' },
    { name: 'Carla', company: 'x;"=1+1"', notes: 'a; "  @x\r\n-1\tb;\t=c' },
    { name: "Dora; '=schon neutral", company: 'Eck,  ;=" q', position: '\t=1,\r+2' },
  ];

  it.each([',', ';'] as const)(
    'no cell computes whichever separator a %j file is read with',
    (delimiter) => {
      const out = exportCsv(hostile, { delimiter, language: 'de' });
      for (const separators of READINGS) {
        const bad = spreadsheetCells(out, separators).filter(startsFormula);
        expect({ separators, bad }).toEqual({ separators, bad: [] });
      }
    },
  );

  it('a cell holding either separator or a tab is quoted, whatever the file uses', () => {
    expect(csvCell('a;b', ',')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('"a,b"');
    expect(csvCell('a\tb', ',')).toBe('"a\tb"');
    expect(csvCell('a;=b', ',')).toBe('"a;\'=b"');
    expect(csvCell('a, -b', ';')).toBe('"a, \'-b"');
  });

  it.each([',', ';'] as const)('any text: no computed cell in any reading (%j)', (delimiter) => {
    const piece = fc.oneof(
      fc.constantFrom(',', ';', '\t', '\n', '\r\n', '\r', '"', "'", ' ', '=', '+', '-', '@'),
      fc.string({ maxLength: 4 }),
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (name, company) => {
        const out = exportCsv([{ name, company }], { delimiter, language: 'en' });
        for (const separators of READINGS)
          expect(spreadsheetCells(out, separators).filter(startsFormula)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each([',', ';'] as const)(
    'round trip: our import reads hostile names and companies back unchanged (%j)',
    (delimiter) => {
      const drafts = [
        { name: 'Bert, =1+1', emails: [], company: 'Bau;=HYPERLINK("x")' },
        { name: "Dora; '=schon", emails: [], company: "a, ''-b", position: '"=x", ; @y' },
      ];
      const table = readCsvTable(exportCsv(drafts, { delimiter, language: 'en' }));
      const r = applyColumnMapping(table, guessMapping(table.headers));
      expect(r.errors).toEqual([]);
      expect(r.contacts).toEqual(drafts);
    },
  );
});
