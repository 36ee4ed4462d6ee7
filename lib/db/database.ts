import Dexie, { type Table, type Transaction } from 'dexie';
import { changeTracker, type DataChange } from './changes';
import { outboxRecorder, type OutboxRow } from './outbox';
import type { OccasionBrought, SuggestionKind } from '../core';
import type {
  Channel,
  Commitment,
  Contact,
  Feedback,
  FollowUp,
  Interaction,
  Occasion,
  Purchase,
  Settings,
  Tier,
} from '../model';

export type { DataChange };

export const DB_NAME = 'kundennah';

/** The one settings row: only what the user changed; defaults fill the rest (lib/db/settings.ts). */
export interface SettingsRow {
  id: 'settings';
  values: Partial<Settings>;
  /** When the user last changed a setting here (absent in rows written before sync existed). */
  updatedAt?: string;
}

/** Per-contact figures derived from its history (one row per contact; the background writes them). */
export interface SummaryRow {
  contactId: string;
  name: string;
  /** Indexed: orders like the name collator (`nameSortKey`), for the table's first screen. */
  sortName: string;
  company?: string;
  position?: string;
  emails: string[];
  phones: string[];
  profileUrls: string[];
  status: Contact['status'];
  tier: Tier;
  tierReason: string;
  /** The latest personal interaction (instant as stored) and its day in the user's zone. */
  lastPersonalAt?: string;
  lastPersonalDay?: string;
  /** The next personal touch (PRODUCT.md), null without candidates. */
  next: StoredSuggestion | null;
  /** `next.due`, indexed: "the next due touches" when today is empty. */
  nextDue?: string;
  risks: { kind: string; text: string }[];
  /** The occasions brought to this contact and what followed (the insights' part of it). */
  brought?: OccasionBrought[];
  birthday?: Contact['birthday'];
  /** Folded text of name, company, e-mails, interests and notes: what search matches against. */
  search: string;
  /** Folded words of name, company and e-mails, indexed: find-as-you-type without a full scan. */
  words: string[];
  /** Who recommended this contact (their id, as stored), for following referrals on changes. */
  referredBy?: string;
  /** The day these figures were computed for. */
  day: string;
}

/** A suggestion as stored: the core's fields, plain. */
export interface StoredSuggestion {
  kind: SuggestionKind;
  channel: Channel;
  due: string;
  reasons: string[];
  talkingPoints: string[];
  occasionId?: string;
}

/** One pressing item of today's agenda, with what the popup shows of its contact. */
export interface AgendaRow extends StoredSuggestion {
  /** `${contactId}:${kind}`: a contact has each kind at most once. */
  id: string;
  contactId: string;
  tier: Tier;
  name: string;
  company?: string;
  email?: string;
  phone?: string;
  profileUrls: string[];
  /** The record the item is about (the promise, the follow-up), when there is one. */
  recordId?: string;
  /** The occasion this touch brings ("Vormerken"), when it carries one. */
  occasionId?: string;
  /** Priority, due day and tier as one sortable number (lib/core `agendaRank`): IndexedDB returns
   * the first items of the agenda order without reading the rest (names break ties in memory). */
  rank: number;
  day: string;
}

/**
 * The user said "done" or "later" to an agenda item the data alone cannot clear (a birthday wished,
 * a promise put off): the item stays hidden for that due day, or until `until`.
 */
export interface DismissalRow {
  /** `${contactId}:${kind}` — one per kind and contact. */
  id: string;
  contactId: string;
  kind: SuggestionKind;
  /** The item's due day when it was dismissed (done: hidden while the due day stays the same). */
  due: string;
  /** Snoozed: hidden until this day (YYYY-MM-DD), then shown again. */
  until?: string;
  at: string;
}

/** Two contacts the user said are different people (ids sorted, joined by "|"). */
export interface NotDuplicateRow {
  id: string;
  at: string;
}

/** What one confirmed import added and changed, so that "undo import" can take it back. */
export interface ImportBatchRow {
  id: string;
  at: string;
  fileName?: string;
  format: string;
  addedContactIds: string[];
  /** Contacts as they were before the import merged into them. */
  before: Contact[];
}

/**
 * A panel request that was written: its id (the panel's, the same on every retry), when, and the
 * reply it got. Kept for two days (lib/db/requests.ts).
 */
export interface RequestRow {
  id: string;
  at: string;
  reply: unknown;
}

