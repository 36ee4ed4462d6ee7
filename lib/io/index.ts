// Import and export of contacts, pure (no browser, database or UI): the dashboard's import page
// reads a file's bytes, calls `parseContactsFile`, and for a CSV of unknown layout lets the user
// map columns (`readCsvTable`, `guessMapping`, `applyColumnMapping`, remembered by `headerKey`).

export { parseContactsFile } from './parse';
export type { ContactsFileFormat, ImportFormat, ImportResult } from './import-result';
export { ISSUE_EFFECT, type ImportIssue, type ImportIssueCode, type IssueParams } from './issues';

export {
  readCsvTable,
  parseCsvRecords,
  detectDelimiter,
  type CsvDelimiter,
  type CsvRecord,
  type CsvTable,
  type ReadCsvOptions,
} from './csv';
export {
  MAPPED_FIELDS,
  applyColumnMapping,
  detectCsvFlavour,
  guessMapping,
  headerKey,
  type ColumnMapping,
  type MappedField,
} from './mapping';
export { parseBirthday, normaliseEmail, normaliseUrl, type DateOrder } from './fields';
export { parseVCards, type VCardParseResult } from './vcard';
export {
  decodeBytes,
  decodeCharset,
  decodeWindows1252,
  type DecodedText,
  type TextEncodingName,
} from './decode';

export {
  exportVCard,
  exportCsv,
  csvCell,
  foldLine,
  escapeVCardText,
  type ExportContact,
  type CsvExportOptions,
} from './export';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BACKUP_TABLES,
  BACKUP_ROW_SCHEMAS,
  BackupSchema,
  BackupTablesSchema,
  SettingsRowSchema,
  buildBackup,
  parseBackup,
  rowIssues,
  serializeBackup,
  type Backup,
  type BackupTables,
  type BackupTablesInput,
  type BackupTableName,
  type BackupParseResult,
} from './backup-file';
