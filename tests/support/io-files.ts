import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/io');

/** A fixture file's bytes, exactly as committed. */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, path)));
}

/** Number of physical lines of a text (CRLF, LF and CR each end one). */
export function physicalLines(text: string): number {
  return text.split(/\r\n|\n|\r/).length;
}

export const ALL_FIXTURES = [
  'linkedin/Connections.csv',
  'google/contacts.csv',
  'google/contacts-legacy.csv',
  'outlook/contacts-en.csv',
  'outlook/contacts-de.csv',
  'vcard/android-21.vcf',
  'vcard/outlook-21.vcf',
  'vcard/apple-30.vcf',
  'vcard/contacts-40.vcf',
  'vcard/google-30.vcf',
  'vcard/xing-profile.vcf',
  'broken/unclosed-quote.csv',
  'broken/garbled.vcf',
  'generic/kunden.csv',
  'backup/kundennah-backup-2026-11-20.json',
];
