// Kundennah's own JSON backup: every table of the database, validated on the way in with the
// model's schemas, lossless on the way out (ARCHITECTURE.md "Data model": the backup format is the
// model). Tables added later are kept as they are; fields added later to a row are kept too.

import { z } from 'zod';
import {
  CommitmentSchema,
  ContactSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  IsoDateSchema,
  PurchaseSchema,
  SettingsRowSchema,
  compact,
  describeIssues,
  type ContactDraft,
} from '../model';
import { toText } from './decode';
import { excerpt, issue, type ImportIssue } from './issues';

export const BACKUP_FORMAT = 'kundennah-backup';
export const BACKUP_VERSION = 1;

export { SettingsRowSchema };

/** Row schemas per table. `loose`: a field a newer version added survives a round trip. */
export const BACKUP_ROW_SCHEMAS = {
  contacts: ContactSchema.loose(),
  interactions: InteractionSchema.loose(),
  commitments: CommitmentSchema.loose(),
  feedback: FeedbackSchema.loose(),
  purchases: PurchaseSchema.loose(),
  followUps: FollowUpSchema.loose(),
  settings: SettingsRowSchema,
};
export type BackupTableName = keyof typeof BACKUP_ROW_SCHEMAS;
export const BACKUP_TABLES = Object.keys(BACKUP_ROW_SCHEMAS) as BackupTableName[];

export const BackupTablesSchema = z
  .object({
    contacts: z.array(BACKUP_ROW_SCHEMAS.contacts),
    interactions: z.array(BACKUP_ROW_SCHEMAS.interactions),
    commitments: z.array(BACKUP_ROW_SCHEMAS.commitments),
    feedback: z.array(BACKUP_ROW_SCHEMAS.feedback),
    purchases: z.array(BACKUP_ROW_SCHEMAS.purchases),
    followUps: z.array(BACKUP_ROW_SCHEMAS.followUps),
    settings: z.array(BACKUP_ROW_SCHEMAS.settings),
  })
  // Tables of later versions (or the app's own bookkeeping such as `meta`): kept, not checked.
  .catchall(z.array(z.unknown()));

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: IsoDateSchema,
  tables: BackupTablesSchema,
});
export type Backup = z.infer<typeof BackupSchema>;
export type BackupTables = z.infer<typeof BackupTablesSchema>;
/** What `buildBackup` takes: the rows as the database holds them. */
export type BackupTablesInput = z.input<typeof BackupTablesSchema>;

/** The backup of every table, required tables first, at the instant `now`. */
export function buildBackup(tables: BackupTablesInput, now: Date): Backup {
  const ordered: Record<string, unknown[]> = {};
  for (const name of BACKUP_TABLES) ordered[name] = [...(tables[name] ?? [])];
  for (const [name, rows] of Object.entries(tables))
    if (!(name in ordered)) ordered[name] = [...(rows ?? [])];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables: ordered as BackupTables,
  };
}

/** The backup file's text (pretty enough to read in an editor). */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

export type BackupParseResult = { ok: true; backup: Backup } | { ok: false; errors: ImportIssue[] };

/** 1-based line of a JSON.parse error, when the engine's message says where. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/i.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/i.exec(message);
  if (!pos) return undefined;
  const end = Math.min(Number(pos[1]), text.length);
  let n = 1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

type JsonRead = { ok: true; value: unknown } | { ok: false; error: ImportIssue };

export function readJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: issue('invalid-json', { detail: excerpt(message, 120) }, jsonErrorLine(text, message)),
    };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does this parsed JSON say it is a Kundennah backup? */
export const looksLikeBackup = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) && v.format === BACKUP_FORMAT;

/** Header checks shared by `parseBackup` and the contacts import: format, version, tables. */
function checkEnvelope(
  v: unknown,
): { ok: true; tables: Record<string, unknown> } | { ok: false; error: ImportIssue } {
  if (!looksLikeBackup(v)) return { ok: false, error: issue('not-a-backup') };
  if (v.version !== BACKUP_VERSION) {
    const newer = typeof v.version === 'number' && v.version > BACKUP_VERSION;
    return {
      ok: false,
      error: newer
        ? issue('backup-unsupported-version', {
            version: v.version as number,
            supported: BACKUP_VERSION,
          })
        : issue('backup-invalid', { detail: 'version: missing or not a number' }),
    };
  }
  if (!isRecord(v.tables))
    return { ok: false, error: issue('backup-invalid', { detail: 'tables: missing' }) };
  return { ok: true, tables: v.tables };
}

/** One message per problem of a backup row (table, row, field and what is wrong). */
export function rowIssues(table: string, index: number, error: z.ZodError): ImportIssue[] {
  return error.issues.map((i) => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    return issue('backup-invalid-row', {
      table,
      index,
      field: path.length ? path.join('.') : '(row)',
      reason: i.message,
      detail: describeIssues([{ path: [], message: i.message }]),
    });
  });
}

/** Longest text a backup value may have: enough for years of notes, not for a flood. */
export const BACKUP_MAX_TEXT = 100_000;
/** Longest name, id, e-mail, phone, address or key (one line of text). */
export const BACKUP_MAX_SHORT_TEXT = 1_000;
/** Most items a list inside one row may have (e-mails, interests, concerns, ...). */
export const BACKUP_MAX_ITEMS = 10_000;

