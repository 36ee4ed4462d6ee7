import Dexie, { type Table, type Transaction } from 'dexie';
import type {
  Commitment,
  Contact,
  Feedback,
  FollowUp,
  Interaction,
  Purchase,
  Settings,
} from '../model';

export const DB_NAME = 'kundennah';

/** The one settings row: only what the user changed; defaults fill the rest (lib/db/settings.ts). */
export interface SettingsRow {
  id: 'settings';
  values: Partial<Settings>;
}

/** Small bookkeeping values (last backup, last change, ...). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * Every schema version the app ever shipped, oldest first. Never edit a shipped entry: add a new
 * one, and give it an `upgrade` that is a pure function with its own test (STYLE.md, Dexie).
 * Primary keys are strings from crypto.randomUUID(), never auto-increment (ARCHITECTURE.md).
 */
export const SCHEMA_VERSIONS: {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}[] = [
  {
    version: 1,
    stores: {
      contacts: 'id, *emails, *profileUrls, company, status, name, updatedAt',
      interactions: 'id, contactId, [contactId+at], at',
      commitments: 'id, contactId, dueAt, doneAt',
      feedback: 'id, contactId, at',
      purchases: 'id, contactId, at',
      followUps: 'id, contactId, dueAt',
      settings: 'id',
      meta: 'key',
    },
  },
];

export const HISTORY_TABLES = [
  'interactions',
  'commitments',
  'feedback',
  'purchases',
  'followUps',
] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

export class KundennahDB extends Dexie {
  contacts!: Table<Contact, string>;
  interactions!: Table<Interaction, string>;
  commitments!: Table<Commitment, string>;
  feedback!: Table<Feedback, string>;
  purchases!: Table<Purchase, string>;
  followUps!: Table<FollowUp, string>;
  settings!: Table<SettingsRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = DB_NAME, upTo: number = Infinity) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let shared: KundennahDB | undefined;

/** The app's database, opened on first use (never at module load: WXT imports entrypoints in Node). */
export function getDb(): KundennahDB {
  shared ??= new KundennahDB();
  return shared;
}
