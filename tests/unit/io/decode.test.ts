import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeCharset, decodeWindows1252, parseContactsFile } from '@/lib/io';

const bytes = (...b: number[]) => Uint8Array.from(b);

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  units.forEach((u, i) => {
    out[2 * i] = littleEndian ? u & 0xff : u >> 8;
    out[2 * i + 1] = littleEndian ? u >> 8 : u & 0xff;
  });
  return out;
}

const SAMPLE = 'Müller – 12 € „Grüße“ Weiß';

describe('decoding bytes', () => {
  it.each([
    ['UTF-8 without BOM', new TextEncoder().encode(SAMPLE), 'utf-8', false],
    [
      'UTF-8 with BOM',
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]),
      'utf-8',
      true,
    ],
    ['UTF-16 LE with BOM', utf16(SAMPLE, true), 'utf-16le', true],
    ['UTF-16 BE with BOM', utf16(SAMPLE, false), 'utf-16be', true],
    ['UTF-16 LE without BOM (zero bytes)', utf16(SAMPLE, true, false), 'utf-16le', false],
    [
      'Windows-1252 (not valid UTF-8)',
      bytes(
        0x4d,
        0xfc,
        0x6c,
        0x6c,
        0x65,
        0x72,
        0x20,
        0x96,
        0x20,
        0x31,
        0x32,
        0x20,
        0x80,
        0x20,
        0x84,
        0x47,
        0x72,
        0xfc,
        0xdf,
        0x65,
        0x93,
        0x20,
        0x57,
        0x65,
        0x69,
        0xdf,
      ),
      'windows-1252',
      false,
    ],
  ])('%s', (_label, input, encoding, bom) => {
    expect(decodeBytes(input)).toEqual({ text: SAMPLE, encoding, bom });
  });

  it('maps 0x80-0x9F of Windows-1252 as browsers do (not like Latin-1)', () => {
    const all = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(all)).toBe(
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ',
    );
  });

  it('maps 0xA0-0xFF like Latin-1 and ASCII as itself', () => {
    expect(
      decodeWindows1252(bytes(0x41, 0xa0, 0xa4, 0xc4, 0xd6, 0xdc, 0xdf, 0xe4, 0xf6, 0xfc, 0xff)),
    ).toBe('A\u00a0¤ÄÖÜßäöüÿ');
  });

  it.each([
    ['utf-8', bytes(0xe2, 0x82, 0xac, 0x20, 0xe2, 0x80, 0x93), '€ –'],
    ['UTF-8 given but bytes are Windows-1252', bytes(0x80, 0x20, 0x96), '€ –'],
    ['Windows-1252', bytes(0x80, 0x20, 0x96), '€ –'],
    ['windows1252', bytes(0xdc, 0x62, 0x65, 0x72), 'Über'],
    ['ISO-8859-1', bytes(0xe4, 0x80), 'ä€'],
    ['ISO-8859-15', bytes(0xa4, 0xbd), '€œ'],
    [undefined, bytes(0xc3, 0xa4), 'ä'],
  ])('charset %s', (charset, input, expected) => {
    expect(decodeCharset(input, charset)).toBe(expected);
  });

  it('decodes a UTF-16 CSV file end to end', () => {
    const csv =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nJürgen,Weiß,https://www.linkedin.com/in/jw,,Köhler – Bau,,1 Jan 2024\r\n';
    for (const le of [true, false]) {
      const r = parseContactsFile(utf16(csv, le));
      expect(r.contacts).toEqual([
        {
          name: 'Jürgen Weiß',
          emails: [],
          company: 'Köhler – Bau',
          profileUrls: ['https://www.linkedin.com/in/jw'],
        },
      ]);
    }
  });

  it('a dangling odd byte of UTF-16 becomes U+FFFD', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0x42)).text).toBe('A\ufffd');
  });
});