/** Fields that hold one short line: names, keys, addresses. */
const SHORT_FIELDS = new Set([
  'id',
  'key',
  'contactId',
  'name',
  'company',
  'position',
  'emails',
  'phones',
  'profileUrls',
  'title',
]);

/**
 * Values of one row that are larger than a backup may hold: every text (a short line for names,
 * ids and addresses, BACKUP_MAX_TEXT otherwise) and every list, nested ones too. One issue per
 * value, naming table, entry and field.
 */
export function oversizedIssues(table: string, index: number, row: unknown): ImportIssue[] {
  const out: ImportIssue[] = [];
  const walk = (value: unknown, path: (string | number)[], short: boolean) => {
    const field = path.length ? path.join('.') : '(row)';
    if (typeof value === 'string') {
      const max = short ? BACKUP_MAX_SHORT_TEXT : BACKUP_MAX_TEXT;
      if (value.length > max)
        out.push(issue('backup-too-long', { table, index, field, length: value.length, max }));
    } else if (Array.isArray(value)) {
      if (value.length > BACKUP_MAX_ITEMS) {
        out.push(
          issue('backup-too-many', {
            table,
            index,
            field,
            count: value.length,
            max: BACKUP_MAX_ITEMS,
          }),
        );
        return;
      }
      value.forEach((v, i) => walk(v, [...path, i], short));
    } else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value))
        walk(v, [...path, k], path.length === 0 && SHORT_FIELDS.has(k));
    }
  };
  walk(row, [], false);
  return out;
}

/**
 * Read a backup file. All or nothing: a restore from a partly valid backup would lose data, so any
 * problem gives errors (each naming table, row index and field) and no tables.
 */
export function parseBackup(input: string | Uint8Array): BackupParseResult {
  try {
    const json = readJson(toText(input).text);
    if (!json.ok) return { ok: false, errors: [json.error] };
    const envelope = checkEnvelope(json.value);
    if (!envelope.ok) return { ok: false, errors: [envelope.error] };
    const root = json.value as Record<string, unknown>;
    const errors: ImportIssue[] = [];
    const exportedAt = IsoDateSchema.safeParse(root.exportedAt);
    if (!exportedAt.success)
      errors.push(issue('backup-invalid', { detail: 'exportedAt: not a valid date' }));

    const tables: Record<string, unknown[]> = {};
    for (const name of BACKUP_TABLES) {
      const rows = envelope.tables[name];
      if (!Array.isArray(rows)) {
        errors.push(issue('backup-missing-table', { table: name }));
        continue;
      }
      const schema = BACKUP_ROW_SCHEMAS[name] as z.ZodType<Record<string, unknown>>;
      const seen = new Set<string>();
      tables[name] = rows.map((row, index) => {
        const oversized = oversizedIssues(name, index, row);
        if (oversized.length) {
          errors.push(...oversized);
          return row;
        }
        const r = schema.safeParse(row);
        if (!r.success) {
          errors.push(...rowIssues(name, index, r.error));
          return row;
        }
        const id = r.data.id as string;
        if (seen.has(id)) errors.push(issue('backup-duplicate-id', { table: name, index, id }));
        seen.add(id);
        return compact(r.data);
      });
    }
    for (const [name, rows] of Object.entries(envelope.tables)) {
      if (name in tables) continue;
      if (Array.isArray(rows)) {
        rows.forEach((row, index) => errors.push(...oversizedIssues(name, index, row)));
        tables[name] = rows;
      } else errors.push(issue('backup-invalid', { detail: `tables.${name}: not a list of rows` }));
    }
    if (errors.length) return { ok: false, errors };
    return {
      ok: true,
      backup: {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: exportedAt.data as string,
        tables: tables as BackupTables,
      },
    };
  } catch (e) {
    return { ok: false, errors: [issue('internal-error', { detail: String(e) })] };
  }
}

/**
 * The contacts of a backup as drafts (the import path: other tables are not needed for that). A
 * contact row that does not validate is reported and skipped; the others are read.
 */
export function backupContactsToDrafts(value: unknown): {
  contacts: ContactDraft[];
  errors: ImportIssue[];
} {
  const envelope = checkEnvelope(value);
  if (!envelope.ok) return { contacts: [], errors: [envelope.error] };
  const rows = envelope.tables.contacts;
  if (!Array.isArray(rows))
    return { contacts: [], errors: [issue('backup-missing-table', { table: 'contacts' })] };
  const contacts: ContactDraft[] = [];
  const errors: ImportIssue[] = [];
  rows.forEach((row, index) => {
    const oversized = oversizedIssues('contacts', index, row);
    if (oversized.length) {
      errors.push(...oversized);
      return;
    }
    const r = ContactSchema.safeParse(row);
    if (!r.success) {
      errors.push(...rowIssues('contacts', index, r.error));
      return;
    }
    const c = r.data;
    const draft: ContactDraft = { name: c.name, emails: c.emails };
    if (c.company) draft.company = c.company;
    if (c.position) draft.position = c.position;
    if (c.birthday) draft.birthday = c.birthday;
    if (c.profileUrls.length) draft.profileUrls = c.profileUrls;
    if (c.phones.length) draft.phones = c.phones;
    contacts.push(draft);
  });
  return { contacts, errors };
}
