import { describe, expect, it } from 'vitest';
import { parseBirthday, parseContactsFile, parseVCards } from '@/lib/io';
import { fixtureBytes } from '../../support/io-files';

const parse = (path: string) => parseContactsFile(fixtureBytes(path), path.split('/').pop());

describe('vCard files in the exporters’ shapes', () => {
  it('Android 2.1: QUOTED-PRINTABLE UTF-8 with soft line breaks', () => {
    expect(parse('vcard/android-21.vcf')).toEqual({
      format: 'vcard',
      contacts: [
        {
          name: 'Jürgen Müller',
          emails: ['juergen.mueller@example.de'],
          company: 'Müller & Söhne Heizungsbau GmbH',
          position: 'Geschäftsführer – Technik',
          birthday: { month: 3, day: 15, year: 1962 },
          phones: ['+491719876543', '+49 211 123456'],
        },
        { name: 'Anneliese Groß', emails: [], phones: ['0151 2223334'] },
      ],
      errors: [],
    });
  });

  it('Outlook 2.1 in Windows-1252: 8-bit text, QP with CHARSET, base64 photo, XING URL', () => {
    expect(parse('vcard/outlook-21.vcf')).toEqual({
      format: 'vcard',
      contacts: [
        {
          name: 'Björn Weiß',
          emails: ['b.weiss@weiss-stb.de', 'info@weiss-stb.de'],
          company: 'Weiß Steuerberatung',
          position: 'Steuerberater',
          birthday: { month: 7, day: 4, year: 1971 },
          profileUrls: ['https://www.xing.com/profile/Bjoern_Weiss'],
          phones: ['0221 445566'],
        },
      ],
      errors: [],
    });
  });

  it('Apple 3.0: item groups with X-ABLabel, 1604 as no year, X-SOCIALPROFILE, folding', () => {
    expect(parse('vcard/apple-30.vcf')).toEqual({
      format: 'vcard',
      contacts: [
        {
          name: 'Dr. Katrin Schröder',
          emails: ['k.schroeder@schroeder-consulting.de', 'katrin.s@example.org'],
          company: 'Schröder Consulting GmbH',
          position: 'Geschäftsführerin',
          birthday: { month: 7, day: 22 },
          profileUrls: [
            'https://www.xing.com/profile/Katrin_Schroeder2',
            'https://www.schroeder-consulting.de/',
            'https://www.linkedin.com/in/katrin-schroeder',
          ],
          phones: ['+49 171 2345678', '+49 89 1234-0'],
        },
        {
          name: 'Hans-Georg Becker',
          emails: ['becker@bwk-recht.de'],
          company: 'Becker, Wolf & Kollegen Rechtsanwälte',
          birthday: { month: 11, day: 3 },
          profileUrls: [
            'https://www.linkedin.com/in/hg-becker-ra',
            'https://www.xing.com/profile/Hans-Georg_Becker',
          ],
          phones: ['+49 69 2468-10'],
        },
        {
          name: 'Café Sonnenschein',
          emails: ['reservierung@cafe-sonnenschein.de'],
          company: 'Café Sonnenschein',
          phones: ['+49 341 5556677'],
        },
        {
          name: 'Thị Minh Anh Nguyễn, M.Sc. (Beraterin für Nachhaltigkeitsberichterstattung und Lieferkettengesetz)',
          emails: [],
        },
      ],
      errors: [
        {
          line: 59,
          code: 'invalid-birthday',
          params: { value: '1990-02-29' },
          message: 'Not a valid birthday: “1990-02-29”; imported without birthday.',
        },
      ],
    });
  });

  it('4.0: --MMDD, basic dates, tel: URIs, mailto:, non-web URLs refused', () => {
    expect(parse('vcard/contacts-40.vcf')).toEqual({
      format: 'vcard',
      contacts: [
        {
          name: 'Hans-Peter Krüger',
          emails: ['hp.krueger@krueger-it.de', 'hanspeter@example.net'],
          company: 'Krüger IT-Service',
          position: 'Inhaber',
          birthday: { month: 4, day: 12 },
          profileUrls: ['https://www.linkedin.com/in/hp-krueger'],
          phones: ['+49-40-555-1234', '0171 5551234'],
        },
        {
          name: 'Greta Lindqvist',
          emails: ['greta@lindqvist.se'],
          position: 'Chief Sustainability Officer, Nordics',
          birthday: { month: 4, day: 12, year: 1975 },
        },
        { name: 'Otto Neumann', emails: [], phones: ['+49 30 777888'] },
      ],
      errors: [
        {
          line: 16,
          code: 'invalid-url',
          params: { value: 'javascript:alert(1)' },
          message: 'Not a web address: “javascript:alert(1)”; left out.',
        },
        {
          line: 30,
          code: 'invalid-birthday',
          params: { value: 'circa 1800' },
          message: 'Not a valid birthday: “circa 1800”; imported without birthday.',
        },
        {
          line: 31,
          code: 'invalid-email',
          params: { value: 'otto.neumann@' },
          message: 'Not a valid e-mail address: “otto.neumann@”; left out.',
        },
      ],
    });
  });

  it('Google 3.0: --MM-DD birthdays and escaped colons in URLs', () => {
    expect(parse('vcard/google-30.vcf')).toEqual({
      format: 'vcard',
      contacts: [
        {
          name: 'Sabine Vogel',
          emails: ['sabine@vogel-kommunikation.de', 's.vogel@gmail.com'],
          company: 'Vogel Kommunikation',
          position: 'Inhaberin',
          birthday: { month: 3, day: 15 },
          profileUrls: ['https://www.xing.com/profile/Sabine_Vogel3'],
          phones: ['+49 172 3456789'],
        },
        {
          name: 'Thomas Brandt',
          emails: ['t.brandt@brandt-logistik.de'],
          company: 'Brandt Logistik GmbH & Co. KG',
          birthday: { month: 7, day: 4, year: 1971 },
          profileUrls: ['https://www.linkedin.com/in/thomas-brandt-logistik'],
        },
      ],
      errors: [],
    });
  });

  it('XING single card: URL;TYPE=xing becomes the canonical profile URL', () => {
    expect(parse('vcard/xing-profile.vcf')).toEqual({
      format: 'vcard',
      contacts: [
        {
          name: 'Björn Weiß',
          emails: ['bjoern.weiss@weiss-partner.de'],
          company: 'Weiß & Partner Steuerberatungsgesellschaft mbB',
          position: 'Partner',
          profileUrls: ['https://www.xing.com/profile/Bjoern_Weiss'],
          phones: ['+49 221 9876543', '+49 160 1112223'],
        },
      ],
      errors: [],
    });
  });

  it('a garbled file: every problem with its line, the good cards still read', () => {
    const outside = (line: number, value: string) => ({
      line,
      code: 'vcard-outside-card',
      params: { value },
      message: 'Text outside a vCard; ignored.',
    });
    const unterminated = (line: number) => ({
      line,
      code: 'vcard-unterminated',
      params: {},
      message: 'The vCard has no END:VCARD; it was skipped.',
    });
    expect(parse('broken/garbled.vcf')).toEqual({
      format: 'vcard',
      contacts: [
        { name: 'Ines Wagner', emails: ['ines.wagner@example.de'] },
        { name: 'Karl Roth', emails: [], phones: ['+49 89 111222'] },
      ],
      errors: [
        outside(1, 'From: backup-tool'),
        {
          line: 6,
          code: 'vcard-bad-line',
          params: { value: 'this line lost its property name' },
          message: 'Unreadable vCard line; left out.',
        },
        {
          line: 7,
          code: 'invalid-email',
          params: { value: 'ines.wagner(at)example.de' },
          message: 'Not a valid e-mail address: “ines.wagner(at)example.de”; left out.',
        },
        unterminated(9),
        outside(18, 'END:VCARD'),
        {
          line: 19,
          code: 'missing-name',
          params: {},
          message: 'No name and no e-mail address; the entry was skipped.',
        },
        outside(24, '\u0000\u0001garbage\u0002'),
        unterminated(25),
      ],
    });
  });
});

