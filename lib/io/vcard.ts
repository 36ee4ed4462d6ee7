// vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350) as Apple, Google, Android, Outlook and XING write
// them: folded lines, QUOTED-PRINTABLE with soft line breaks and CHARSET, backslash escapes (Google
// also escapes `:` in URLs), property groups (`item1.URL` + `item1.X-ABLabel`), Apple's 1604 for
// "no year", X-SOCIALPROFILE. A broken card is reported with its line; the others are read.

import type { ContactDraft } from '../model';
import { decodeCharset } from './decode';
import { DraftCollector, cleanText, normaliseUrl } from './fields';
import { excerpt, issue, type ImportIssue } from './issues';

export interface VCardProperty {
  /** 1-based physical line where the property starts. */
  line: number;
  group?: string;
  /** Upper-case property name (`EMAIL`, `X-SOCIALPROFILE`). */
  name: string;
  /** Upper-case parameter names; values as written (quotes removed), split at commas. */
  params: Map<string, string[]>;
  /** The raw value: still escaped and, for QUOTED-PRINTABLE, still encoded. */
  value: string;
}

const BEGIN_RE = /^BEGIN:VCARD\s*$/i;
const END_RE = /^END:VCARD\s*$/i;
// Cheap first-letter checks before the regexes: a file has ten lines per card or more.
const isBegin = (l: string) => (l.charCodeAt(0) | 32) === 98 /* b */ && BEGIN_RE.test(l);
const isEnd = (l: string) => (l.charCodeAt(0) | 32) === 101 /* e */ && END_RE.test(l);
const NAME_RE = /^[A-Za-z0-9-]+$/;
const BASE64_LINE_RE = /^[A-Za-z0-9+/=]+$/;
const QP_HEAD_RE = /QUOTED-PRINTABLE/i;

interface LogicalLine {
  text: string;
  line: number;
}

/** Index of the first `:` that is not inside a double-quoted parameter value, or -1. */
function valueColon(text: string): number {
  const first = text.indexOf(':');
  if (first === -1) return -1;
  if (text.lastIndexOf('"', first) === -1) return first;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  if (!text.includes('"')) return text.split(sep);
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

const unquote = (v: string) =>
  v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;

// vCard 2.1 allows bare parameters: `TEL;WORK;VOICE:` (types) and `;QUOTED-PRINTABLE:` (encoding).
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

const NO_PARAMS: ReadonlyMap<string, string[]> = new Map();

/** One content line `[group.]NAME;PARAM=v;...:value`, or null when it is not one. */
export function parseContentLine(text: string, line: number): VCardProperty | null {
  const colon = valueColon(text);
  if (colon <= 0) return null;
  const parts = splitOutsideQuotes(text.slice(0, colon), ';');
  const head = parts[0]!;
  const dot = head.lastIndexOf('.');
  const name = (dot >= 0 ? head.slice(dot + 1) : head).trim().toUpperCase();
  if (!NAME_RE.test(name)) return null;
  // Most properties have no parameters: share one empty map instead of allocating.
  const params =
    parts.length > 1 ? new Map<string, string[]>() : (NO_PARAMS as Map<string, string[]>);
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    let key: string;
    let values: string[];
    if (eq === -1) {
      const bare = p.toUpperCase();
      key = BARE_ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE';
      values = [unquote(p)];
    } else {
      key = p.slice(0, eq).trim().toUpperCase();
      values = splitOutsideQuotes(p.slice(eq + 1), ',');
      for (let k = 0; k < values.length; k++) values[k] = unquote(values[k]!.trim());
    }
    const known = params.get(key);
    if (known) known.push(...values);
    else params.set(key, values);
  }
  const prop: VCardProperty = { line, name, params, value: text.slice(colon + 1) };
  if (dot > 0) prop.group = head.slice(0, dot);
  return prop;
}

const USED_PROPERTIES = new Set([
  'FN',
  'N',
  'NICKNAME',
  'ORG',
  'TITLE',
  'EMAIL',
  'TEL',
  'BDAY',
  'URL',
  'X-SOCIALPROFILE',
  'X-ABLABEL',
]);

