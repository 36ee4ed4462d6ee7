import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvRecords, readCsvTable } from '@/lib/io';

describe('CSV records (RFC 4180 and what spreadsheets write)', () => {
  it.each([
    ['plain', 'a,b,c', [['a', 'b', 'c']]],
    ['empty fields', 'a,,c,', [['a', '', 'c', '']]],
    ['quoted delimiter', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['quote inside an unquoted field is literal', 'a"b,c', [['a"b', 'c']]],
    ['text after a closing quote on the same line is kept', '"abc"def,g', [['abcdef', 'g']]],
    [
      'CRLF',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'lone CR',
      'a,b\rc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'line break inside quotes',
      '"line 1\nline 2",x\ny,z',
      [
        ['line 1\nline 2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['CRLF inside quotes is kept', '"1\r\n2",x', [['1\r\n2', 'x']]],
  ])('%s', (_label, text, expected) => {
    expect(parseCsvRecords(text, ',').records.map((r) => r.cells)).toEqual(expected);
  });

  it('gives every record the physical line it starts on', () => {
    const text = 'h1,h2\r\n"a\r\nb\r\nc",1\r\nnext,2\n"x\ry",3\nlast,4';
    expect(parseCsvRecords(text, ',').records.map((r) => r.line)).toEqual([1, 2, 5, 6, 8]);
  });

  it('an unclosed quote breaks only its record; reading resumes on the next line', () => {
    const text = 'h1,h2\n"broken,1\ngood,2\nalso good,3';
    const { records, broken } = parseCsvRecords(text, ',');
    expect(broken).toEqual([2]);
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['h1', 'h2']],
      [3, ['good', '2']],
      [4, ['also good', '3']],
    ]);
  });

  it('a quote that spans lines and closes in mid-field means the record was broken', () => {
    const text = 'h\n"Anna,1\nBernd,2\n"Carla",3';
    const { records, broken } = parseCsvRecords(text, ',');
    expect(broken).toEqual([2]);
    expect(records.map((r) => r.cells)).toEqual([['h'], ['Bernd', '2'], ['Carla', '3']]);
  });

  // Quadratic work here would take minutes and hit the test's own timeout; the time itself is a
  // figure of the bench, not an assertion.
  it('reads a file full of stray quotes to the end', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `"row ${i},x`).join('\n');
    const { broken } = parseCsvRecords(text, ',');
    expect(broken.length).toBeGreaterThan(0);
  });
});

describe('delimiter and header', () => {
  it.each([
    ['comma', 'Name,E-Mail,Firma\nA,a@x.de,F', ','],
    ['semicolon (German Excel)', 'Name;E-Mail;Firma\nA;a@x.de;"F, G"', ';'],
    ['tab', 'Name\tE-Mail\tFirma\nA\ta@x.de\tF', '\t'],
    ['comma although the preamble has semicolons', 'Notes: a; b; c\n\nName,E-Mail,Firma\n', ','],
    [
      'semicolon although cells contain commas',
      '"Name, voll";"E-Mail";"Firma"\n"Müller, Jürgen";j@x.de;F',
      ';',
    ],
  ])('%s', (_label, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('finds the header after a preamble and keeps physical line numbers', () => {
    const table = readCsvTable('Notes:\n"A note, with a comma"\n\nFirst,Last\nA,B\n\n,\nC,D\n');
    expect(table).toEqual({
      delimiter: ',',
      encoding: 'utf-8',
      headers: ['First', 'Last'],
      headerLine: 4,
      rows: [
        { line: 5, cells: ['A', 'B'] },
        { line: 8, cells: ['C', 'D'] },
      ],
      errors: [],
    });
  });

  it("honours Excel's sep= line", () => {
    const table = readCsvTable('sep=;\r\nName;Firma,GmbH\r\nA;B,C\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Name', 'Firma,GmbH']);
    expect(table.rows).toEqual([{ line: 3, cells: ['A', 'B,C'] }]);
  });

  it('reports unclosed quotes after the header with their line', () => {
    const table = readCsvTable('Name,Firma\n"A,B\nC,D\n');
    expect(table.rows).toEqual([{ line: 3, cells: ['C', 'D'] }]);
    expect(table.errors).toEqual([
      {
        line: 2,
        code: 'unclosed-quote',
        params: {},
        message: 'A quoted field is not closed; the row was skipped.',
      },
    ]);
  });

  it('an empty file has no header and no rows', () => {
    expect(readCsvTable('')).toMatchObject({ headers: [], rows: [], errors: [] });
  });
});
