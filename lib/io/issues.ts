// Problems found while reading a file. Each has a stable `code` and `params` so that the UI can show
// it in the user's language (lib/i18n, `{name}` placeholders), and an English `message` for logs and
// for callers that only know the `{ line?, message }` contract (ARCHITECTURE.md).

import { translate } from '../i18n/translate';

export type ImportIssueCode =
  // The file as a whole (no contacts are returned).
  | 'empty-file'
  | 'unknown-format'
  | 'needs-mapping'
  | 'mapping-incomplete'
  | 'vcard-no-cards'
  | 'invalid-json'
  | 'not-a-backup'
  | 'backup-unsupported-version'
  | 'backup-invalid'
  | 'backup-missing-table'
  | 'internal-error'
  // One row or card: it is skipped, the others are read.
  | 'unclosed-quote'
  | 'missing-name'
  | 'vcard-unterminated'
  | 'backup-invalid-row'
  | 'backup-duplicate-id'
  | 'backup-too-long'
  | 'backup-too-many'
  // One value: dropped, the rest of its row or card is read.
  | 'invalid-birthday'
  | 'invalid-email'
  | 'invalid-url'
  | 'invalid-phone'
  | 'vcard-bad-line'
  | 'vcard-outside-card';

export type IssueParams = Record<string, string | number>;

export interface ImportIssue {
  /** 1-based physical line of the file (a quoted CSV field spanning lines counts every line). */
  line?: number;
  code: ImportIssueCode;
  params: IssueParams;
  message: string;
}

/** What happened to the data an issue is about, so the UI can say "skipped" or "imported without". */
export const ISSUE_EFFECT: Record<ImportIssueCode, 'file' | 'row' | 'value'> = {
  'empty-file': 'file',
  'unknown-format': 'file',
  'needs-mapping': 'file',
  'mapping-incomplete': 'file',
  'vcard-no-cards': 'file',
  'invalid-json': 'file',
  'not-a-backup': 'file',
  'backup-unsupported-version': 'file',
  'backup-invalid': 'file',
  'backup-missing-table': 'file',
  'internal-error': 'file',
  'unclosed-quote': 'row',
  'missing-name': 'row',
  'vcard-unterminated': 'row',
  'backup-invalid-row': 'row',
  'backup-duplicate-id': 'row',
  'backup-too-long': 'row',
  'backup-too-many': 'row',
  'invalid-birthday': 'value',
  'invalid-email': 'value',
  'invalid-url': 'value',
  'invalid-phone': 'value',
  'vcard-bad-line': 'value',
  'vcard-outside-card': 'value',
};

/** An issue with its English message (the UI shows `io.err.<code>` in the user's language). */
export function issue(code: ImportIssueCode, params: IssueParams = {}, line?: number): ImportIssue {
  const message = translate('en', `io.err.${code}`, params);
  return line === undefined ? { code, params, message } : { line, code, params, message };
}

/** Long values in messages are shortened so that one bad cell cannot flood the UI. */
export function excerpt(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** File-level issues first, then by line; stable otherwise. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((it, i) => ({ it, i }))
    .sort((a, b) => (a.it.line ?? 0) - (b.it.line ?? 0) || a.i - b.i)
    .map((x) => x.it);
}