/** The upper-case property name of a content line (group removed), or null if it has none. */
function propertyName(text: string): string | null {
  const colon = valueColon(text);
  if (colon <= 0) return null;
  const semi = text.indexOf(';');
  const end = semi !== -1 && semi < colon ? semi : colon;
  const dot = text.lastIndexOf('.', end);
  const name = text
    .slice(dot + 1, end)
    .trim()
    .toUpperCase();
  return NAME_RE.test(name) ? name : null;
}

const param = (p: VCardProperty, key: string) => p.params.get(key)?.[0];

/** Parameters `;a=b,c;BARE` between `from` and `to` of a head without double quotes (what
 * `parseContentLine` makes of them, without splitting the head into arrays first). */
function plainParams(text: string, from: number, to: number): Map<string, string[]> {
  const params = new Map<string, string[]>();
  let start = from;
  while (start <= to) {
    let end = text.indexOf(';', start);
    if (end === -1 || end > to) end = to;
    const p = text.slice(start, end).trim();
    start = end + 1;
    if (!p) continue;
    const eq = p.indexOf('=');
    let key: string;
    let values: string[];
    if (eq === -1) {
      key = BARE_ENCODINGS.has(p.toUpperCase()) ? 'ENCODING' : 'TYPE';
      values = [p];
    } else {
      key = p.slice(0, eq).trim().toUpperCase();
      const raw = p.slice(eq + 1);
      values = raw.includes(',') ? raw.split(',').map((v) => v.trim()) : [raw.trim()];
    }
    const known = params.get(key);
    if (known) known.push(...values);
    else params.set(key, values);
  }
  return params;
}

/** What a property's head (`[group.]NAME;params`) says: the same for every line with that head. */
interface Head {
  name: string;
  params: Map<string, string[]>;
  group?: string;
}

/** A well-formed head of a property that no field uses. */
const UNUSED: Head = { name: '', params: NO_PARAMS as Map<string, string[]> };

/**
 * A file repeats a handful of heads thousands of times (`TEL;type=CELL;type=VOICE;type=pref`):
 * each is taken apart once per file (`parseVCards` keeps one of these per call). The parameters
 * are shared by the properties with that head and only read.
 */
type Heads = Map<string, Head | null>;
/** A file with more distinct heads than this starts over (a garbled file must not grow it). */
const MAX_HEADS = 5000;

/** A head without double quotes taken apart; null when it names no property. */
function readHead(text: string, colon: number): Head | null {
  let semi = text.indexOf(';');
  if (semi > colon) semi = -1;
  const end = semi === -1 ? colon : semi;
  const dot = text.lastIndexOf('.', end);
  const name = text
    .slice(dot + 1, end)
    .trim()
    .toUpperCase();
  if (!NAME_RE.test(name)) return null;
  if (!USED_PROPERTIES.has(name)) return UNUSED;
  const params =
    semi === -1 ? (NO_PARAMS as Map<string, string[]>) : plainParams(text, semi + 1, colon);
  const head: Head = { name, params };
  if (dot > 0) head.group = text.slice(0, dot);
  return head;
}

/**
 * A logical line as `readCard` needs it: the property (null when the line is no content line),
 * or undefined for a well-formed property that no field uses. A head without double quotes is
 * taken apart once per file; a head with quotes takes `propertyName` and `parseContentLine`.
 */
function readProperty(text: string, line: number, heads: Heads): VCardProperty | null | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  if (text.lastIndexOf('"', colon) !== -1) return slowProperty(text, line);
  const key = text.slice(0, colon);
  let head = heads.get(key);
  if (head === undefined) {
    head = readHead(text, colon);
    if (heads.size >= MAX_HEADS) heads.clear();
    heads.set(key, head);
  }
  if (head === null) return null;
  if (head === UNUSED) return undefined;
  const prop: VCardProperty = {
    line,
    name: head.name,
    params: head.params,
    value: text.slice(colon + 1),
  };
  if (head.group !== undefined) prop.group = head.group;
  return prop;
}

function slowProperty(text: string, line: number): VCardProperty | null | undefined {
  const name = propertyName(text);
  if (name && !USED_PROPERTIES.has(name)) return undefined;
  return name ? parseContentLine(text, line) : null;
}

/**
 * Join folded lines into logical lines. vCard 3.0/4.0 drop the line break and one space or tab;
 * 2.1 (RFC 822 folding) keeps the whitespace. A QUOTED-PRINTABLE value ending in `=` continues on
 * the next line whatever that line starts with. Unindented base64 lines after a binary property
 * (old 2.1 writers) belong to it.
 */
