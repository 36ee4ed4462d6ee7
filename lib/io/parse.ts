// `parseContactsFile`: which format a file is (by its content; the file name only breaks ties) and
// its contacts as drafts. Never throws: every problem is an error in the result.

import { backupContactsToDrafts, looksLikeBackup, readJson } from './backup-file';
import { readCsvTable, type CsvTable } from './csv';
import { toText } from './decode';
import { issue, sortIssues } from './issues';
import { detectCsvFlavour, isKnownCsvHeader, mapCsvRows } from './mapping';
import type { ImportResult } from './import-result';
import { parseVCards } from './vcard';

type Hint = 'vcard' | 'json' | 'csv' | null;

function hintOf(fileName: string | undefined): Hint {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return null;
}

const fail = (format: ImportResult['format'], error: ReturnType<typeof issue>): ImportResult => ({
  format,
  contacts: [],
  errors: [error],
});

const VCARD_LINE = /^BEGIN:VCARD\s*$/im;
/** The file starts with a card (blank lines allowed). */
const VCARD_START = /^\s*BEGIN:VCARD[ \t]*(?:\r\n|\n|\r|$)/i;

/**
 * Worth offering the column mapping: a header of at least two named columns (none absurdly long,
 * no binary), and rows of which at least half have two cells or more (prose with a comma has not).
 */
function plausibleTable(table: CsvTable): boolean {
  const named = table.headers.filter((h) => h !== '');
  if (named.length < 2) return false;
  // eslint-disable-next-line no-control-regex
  if (!named.every((h) => h.length <= 100 && !/[\u0000-\u0008]/.test(h))) return false;
  const wide = table.rows.filter((r) => r.cells.length >= 2).length;
  return table.rows.length > 0 && wide * 2 >= table.rows.length;
}

const SNIFF_CHARS = 64 * 1024;

function parseText(text: string, hint: Hint): ImportResult {
  if (text.trim() === '') return fail('unknown', issue('empty-file'));

  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    const json = readJson(text);
    if (json.ok) {
      if (!looksLikeBackup(json.value)) return fail('unknown', issue('not-a-backup'));
      const { contacts, errors } = backupContactsToDrafts(json.value);
      return { format: 'backup-json', contacts, errors };
    }
    // Broken JSON that names itself ours is a damaged backup; other broken JSON is just unknown.
    if (text.includes('"kundennah-backup"')) return fail('backup-json', json.error);
    if (start === '{') return fail('unknown', json.error);
  }

  const vcard = () => {
    const { contacts, errors } = parseVCards(text);
    return { format: 'vcard' as const, contacts, errors: sortIssues(errors) };
  };
  if (VCARD_START.test(text)) return vcard();

  // A known exporter's header decides before a stray BEGIN:VCARD in some note does.
  const sample = readCsvTable(text.slice(0, SNIFF_CHARS), { isKnownHeader: isKnownCsvHeader });
  const known = detectCsvFlavour(sample.headers);
  if (known) {
    const table = readCsvTable(text, {
      delimiter: sample.delimiter,
      isKnownHeader: isKnownCsvHeader,
    });
    return { format: known.format, ...mapCsvRows(table, known.mapping) };
  }
  if (VCARD_LINE.test(text)) return vcard();
  if (hint === 'vcard') return fail('vcard', issue('vcard-no-cards'));
  if (plausibleTable(sample))
    return fail('csv', issue('needs-mapping', { columns: sample.headers.length }));
  if (hint === 'json') {
    const json = readJson(text);
    if (!json.ok) return fail('unknown', json.error);
  }
  return fail('unknown', issue('unknown-format'));
}

/**
 * Read a contacts file: LinkedIn, Google or Outlook CSV, vCard 2.1/3.0/4.0, or a Kundennah backup.
 * Bytes are decoded here (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252). Bad rows are
 * errors with their line and do not stop the others; a file that is none of these gives exactly
 * one error and no contacts (format `csv` with `needs-mapping` for a CSV of unknown layout,
 * `unknown` otherwise).
 */
export function parseContactsFile(
  input: string | Uint8Array | ArrayBuffer,
  fileName?: string,
): ImportResult {
  try {
    if (
      typeof input !== 'string' &&
      !(input instanceof Uint8Array) &&
      !(input instanceof ArrayBuffer)
    )
      return fail('unknown', issue('unknown-format'));
    return parseText(toText(input).text, hintOf(fileName));
  } catch (e) {
    // Not expected (the fuzz tests look for it), but a bug must not break the import page.
    return fail('unknown', issue('internal-error', { detail: String(e) }));
  }
}