/**
 * The data a restore replaced, for "undo restore" (lib/db/backup-restore.ts): the `info` row says
 * when and from which file, one `table:<name>` row per table holds its rows as they were.
 */
export type SafetyCopyRow =
  | {
      id: 'info';
      at: string;
      fileName?: string;
      mode: 'replace' | 'merge';
      /** What made the copy: a restore, or the undo of one (whose copy is the restored data). */
      reason: 'restore' | 'undo';
      counts: Record<string, number>;
    }
  | { id: `table:${string}`; table: string; rows: unknown[] };

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
  {
    // Derived data kept by the background so that the popup, the dashboard and the badge stay fast
    // with 10,000 contacts; pairs the user said are no duplicates; import batches for "undo import".
    // New tables only: every version-1 row stays as it is (tested in tests/unit/db/upgrade.test.ts).
    version: 2,
    stores: {
      summaries: 'contactId, tier, status, nextDue, *words',
      agenda: 'id, contactId, rank, kind',
      notDuplicates: 'id',
      importBatches: 'id, at',
      dismissals: 'id, contactId',
    },
  },
  {
    // Something to bring to every touch: the user's occasions; contacts found by who recommended
    // them; the touches that brought an occasion found by it (insights, "not twice"). New indexes
    // and a new table only: every version-2 row stays as it is (tests/unit/db/upgrade.test.ts).
    version: 3,
    stores: {
      contacts: 'id, *emails, *profileUrls, company, status, name, updatedAt, referredBy',
      interactions: 'id, contactId, [contactId+at], at, brought.occasionId',
      occasions: 'id, updatedAt',
    },
  },
  {
    // Nothing lost on restore, retry or concurrent edit (issue 15): the panel's requests already
    // written (a retry of one whose reply was lost gets the stored reply, not a second record), and
    // the copy of the data a restore replaced (for "undo restore"). New tables only: every
    // version-3 row stays as it is (tests/unit/db/upgrade.test.ts).
    version: 4,
    stores: {
      requests: 'id, at',
      safetyCopy: 'id',
    },
  },
  {
    // The contacts table paints its first screen before every summary is read (issue 16): the
    // summaries are found in name order by a key that sorts like the name collator (`sortName`).
    // A new index on a derived table only: every version-4 row stays as it is, and the background
    // fills the key when it recomputes the summaries (tests/unit/db/upgrade.test.ts).
    version: 5,
    stores: {
      summaries: 'contactId, tier, status, nextDue, *words, sortName',
    },
  },
  {
    // Contacts are no longer indexed by company, status and last change: nothing looks them up
    // that way (the lists read the summaries), and every index is one more write per contact in
    // each import and edit (issue 16). Dropping indexes only: every version-5 row stays as it is
    // (tests/unit/db/upgrade.test.ts).
    version: 6,
    stores: {
      contacts: 'id, *emails, *profileUrls, name, referredBy',
    },
  },
  {
    // Sync (issue 17): while it is on, every write to a synced table leaves its row's name in the
    // outbox, in the same transaction (lib/db/outbox.ts). A new table only: every version-6 row
    // stays as it is (tests/unit/db/upgrade.test.ts).
    version: 7,
    stores: {
      outbox: 'key, at',
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
  summaries!: Table<SummaryRow, string>;
  agenda!: Table<AgendaRow, string>;
  notDuplicates!: Table<NotDuplicateRow, string>;
  importBatches!: Table<ImportBatchRow, string>;
  dismissals!: Table<DismissalRow, string>;
  occasions!: Table<Occasion, string>;
  requests!: Table<RequestRow, string>;
  safetyCopy!: Table<SafetyCopyRow, string>;
  outbox!: Table<OutboxRow, string>;

  private readonly changeListeners = new Set<(change: DataChange) => void>();

  constructor(name: string = DB_NAME, upTo: number = Infinity) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.trackChanges();
    this.use(outboxRecorder());
  }

  /** Be told after every committed write which contacts it touched (derived data follows it). */
  onChange(listener: (change: DataChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private trackChanges(): void {
    this.use(
      changeTracker((change) => {
        for (const l of this.changeListeners) l(change);
      }),
    );
  }
}

let shared: KundennahDB | undefined;

/** The app's database, opened on first use (never at module load: WXT imports entrypoints in Node). */
export function getDb(): KundennahDB {
  shared ??= new KundennahDB();
  return shared;
}