function unfold(lines: string[], from: number, to: number, is21: boolean): LogicalLine[] {
  const out: LogicalLine[] = [];
  // Physical pieces of the current logical line, joined once at the end (no quadratic copying
  // when a long QUOTED-PRINTABLE value has thousands of soft line breaks).
  let parts: string[] | null = null;
  let qp = false;
  let inBinary = false;
  const flush = () => {
    if (parts) out[out.length - 1]!.text = parts.length === 1 ? parts[0]! : parts.join('');
  };
  for (let k = from; k < to; k++) {
    const raw = lines[k]!;
    if (parts && qp) {
      const last = parts[parts.length - 1]!;
      if (last.endsWith('=')) {
        parts[parts.length - 1] = last.slice(0, -1);
        parts.push(raw);
        continue;
      }
    }
    if (raw === '') {
      flush();
      parts = null;
      inBinary = false;
      continue;
    }
    const first = raw.charCodeAt(0);
    if (parts && (first === 32 || first === 9)) {
      parts.push(is21 ? raw : raw.slice(1));
      continue;
    }
    if (parts && inBinary && BASE64_LINE_RE.test(raw)) {
      parts.push(raw);
      continue;
    }
    flush();
    parts = [raw];
    out.push({ text: raw, line: k + 1 });
    // Only lines with parameters can be QUOTED-PRINTABLE or binary.
    const colon = raw.indexOf(':');
    const semi = raw.indexOf(';');
    qp = false;
    inBinary = false;
    if (semi !== -1 && (colon === -1 || semi < colon)) {
      const headPart = colon === -1 ? raw : raw.slice(0, colon);
      qp = QP_HEAD_RE.test(headPart);
      inBinary = /ENCODING=(B|BASE64)\b|;BASE64\b/i.test(headPart);
    }
  }
  flush();
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** QUOTED-PRINTABLE to text: `=XX` bytes decoded in the given charset, literal ASCII kept. */
export function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += decodeCharset(Uint8Array.from(bytes), charset);
    bytes.length = 0;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 61 /* = */) {
      const hi = hexValue(value.charCodeAt(i + 1));
      const lo = hexValue(value.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes.push(hi * 16 + lo);
        i += 2;
        continue;
      }
      // A stray `=` (or a soft break that survived unfolding) is dropped only at the very end.
      if (i === value.length - 1) continue;
    }
    if (c < 0x80) bytes.push(c);
    else {
      flush();
      out += value[i];
    }
  }
  flush();
  return out;
}

