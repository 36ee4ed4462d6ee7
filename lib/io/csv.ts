// CSV per RFC 4180, as spreadsheet programs and contact exporters actually write it: comma,
// semicolon (German Excel/Outlook) or tab; quoted fields with delimiters, doubled quotes and line
// breaks; CRLF, LF or CR. Every record keeps the physical line it starts on, so that errors point
// at the line a text editor shows.

import { toText, type TextEncodingName } from './decode';
import { issue, type ImportIssue } from './issues';

export type CsvDelimiter = ',' | ';' | '\t';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  encoding: TextEncodingName;
  /** Header cells, trimmed. Empty when the file has no header. */
  headers: string[];
  headerLine: number;
  /** Data rows after the header; rows whose cells are all blank are left out. */
  rows: CsvRecord[];
  /** Rows that could not be read (unclosed quotes). */
  errors: ImportIssue[];
}

interface ParsedRecords {
  records: CsvRecord[];
  /** Lines where a record with an unclosed quote started. */
  broken: number[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Position just after the line break that ends the physical line containing `pos`, or -1. */
function nextLineStart(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return -1;
}

/**
 * Split text into records. A quoted field that is never closed, or that spans lines and is closed
 * by a quote not followed by a delimiter or line break, means the record is broken: it is reported
 * and reading starts again on the line after the record's first line, so that one stray quote does
 * not swallow the rest of the file.
 */
export function parseCsvRecords(
  text: string,
  delimiter: CsvDelimiter,
  maxRecords = Infinity,
): ParsedRecords {
  const records: CsvRecord[] = [];
  const broken: number[] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  // Re-reading after broken records is bounded, so hostile input stays linear-ish.
  let budget = n * 16 + 4096;
  let pos = 0;
  let line = 1;

  while (pos < n && records.length < maxRecords) {
    const recordStart = pos;
    const recordLine = line;
    const cells: string[] = [];
    let cell = '';
    let bad = false;
    let done = false;

    while (!done) {
      // Start of a field.
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        pos++;
        let spannedLines = false;
        let closed = false;
        while (pos < n) {
          const q = text.indexOf('"', pos);
          const end = q === -1 ? n : q;
          // Count line breaks inside the quoted part.
          for (let i = pos; i < end; i++) {
            const c = text.charCodeAt(i);
            if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
              line++;
              spannedLines = true;
            }
          }
          budget -= end - pos;
          cell += text.slice(pos, end);
          if (q === -1) {
            pos = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += '"';
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          bad = true;
          break;
        }
        const after = pos < n ? text.charCodeAt(pos) : -1;
        if (after !== -1 && after !== delim && after !== LF && after !== CR && spannedLines) {
          bad = true;
          break;
        }
        // `"abc"def` on one line: keep the rest of the field as written (what Excel does).
      }
      // Unquoted part of the field (or what follows a closing quote).
      let i = pos;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
      cell += text.slice(pos, i);
      budget -= i - pos;
      pos = i;
      cells.push(cell);
      cell = '';
      if (pos >= n) {
        done = true;
      } else {
        const c = text.charCodeAt(pos);
        if (c === delim) {
          pos++;
          // A delimiter at the very end of the text still ends an (empty) field.
          if (pos >= n) {
            cells.push('');
            done = true;
          }
        } else {
          pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
          line++;
          done = true;
        }
      }
    }

    if (bad) {
      broken.push(recordLine);
      const restart = nextLineStart(text, recordStart);
      if (restart === -1 || budget < 0) break;
      pos = restart;
      line = recordLine + 1;
      continue;
    }
    records.push({ line: recordLine, cells });
  }
  return { records, broken };
}

const isBlankRecord = (r: CsvRecord) => r.cells.every((c) => c.trim() === '');
const filledCells = (r: CsvRecord) => r.cells.reduce((k, c) => k + (c.trim() === '' ? 0 : 1), 0);

/** How many records at the top may precede the header (LinkedIn writes a few "Notes:" lines). */
export const HEADER_SEARCH_RECORDS = 30;

/** The header is the first record with at least two filled cells; a one-column file: the first. */
export function findHeaderIndex(
  records: CsvRecord[],
  isKnownHeader?: (cells: string[]) => boolean,
): number {
  const limit = Math.min(records.length, HEADER_SEARCH_RECORDS);
  if (isKnownHeader) {
    for (let i = 0; i < limit; i++) if (isKnownHeader(records[i]!.cells)) return i;
  }
  for (let i = 0; i < limit; i++) if (filledCells(records[i]!) >= 2) return i;
  for (let i = 0; i < limit; i++) if (!isBlankRecord(records[i]!)) return i;
  return -1;
}

const SAMPLE_CHARS = 64 * 1024;

/** The delimiter that gives the widest header in the first part of the file. */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let best: CsvDelimiter = ',';
  let bestWidth = 1;
  for (const d of CSV_DELIMITERS) {
    const { records } = parseCsvRecords(sample, d, HEADER_SEARCH_RECORDS);
    const h = findHeaderIndex(records);
    const width = h === -1 ? 0 : filledCells(records[h]!);
    if (width > bestWidth) {
      best = d;
      bestWidth = width;
    }
  }
  return best;
}

/** Excel understands a first line `sep=;`; honour it and skip that line. */
function excelSepHint(text: string): { delimiter: CsvDelimiter; skipTo: number } | null {
  const m = /^sep=(.)\r?\n?/i.exec(text.slice(0, 8));
  if (!m) return null;
  const d = m[1] as CsvDelimiter;
  return CSV_DELIMITERS.includes(d) ? { delimiter: d, skipTo: m[0].length } : null;
}

export interface ReadCsvOptions {
  delimiter?: CsvDelimiter;
  /** Recognises a known exporter's header, so it is found even after a long preamble. */
  isKnownHeader?: (cells: string[]) => boolean;
}

/** Decode and split a CSV file into header and rows (with line numbers) for column mapping. */
export function readCsvTable(
  input: string | Uint8Array | ArrayBuffer,
  options: ReadCsvOptions = {},
): CsvTable {
  const { text: raw, encoding } = toText(input);
  const hint = excelSepHint(raw);
  // Blank out the `sep=` line instead of cutting it, so line numbers stay physical.
  const text = hint ? ' '.repeat(hint.skipTo - 1) + raw.slice(hint.skipTo - 1) : raw;
  const delimiter = options.delimiter ?? hint?.delimiter ?? detectDelimiter(text);
  const { records, broken } = parseCsvRecords(text, delimiter);
  const h = findHeaderIndex(records, options.isKnownHeader);
  const headerLine = h === -1 ? 0 : records[h]!.line;
  const headers = h === -1 ? [] : records[h]!.cells.map((c) => c.trim());
  const rows = h === -1 ? [] : records.slice(h + 1).filter((r) => !isBlankRecord(r));
  const errors = broken.filter((l) => l > headerLine).map((l) => issue('unclosed-quote', {}, l));
  return { delimiter, encoding, headers, headerLine, rows, errors };
}
