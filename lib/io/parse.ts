// `parseContactsFile`: which format a file is (by its content; the file name only breaks ties) and
// its contacts as drafts. Never throws: every problem is an error in the result.

import { backupContactsToDrafts, looksLikeBackup, readJson } from './backup';
import { readCsvTable, type CsvTable } from './csv';
import { toText } from './decode';
import { issue, sortIssues } from './issues';
import { detectCsvFlavour, isKnownCsvHeader, mapCsvRows } from './mapping';
import type { ImportResult } from './types';
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

function parseText(text: string, hint: Hint): ImportResult {
  if (text.trim() === '') return fail('unknown', issue('empty-file'));

  const start = text.trimStart()[0];
  if (start === '{' || start === '[' || hint === 'json') {
    const json = readJson(text);
    if (json.ok) {
      if (!looksLikeBackup(json.value)) return fail('unknown', issue('not-a-backup'));
      const { contacts, errors } = backupContactsToDrafts(json.value);
      return { format: 'backup-json', contacts, errors };
    }
    // Broken JSON that names itself ours is a damaged backup; other broken JSON is just unknown.
    if (text.includes('"kundennah-backup"')) return fail('backup-json', json.error);
    if (hint === 'json' || start === '{') return fail('unknown', json.error);
  }

  if (VCARD_LINE.test(text.slice(0, 65536)) || VCARD_LINE.test(text)) {
    const { contacts, errors } = parseVCards(text);
    return { format: 'vcard', contacts, errors: sortIssues(errors) };
  }
  if (hint === 'vcard') return fail('vcard', issue('vcard-no-cards'));

  const table = readCsvTable(text, { isKnownHeader: isKnownCsvHeader });
  const known = detectCsvFlavour(table.headers);
  if (known) return { format: known.format, ...mapCsvRows(table, known.mapping) };
  if (plausibleTable(table))
    return fail('csv', issue('needs-mapping', { columns: table.headers.length }));
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
