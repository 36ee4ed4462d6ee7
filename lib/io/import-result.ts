import type { ContactDraft } from '../model';
import type { ImportIssue } from './issues';

/** The formats `parseContactsFile` recognises (ARCHITECTURE.md). */
export type ContactsFileFormat =
  'linkedin-csv' | 'google-csv' | 'outlook-csv' | 'vcard' | 'backup-json';

/**
 * The contract's formats widened by two: `csv` for a CSV whose columns need a mapping (its one
 * error is `needs-mapping`; `applyColumnMapping` also answers with `csv`), `unknown` for anything
 * else (its one error says why: `empty-file`, `unknown-format`, `not-a-backup`, ...).
 */
export type ImportFormat = ContactsFileFormat | 'csv' | 'unknown';

export interface ImportResult {
  format: ImportFormat;
  contacts: ContactDraft[];
  errors: ImportIssue[];
}
