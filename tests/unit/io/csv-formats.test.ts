import { describe, expect, it } from 'vitest';
import { parseContactsFile } from '@/lib/io';
import { fixtureBytes } from '../../support/io-files';

const parse = (path: string) => parseContactsFile(fixtureBytes(path), path.split('/').pop());

describe('LinkedIn Connections.csv', () => {
  it('skips the Notes preamble, reads profile URLs canonically, reports a nameless row', () => {
    expect(parse('linkedin/Connections.csv')).toEqual({
      format: 'linkedin-csv',
      contacts: [
        {
          name: 'Anna Schmidt',
          emails: [],
          company: 'Schmidt, Meier & Partner mbB',
          position: 'Partnerin',
          profileUrls: ['https://www.linkedin.com/in/anna-schmidt-4711'],
        },
        {
          name: 'Bernd Meier',
          emails: ['bernd.meier@example.de'],
          company: 'Acme Maschinenbau GmbH',
          position: 'Head of Sales, DACH',
          profileUrls: ['https://www.linkedin.com/in/berndmeier'],
        },
        {
          name: 'Çağla Yılmaz',
          emails: [],
          company: 'Yılmaz Design',
          position: 'Gründerin "Studio Y"',
          profileUrls: ['https://www.linkedin.com/in/%C3%A7a%C4%9Fla-y%C4%B1lmaz-b2a1b3'],
        },
        {
          name: 'Dr. Jürgen Weiß-Köhler',
          emails: ['j.weiss@koehler-partner.de'],
          company: 'Köhler & Partner',
          position: 'Geschäftsführer',
          profileUrls: ['https://www.linkedin.com/in/juergen-weiss-koehler'],
        },
        {
          name: 'Elif',
          emails: [],
          position: 'Freelance UX Researcher 🎯',
          profileUrls: ['https://www.linkedin.com/in/elif-k'],
        },
      ],
      errors: [
        {
          line: 9,
          code: 'missing-name',
          params: {},
          message: 'No name and no e-mail address; the entry was skipped.',
        },
      ],
    });
  });
});

describe('Google Contacts CSV', () => {
  it('current layout: ::: values, ISO and --MM-DD birthdays, multi-line notes', () => {
    expect(parse('google/contacts.csv')).toEqual({
      format: 'google-csv',
      contacts: [
        {
          name: 'Sabine Vogel',
          emails: ['sabine@vogel-kommunikation.de', 's.vogel@gmail.com'],
          company: 'Vogel Kommunikation',
          position: 'Inhaberin',
          birthday: { month: 3, day: 15, year: 1980 },
          profileUrls: [
            'https://www.xing.com/profile/Sabine_Vogel3',
            'https://www.vogel-kommunikation.de/',
          ],
          phones: ['+49 172 3456789', '+49 30 1234567'],
        },
        {
          name: 'Thomas J. Brandt',
          emails: ['t.brandt@brandt-logistik.de'],
          company: 'Brandt Logistik GmbH & Co. KG',
          position: 'Prokurist',
          birthday: { month: 7, day: 4 },
          phones: ['040 / 555 66 77'],
        },
        {
          name: 'Marie Lefèvre',
          emails: ['marie.lefevre@example.fr'],
          profileUrls: ['https://www.linkedin.com/in/marie-lefevre'],
        },
        { name: 'rechnung', emails: ['rechnung@stadtwerke-beispiel.de'] },
        {
          name: 'Hotel Seeblick',
          emails: [],
          company: 'Hotel Seeblick',
          phones: ['+49 8821 12345'],
        },
      ],
      errors: [
        {
          line: 7,
          code: 'invalid-birthday',
          params: { value: '1975-02-30' },
          message: 'Not a valid birthday: “1975-02-30”; imported without birthday.',
        },
        {
          line: 9,
          code: 'invalid-email',
          params: { value: 'info(at)hotel-seeblick.de' },
          message: 'Not a valid e-mail address: “info(at)hotel-seeblick.de”; left out.',
        },
        {
          line: 10,
          code: 'missing-name',
          params: {},
          message: 'No name and no e-mail address; the entry was skipped.',
        },
      ],
    });
  });

  it('older layout: Name, Given Name, Family Name, Organization 1 - Name', () => {
    expect(parse('google/contacts-legacy.csv')).toEqual({
      format: 'google-csv',
      contacts: [
        {
          name: 'Klaus Fischer',
          emails: ['k.fischer@fischer-bau.de'],
          company: 'Fischer Bau AG',
          position: 'Vorstand',
          birthday: { month: 11, day: 23, year: 1968 },
          profileUrls: ['https://www.linkedin.com/in/klausfischer'],
          phones: ['+49 711 987654'],
        },
        {
          name: 'Petra Lang',
          emails: ['petra.lang@web.de', 'p.lang@lang-consulting.de'],
          birthday: { month: 12, day: 24 },
        },
      ],
      errors: [],
    });
  });
});