/** Backslash escapes of 3.0/4.0 (and Google's `\:`); other backslashes stay as written. */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\\;,:nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Split a structured value (N, ORG, ADR) at unescaped `;`. */
function splitStructured(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === ';') {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** Decoded text of a property (components for structured ones), null for binary data. */
function decodeProperty(p: VCardProperty): string[] | null {
  const encoding = (param(p, 'ENCODING') ?? '').toUpperCase();
  if (encoding === 'B' || encoding === 'BASE64') return null;
  const qp = encoding === 'QUOTED-PRINTABLE';
  const charset = param(p, 'CHARSET');
  const parts = p.name === 'N' || p.name === 'ORG' ? splitStructured(p.value) : [p.value];
  return parts.map((part) => unescapeText(qp ? decodeQuotedPrintable(part, charset) : part));
}

type Site = 'xing' | 'linkedin';

const SOCIAL_BASE: Record<Site, string> = {
  xing: 'https://www.xing.com/profile/',
  linkedin: 'https://www.linkedin.com/in/',
};

function siteOf(label: string | undefined): Site | null {
  const l = (label ?? '').toLowerCase();
  if (l.includes('xing')) return 'xing';
  if (l.includes('linkedin')) return 'linkedin';
  return null;
}

/** A profile URL from a bare user name (`X-SOCIALPROFILE;type=xing;x-user=Max_Muster:x-apple:...`). */
function profileFromUser(site: Site, user: string): string | null {
  const slug = user.trim().replace(/^@/, '');
  return /^[\p{L}\p{N}._%-]+$/u.test(slug) ? SOCIAL_BASE[site] + encodeURI(slug) : null;
}

function readCard(
  lines: string[],
  beginIndex: number,
  endIndex: number,
  errors: ImportIssue[],
  heads: Heads,
): ContactDraft | null {
  let is21 = false;
  for (let k = beginIndex + 1; k < endIndex; k++) {
    const l = lines[k]!;
    if ((l.charCodeAt(0) | 32) !== 118 /* v */) continue;
    const m = /^VERSION:\s*(\S+)/i.exec(l);
    if (m) {
      is21 = m[1]!.startsWith('2');
      break;
    }
  }
  const props: VCardProperty[] = [];
  let labels: Map<string, string> | undefined;
  for (const l of unfold(lines, beginIndex + 1, endIndex, is21)) {
    // Photos, addresses, notes ...: only checked for shape, not taken apart (most of a file).
    const p = readProperty(l.text, l.line, heads);
    if (p === undefined) continue;
    if (p === null) {
      errors.push(issue('vcard-bad-line', { value: excerpt(l.text) }, l.line));
      continue;
    }
    props.push(p);
    if (p.group && p.name === 'X-ABLABEL')
      (labels ??= new Map()).set(p.group.toLowerCase(), p.value);
  }

  const c = new DraftCollector(beginIndex + 1, errors);
  for (const p of props) {
    const decoded = decodeProperty(p);
    if (!decoded) continue;
    const v = decoded[0] ?? '';
    switch (p.name) {
      case 'FN':
        c.fullName ||= cleanText(v);
        break;
      case 'N':
        if (!c.given && !c.family && !c.middle) {
          c.family = cleanText(decoded[0]);
          c.given = cleanText(decoded[1]);
          c.middle = cleanText(decoded[2]);
        }
        break;
      case 'NICKNAME':
        c.nickname ||= cleanText(v.split(',')[0]);
        break;
      case 'ORG':
        c.company ||= cleanText(v);
        break;
      case 'TITLE':
        c.position ||= cleanText(v);
        break;
      case 'EMAIL':
        c.addEmail(v, p.line);
        break;
      case 'TEL':
        c.addPhone(v, p.line);
        break;
      case 'BDAY':
        c.setBirthday(v, { omitYear: p.params.has('X-APPLE-OMIT-YEAR') }, p.line);
        break;
      case 'URL':
      case 'X-SOCIALPROFILE': {
        const web = normaliseUrl(v);
        if (web && 'ok' in web) {
          c.addKnownUrl(web.ok);
          break;
        }
        // Not a web address: a bare user name (or Apple's `x-apple:user`) on a known site.
        const label = p.group ? labels?.get(p.group.toLowerCase()) : undefined;
        const site = siteOf(p.params.get('TYPE')?.join(',')) ?? siteOf(label);
        const user = param(p, 'X-USER') ?? v.trim().replace(/^[a-z][a-z0-9+.-]*:/i, '');
        const url = site && user ? profileFromUser(site, user) : null;
        if (url) c.addKnownUrl(url);
        // Other sites' handles (twitter, x-apple:...) are no web address to keep.
        else if (p.name === 'URL' && web) c.addUrl(v, p.line);
        break;
      }
    }
  }
  return c.finish();
}

export interface VCardParseResult {
  contacts: ContactDraft[];
  errors: ImportIssue[];
  /** BEGIN:VCARD lines seen (a file with none is no vCard file). */
  cards: number;
}

/** Every card in a text; problems are reported per card and line, never thrown. */
export function parseVCards(text: string): VCardParseResult {
  const lines = text.split(/\r\n|\n|\r/);
  const heads: Heads = new Map();
  const contacts: ContactDraft[] = [];
  const errors: ImportIssue[] = [];
  let cards = 0;
  let strayReported = false;
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (isBegin(l)) {
      cards++;
      strayReported = false;
      let j = i + 1;
      while (j < lines.length && !isEnd(lines[j]!) && !isBegin(lines[j]!)) j++;
      if (j < lines.length && isEnd(lines[j]!)) {
        const draft = readCard(lines, i, j, errors, heads);
        if (draft) contacts.push(draft);
        i = j + 1;
      } else {
        errors.push(issue('vcard-unterminated', {}, i + 1));
        i = j;
      }
      continue;
    }
    if (l.trim() === '') strayReported = false;
    else if (!strayReported) {
      errors.push(issue('vcard-outside-card', { value: excerpt(l) }, i + 1));
      strayReported = true;
    }
    i++;
  }
  return { contacts, errors, cards };
}
