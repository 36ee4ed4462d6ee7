// Reading contact files in Node: a 10,000-row LinkedIn CSV, a 10,000-card vCard file, and the CSV as
// bytes (decoding included). The budget is what an import can spend on parsing: well under a second
// of the three the whole import may take (parse, duplicates, write). The floor splits the same text
// into lines and fields the plainest way.
import { parseContactsFile, type ImportResult } from '../../lib/io';
import { generateLinkedInCsv, generateVCards } from '../fixtures/io/generate';
import { time, type Figure } from './figures';

const ROWS = 10_000;

/** Every entry read and nothing refused: a figure for a parse that failed would mean nothing. */
function complete(result: ImportResult, what: string): void {
  if (result.contacts.length !== ROWS || result.errors.length)
    throw new Error(
      `${what}: ${result.contacts.length} contacts, ${result.errors.length} errors (expected ${ROWS}, 0)`,
    );
}

const splitFields = (text: string, delimiter: string) =>
  text.split(/\r?\n/).map((line) => line.split(delimiter)).length;

export async function parseFigures(): Promise<Figure[]> {
  const csv = generateLinkedInCsv(ROWS);
  const vcf = generateVCards(ROWS);
  const bytes = new TextEncoder().encode(csv);
  complete(parseContactsFile(csv, 'Connections.csv'), 'LinkedIn CSV');
  complete(parseContactsFile(vcf, 'contacts.vcf'), 'vCard');
  complete(parseContactsFile(bytes), 'LinkedIn CSV as bytes');

  const csvFloor = await time(() => splitFields(csv, ','), 9, 2);
  const vcfFloor = await time(() => splitFields(vcf, ':'), 9, 2);
  const bytesFloor = await time(() => splitFields(new TextDecoder().decode(bytes), ','), 9, 2);
  const csvValue = await time(() => parseContactsFile(csv, 'Connections.csv'), 5, 1);
  const vcfValue = await time(() => parseContactsFile(vcf, 'contacts.vcf'), 5, 1);
  const bytesValue = await time(() => parseContactsFile(bytes), 5, 1);
  return [
    {
      figure: 'parse a 10,000-row LinkedIn CSV (Node)',
      value: csvValue,
      unit: 'ms',
      budget: 1000,
      floor: csvFloor,
    },
    {
      figure: 'parse a 10,000-card vCard file (Node)',
      value: vcfValue,
      unit: 'ms',
      budget: 1000,
      floor: vcfFloor,
    },
    {
      figure: 'parse the 10,000-row LinkedIn CSV from bytes, decoding included (Node)',
      value: bytesValue,
      unit: 'ms',
      budget: 1000,
      floor: bytesFloor,
    },
  ];
}