describe('Outlook CSV', () => {
  it('English: M/D/Y birthdays, 0/0/00 as none, Exchange-internal addresses left out', () => {
    expect(parse('outlook/contacts-en.csv')).toEqual({
      format: 'outlook-csv',
      contacts: [
        {
          name: "James O'Connor",
          emails: ['james.oconnor@oconnor-sons.ie'],
          company: "O'Connor & Sons Ltd.",
          position: 'Managing Director',
          birthday: { month: 3, day: 15, year: 1970 },
          profileUrls: ['https://www.linkedin.com/in/jamesoconnor'],
          phones: ['+353 21 123 4567', '+353 87 765 4321'],
        },
        {
          name: 'Priya Raman',
          emails: ['priya@raman-analytics.com'],
          company: 'Raman Analytics',
          // Text stays text on import; the CSV export neutralises it.
          position: '=HYPERLINK("x")',
          phones: ['(555) 010-2030'],
        },
        {
          name: 'Northwind Traders',
          emails: ['orders@northwind.example.com'],
          company: 'Northwind Traders',
          profileUrls: ['https://northwind.example.com/'],
          phones: ['+1 206 555 0100'],
        },
        {
          // 13/2/1988 cannot be month 13: read day first.
          name: 'Lena Hoffmann',
          emails: ['lena.hoffmann@example.co.uk'],
          birthday: { month: 2, day: 13, year: 1988 },
        },
      ],
      errors: [],
    });
  });

  it('German: semicolons, Windows-1252 bytes, D.M.Y birthdays, 0.0.00 as none', () => {
    const bytes = fixtureBytes('outlook/contacts-de.csv');
    // The fixture really is Windows-1252: € (0x80), – (0x96), „ (0x84), “ (0x93), ß (0xDF).
    for (const b of [0x80, 0x96, 0x84, 0x93, 0xdf]) expect(bytes.includes(b)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

    expect(parseContactsFile(bytes, 'Kontakte.CSV')).toEqual({
      format: 'outlook-csv',
      contacts: [
        {
          name: 'Jürgen Müller',
          emails: ['j.mueller@mueller-soehne.de'],
          company: 'Müller & Söhne Heizungsbau GmbH',
          position: 'Geschäftsführer – Technik',
          birthday: { month: 3, day: 15, year: 1962 },
          profileUrls: ['https://www.xing.com/profile/Juergen_Mueller42'],
          phones: ['+49 211 123456', '+49 171 9876543'],
        },
        {
          name: 'Björn Weiß',
          emails: ['info@weiss-stb.de', 'b.weiss@weiss-stb.de'],
          company: 'Weiß Steuerberatung',
          position: 'Steuerberater',
          phones: ['0221 445566'],
        },
        {
          name: 'Ömer Çelik',
          emails: ['oemer@celik-baeckerei.de'],
          company: 'Çelik Bäckerei',
        },
        {
          name: 'Anneliese Groß',
          emails: [],
          birthday: { month: 2, day: 29, year: 1984 },
          profileUrls: ['https://www.gross-immobilien.de/'],
          phones: ['0151 2223334'],
        },
      ],
      errors: [
        {
          line: 5,
          code: 'invalid-birthday',
          params: { value: '31.4.1975' },
          message: 'Not a valid birthday: “31.4.1975”; imported without birthday.',
        },
      ],
    });
  });
});

describe('a broken CSV', () => {
  it('skips each row with an unclosed quote, by its line, and reads the others', () => {
    expect(parse('broken/unclosed-quote.csv')).toEqual({
      format: 'linkedin-csv',
      contacts: [
        {
          name: 'Anna Schmidt',
          emails: [],
          company: 'Schmidt, Meier & Partner mbB',
          position: 'Partnerin',
          profileUrls: ['https://www.linkedin.com/in/anna-schmidt-4711'],
        },
        {
          name: 'Carla Nowak',
          emails: ['carla@nowak.example'],
          company: 'Nowak "Bau" GmbH',
          position: 'Leiterin Einkauf',
          profileUrls: ['https://www.linkedin.com/in/carla-nowak'],
        },
        {
          name: 'Dana Roth',
          emails: [],
          company: 'Roth Consulting',
          position: 'Beraterin',
          profileUrls: ['https://www.linkedin.com/in/dana-roth'],
        },
      ],
      errors: [
        {
          line: 3,
          code: 'unclosed-quote',
          params: {},
          message: 'A quoted field is not closed; the row was skipped.',
        },
        {
          line: 7,
          code: 'unclosed-quote',
          params: {},
          message: 'A quoted field is not closed; the row was skipped.',
        },
      ],
    });
  });
});