describe('vCard details', () => {
  const one = (body: string) => parseVCards(`BEGIN:VCARD\r\n${body}\r\nEND:VCARD\r\n`);

  it.each([
    [
      '3.0 folding drops one space',
      'VERSION:3.0\r\nFN:Hans-\r\n Peter Krüger',
      'Hans-Peter Krüger',
    ],
    ['folding with a tab', 'VERSION:4.0\nFN:Anna\n\t Maria', 'Anna Maria'],
    ['2.1 folding keeps the whitespace', 'VERSION:2.1\r\nFN:Anna\r\n Maria', 'Anna Maria'],
    [
      'escaped comma, semicolon, backslash',
      'VERSION:3.0\r\nFN:Weiß\\, Björn \\; Co \\\\ KG',
      'Weiß, Björn ; Co \\ KG',
    ],
    [
      'escaped line break becomes a space in a name',
      'VERSION:3.0\r\nFN:Anna\\nMaria',
      'Anna Maria',
    ],
    [
      'N when FN is missing (given, additional, family)',
      'VERSION:3.0\r\nN:Krüger;Hans;Peter;Dr.;',
      'Hans Peter Krüger',
    ],
    [
      'N with escaped semicolon in the family name',
      'VERSION:3.0\r\nN:Müller\\;Lang;Eva;;;',
      'Eva Müller;Lang',
    ],
    ['NICKNAME when there is no name at all', 'VERSION:3.0\r\nNICKNAME:Bine,Sabi', 'Bine'],
    [
      'ORG (first component) for a company card',
      'VERSION:3.0\r\nORG:Hotel Seeblick;Rezeption',
      'Hotel Seeblick',
    ],
    [
      'e-mail local part only if nothing else names the person',
      'VERSION:3.0\r\nEMAIL:Info@Example.de',
      'info',
    ],
    ['lower-case property names and a group', 'version:3.0\r\nitem1.fn:Anna', 'Anna'],
    [
      'QP Windows-1252',
      'VERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:J=FCrgen =80 =96',
      'Jürgen € –',
    ],
    [
      'QP ISO-8859-1 (read as Windows-1252)',
      'VERSION:2.1\r\nFN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Gr=F6=DFe',
      'Größe',
    ],
    [
      'QP without CHARSET: UTF-8',
      'VERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:M=C3=BCller',
      'Müller',
    ],
    [
      'QP soft line break',
      'VERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Hans-=\r\nPeter',
      'Hans-Peter',
    ],
    [
      'quoted parameter value with a colon',
      'VERSION:4.0\r\nFN;ALTID="a:b";LANGUAGE=de:Anna',
      'Anna',
    ],
  ])('%s', (_label, body, name) => {
    const r = one(body);
    expect(r.errors).toEqual([]);
    expect(r.contacts.map((c) => c.name)).toEqual([name]);
  });

  it('several EMAIL, TEL and URL; duplicates once; e-mails lower-case', () => {
    const r = one(
      [
        'VERSION:3.0',
        'FN:Anna',
        'EMAIL;TYPE=work:Anna@Firma.de',
        'EMAIL;TYPE=home: anna@firma.de ',
        'EMAIL:anna@privat.de',
        'TEL;TYPE=cell:+49 170 1',
        'TEL;TYPE=work:+49 30 2',
        'URL:https://de.linkedin.com/in/anna/details/experience/',
        'URL:https://www.linkedin.com/in/anna',
        'X-SOCIALPROFILE;TYPE=xing:https://www.xing.com/profile/Anna_B/cv',
      ].join('\r\n'),
    );
    expect(r.contacts).toEqual([
      {
        name: 'Anna',
        emails: ['anna@firma.de', 'anna@privat.de'],
        profileUrls: ['https://www.linkedin.com/in/anna', 'https://www.xing.com/profile/Anna_B'],
        phones: ['+49 170 1', '+49 30 2'],
      },
    ]);
  });

  it('a social profile given only as a user name becomes a profile URL', () => {
    const r = one(
      [
        'VERSION:3.0',
        'FN:Anna',
        'X-SOCIALPROFILE;type=linkedin;x-user=anna-b:x-apple:anna-b',
        'item1.URL:Anna_B',
        'item1.X-ABLabel:XING',
        'X-SOCIALPROFILE;type=twitter:x-apple:annab',
      ].join('\r\n'),
    );
    expect(r.contacts[0]!.profileUrls).toEqual([
      'https://www.linkedin.com/in/anna-b',
      'https://www.xing.com/profile/Anna_B',
    ]);
    expect(r.errors).toEqual([]);
  });

  it('BDAY with X-APPLE-OMIT-YEAR drops whatever year is written', () => {
    const r = one('VERSION:3.0\r\nFN:A\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29');
    expect(r.contacts[0]!.birthday).toEqual({ month: 2, day: 29 });
  });

  it('a card whose lines end in LF only, and several cards', () => {
    const text =
      'BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD';
    expect(parseVCards(text).contacts.map((c) => c.name)).toEqual(['A', 'B']);
  });

  it('lines with the same head in different cards keep their own values and labels', () => {
    // Heads are taken apart once per file; what they carry must still be each card's own.
    const card = (name: string, mail: string, url: string, label: string) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL;type=INTERNET;type=WORK:${mail}\r\n` +
      `item1.URL;type=pref:${url}\r\nitem1.X-ABLabel:${label}\r\nEND:VCARD\r\n`;
    const text =
      card('Anna Berg', 'anna@berg.de', 'https://www.xing.com/profile/Anna_Berg', 'XING') +
      card('Bernd Kühn', 'bernd@kuehn.de', 'bernd-kuehn', 'LinkedIn');
    expect(parseVCards(text).contacts).toEqual([
      expect.objectContaining({
        name: 'Anna Berg',
        emails: ['anna@berg.de'],
        profileUrls: ['https://www.xing.com/profile/Anna_Berg'],
      }),
      expect.objectContaining({
        name: 'Bernd Kühn',
        emails: ['bernd@kuehn.de'],
        profileUrls: ['https://www.linkedin.com/in/bernd-kuehn'],
      }),
    ]);
  });
});

describe('birthdays', () => {
  it.each([
    ['1980-03-15', {}, { month: 3, day: 15, year: 1980 }],
    ['19800315', {}, { month: 3, day: 15, year: 1980 }],
    ['1980-03-15T00:00:00Z', {}, { month: 3, day: 15, year: 1980 }],
    ['19800315T120000', {}, { month: 3, day: 15, year: 1980 }],
    ['--0315', {}, { month: 3, day: 15 }],
    ['--03-15', {}, { month: 3, day: 15 }],
    ['--02-29', {}, { month: 2, day: 29 }],
    ['1604-03-15', {}, { month: 3, day: 15 }],
    ['1980-03-15', { omitYear: true }, { month: 3, day: 15 }],
    ['15.3.1980', {}, { month: 3, day: 15, year: 1980 }],
    ['15.03.', {}, { month: 3, day: 15 }],
    ['15.03.80 (two-digit year dropped)', {}, { month: 3, day: 15 }],
    ['3/15/1980', {}, { month: 3, day: 15, year: 1980 }],
    ['3/4/1980', {}, { month: 3, day: 4, year: 1980 }],
    ['3/4/1980', { dateOrder: 'dmy' as const }, { month: 4, day: 3, year: 1980 }],
    ['15/3/1980 (a first number above 12 is the day)', {}, { month: 3, day: 15, year: 1980 }],
    ['1980/03/15', {}, { month: 3, day: 15, year: 1980 }],
  ])('%s', (raw, options, expected) => {
    expect(parseBirthday(raw.split(' (')[0]!, options)).toEqual({ ok: expected });
  });

  it.each(['', '   ', '0.0.00', '0/0/00', '00.00.0000'])('"%s" is no birthday', (raw) => {
    expect(parseBirthday(raw)).toBeNull();
  });

  it.each([
    '1980-02-30',
    '1981-02-29',
    '31.4.1975',
    '13/13/1980',
    '--1315',
    '0999-01-01',
    'circa 1800',
    '15 March 1980',
    '1980-3',
  ])('"%s" is invalid', (raw) => {
    expect(parseBirthday(raw)).toEqual({ invalid: raw });
  });
});
