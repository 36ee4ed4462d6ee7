// Bytes to text. Exporters write UTF-8 (with or without BOM), UTF-16 with BOM (Outlook "Unicode"),
// or Windows-1252 (German Outlook, Excel "CSV (Trennzeichen-getrennt)", old vCard 2.1 writers).
// Windows-1252 is decoded with our own table: Node's TextDecoder('windows-1252') without full ICU
// maps 0x80-0x9F like Latin-1 (so € and – would come out as control characters), browsers do not.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** A byte-order mark was present (and removed). */
  bom: boolean;
}

// 0x80-0x9F of Windows-1252 as the WHATWG Encoding Standard defines them (the five unassigned
// bytes map to the C1 control with the same number, as browsers do).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

// ISO-8859-15 differs from Latin-1 in eight places (€ Š š Ž ž Œ œ Ÿ).
const LATIN9_DIFF: Record<number, number> = {
  0xa4: 0x20ac,
  0xa6: 0x0160,
  0xa8: 0x0161,
  0xb4: 0x017d,
  0xb8: 0x017e,
  0xbc: 0x0152,
  0xbd: 0x0153,
  0xbe: 0x0178,
};

const CHUNK = 0x2000;

function fromCodeUnits(units: Uint16Array): string {
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK)
    out += String.fromCharCode(...units.subarray(i, i + CHUNK));
  return out;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
  }
  return fromCodeUnits(units);
}

function decodeLatin9(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = LATIN9_DIFF[b] ?? b;
  }
  return fromCodeUnits(units);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const n = bytes.length >> 1;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    units[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  // A dangling odd byte cannot be a character.
  return fromCodeUnits(units) + (bytes.length % 2 ? '\ufffd' : '');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without BOM: most characters of a CSV/vCard are ASCII, so every other byte is 0. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length >> 1, 2048);
  if (pairs < 2) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroEven++;
    if (bytes[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.1) return 'utf-16le';
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Decode a file's bytes: BOM first (UTF-8, UTF-16 LE/BE), then UTF-16 without BOM by its zero
 * bytes, then strict UTF-8, and Windows-1252 when the bytes are not valid UTF-8.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: lenientUtf8.decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', bom: true };
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16 === 'utf-16le'), encoding: utf16, bom: false };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
}

/** Text as given, or bytes decoded; a leading BOM is removed either way. */
export function toText(input: string | Uint8Array | ArrayBuffer): DecodedText {
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff;
    return { text: bom ? input.slice(1) : input, encoding: 'utf-8', bom };
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  return decodeBytes(bytes);
}

/**
 * Bytes in a named charset (vCard `CHARSET=` with QUOTED-PRINTABLE). ISO-8859-1 is read as
 * Windows-1252, as browsers do. Unknown or absent charsets: UTF-8 if valid, else Windows-1252.
 */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const cs = (charset ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (/^(windows-?1252|cp-?1252|iso-?8859-1|latin-?1|us-ascii|ascii)$/.test(cs))
    return decodeWindows1252(bytes);
  if (/^(iso-?8859-15|latin-?9)$/.test(cs)) return decodeLatin9(bytes);
  if (/^utf-?16-?le$/.test(cs)) return decodeUtf16(bytes, true);
  if (/^utf-?16(-?be)?$/.test(cs)) return decodeUtf16(bytes, false);
  const utf8 = tryUtf8(bytes);
  return utf8 ?? decodeWindows1252(bytes);
}
