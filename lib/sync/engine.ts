// One space's sync between the app's store (Dexie) and the server, through a local replication copy
// (PouchDB) — issue 17, docs/sync.md. Three steps, each safe to repeat:
// 1. push: rows written on this device become documents of the local copy (contacts stamped per
//    field, deletions as tombstones);
// 2. replicate: one-shot `sync()` of the local copy with the server (the CouchDB protocol);
// 3. apply: what changed in the local copy since the last apply — conflicts resolved first (in the
//    copy, all losing revisions removed in the same write) — goes into the app's store in one
//    transaction, each row checked by its table's schema.
// Pure of the browser: the copies are passed in, so that tests run it in Node against a local
// server, and the background runs it with the IndexedDB adapter.
import type { KundennahDB } from '../db/database';
import { getMeta, setMeta } from '../db/meta';
import { SYNC_META_PREFIX, markFromSync } from '../db/outbox';
import type { SyncFailure } from './state';
import type { Contact } from '../model';
import {
  deletionDoc,
  docId,
  docToRow,
  landing,
  parseDocId,
  travelling,
  type IncomingRow,
  rowToDoc,
  type SyncDoc,
  type SyncedTable,
} from './docs';
import {
  deletionWins,
  mergeContactVersions,
  mergeFields,
  sameValue,
  stampContact,
  stampFields,
  type ContactVersion,
  type FieldVersion,
} from './merge';

/** The part of a PouchDB database the engine uses (PouchDB's own types are out of date). */
export interface ReplicaDb {
  get(id: string, options?: { open_revs?: 'all'; rev?: string }): Promise<unknown>;
  bulkDocs(docs: object[]): Promise<unknown[]>;
  changes(options: {
    since: number | string;
    limit: number;
    include_docs: true;
    conflicts: true;
    style: 'all_docs';
  }): Promise<{ results: ChangeRow[]; last_seq: number | string }>;
  allDocs(options: { keys: string[]; include_docs: true }): Promise<{ rows: AllDocsRow[] }>;
  sync(remote: unknown, options?: { batch_size?: number }): PromiseLike<unknown>;
  compact(): Promise<unknown>;
  info(): Promise<{ update_seq: number | string }>;
  put(doc: object): Promise<unknown>;
}

/** One row of `allDocs` by keys: a live document, a deleted one (its latest revision), or none. */
interface AllDocsRow {
  key: string;
  error?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: StoredDoc | null;
}

/**
 * Copies that may hold bodies of earlier revisions since their last compaction: a document written
 * over an older revision here, or arriving in a second or later revision, or a conflict decided.
 * A first sync brings only first revisions: compacting then would scan 280,000 documents to remove
 * nothing.
 * (In memory: after a stopped worker, the next such write brings the flag back, and PouchDB's
 * compaction goes on from where it last stopped.)
 */
const revised = new WeakSet<object>();

/** Rows are pushed and changes applied this many at a time (a first sync moves 280,000). */
export const BATCH = 500;

/**
 * Documents per replication request. PouchDB's default of 100 makes a first sync of the benchmark
 * data 2,700 round trips; 500 took a third less time here (27,000 documents: 27 s → 18 s).
 */
export const REPLICATION_BATCH = 500;

interface ChangeRow {
  id: string;
  deleted?: boolean;
  doc?: StoredDoc;
  changes: { rev: string }[];
}

type StoredDoc = SyncDoc & { _rev: string; _conflicts?: string[]; at?: string };

export interface SyncSpace {
  /** The space's database name on the server (also checked in every incoming document). */
  name: string;
  local: ReplicaDb;
  remote: unknown;
}

export interface EngineDeps {
  db: KundennahDB;
  space: SyncSpace;
  /** The sync account's name: stamped on what this device writes. */
  by: string;
  now: () => Date;
  /** Rows per batch, and documents per replication request (default BATCH, REPLICATION_BATCH). */
  batch?: number;
  /**
   * The space each row belongs to (a contact's own, its history's contact's; undefined: none,
   * the row is gone). Without it every row belongs to this one space.
   */
  spaceOf?: SpaceOf;
  /** Told after each batch received from the server and each batch applied here. */
  onProgress?(progress: SyncProgress): void;
}

/** How far a sync has come: documents received from the server, rows written here. */
export interface SyncProgress {
  received: number;
  applied: number;
}

/** The spaces of rows of one table, in their order. */
export type SpaceOf = (
  table: SyncedTable,
  rows: readonly unknown[],
) => Promise<(string | undefined)[]>;

/** Which of these rows belong to the space synced now. */
async function belongHere(deps: EngineDeps, table: SyncedTable, rows: readonly unknown[]) {
  if (!deps.spaceOf) return rows.map(() => true);
  return (await deps.spaceOf(table, rows)).map((space) => space === deps.space.name);
}

/** A row written on this device since the last push. */
export interface PendingRow {
  table: SyncedTable;
  id: string;
  /** When it was written (the outbox records it); else the time of the push. */
  at?: string;
}

export interface SyncReport {
  pushed: number;
  /** Documents the server sent. */
  received: number;
  applied: number;
  /** Incoming documents refused (wrong space, malformed row): nothing of them was stored. */
  refused: { id: string; reason: string }[];
  /** Contacts merged from concurrent edits, with whose edits were taken in. */
  merged: { id: string; from: string[] }[];
  /** Changes of this device the server refused (its validation): they did not reach anyone. */
  serverRefused: number;
}

/** One replication round; what the server refused of this device's changes is counted. */
async function replicate(deps: EngineDeps, report: SyncReport): Promise<void> {
  const { space } = deps;
  const running = space.local.sync(space.remote, {
    batch_size: deps.batch ?? REPLICATION_BATCH,
  });
  // After each batch PouchDB's replication tells how many documents it has written so far (a
  // running total of this replication): the first sync's progress for the user.
  const before = report.received;
  (running as Partial<ReplicationEvents>).on?.('change', (info) => {
    if (info.direction !== 'pull') return;
    report.received = before + (info.change?.docs_written ?? 0);
    deps.onProgress?.({ received: report.received, applied: report.applied });
  });
  const result = (await running) as { push?: { doc_write_failures?: number } };
  report.serverRefused += result?.push?.doc_write_failures ?? 0;
}

/** The events of a running PouchDB sync that the engine listens to. */
interface ReplicationEvents {
  on(
    event: 'change',
    listener: (info: { direction?: string; change?: { docs_written?: number } }) => void,
  ): unknown;
}

const seqKey = (space: string) => `${SYNC_META_PREFIX}${space}:seq`;

const isMissing = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { status?: number }).status === 404;

/** A document of the copy, or undefined when it has none of that name. */
async function current<T = StoredDoc>(local: ReplicaDb, id: string): Promise<T | undefined> {
  try {
    return (await local.get(id)) as T;
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/** Step 1: rows written here become documents of the local copy. Returns how many changed. */
export async function pushRows(deps: EngineDeps, rows: readonly PendingRow[]): Promise<number> {
  const pushedAt = deps.now().toISOString();
  // One entry per row; the latest write of a row decides its time.
  const latest = new Map<string, PendingRow>();
  for (const row of rows) latest.set(docId(row.table, row.id), row);
  const all = [...latest.values()];
  let pushed = 0;
  const size = deps.batch ?? BATCH;
  for (let i = 0; i < all.length; i += size)
    pushed += await pushBatch(deps, all.slice(i, i + size), pushedAt);
  return pushed;
}

async function pushBatch(deps: EngineDeps, batch: PendingRow[], pushedAt: string) {
  const { db, space, by } = deps;
  // A row that belongs to another space (a contact moved there) or none is no live document here.
  const stored = new Map<string, unknown>();
  for (const table of new Set(batch.map((r) => r.table))) {
    const ids = batch.filter((r) => r.table === table).map((r) => r.id);
    const found = (await db.table(table).bulkGet(ids)) as unknown[];
    const here = await belongHere(deps, table, found);
    ids.forEach((id, i) => stored.set(docId(table, id), here[i] ? found[i] : undefined));
  }
  const copies = await space.local.allDocs({
    keys: batch.map((r) => docId(r.table, r.id)),
    include_docs: true,
  });
  const docs: object[] = [];
  batch.forEach(({ table, id, at = pushedAt }, i) => {
    const _id = docId(table, id);
    const copy = copies.rows[i];
    const rev = copy?.value?.rev;
    const existing = copy?.value && !copy.value.deleted ? (copy.doc ?? undefined) : undefined;
    const here = stored.get(_id) as { id: string } | undefined;
    if (here) {
      const row = travelling(table, here);
      if (existing && sameValue(existing.row, row)) return;
      const extra: Pick<SyncDoc, 'fieldAt' | 'by'> = { by };
      const fieldAt = stampsOf(table, existing?.table === table ? existing : undefined, row, at);
      if (fieldAt) extra.fieldAt = fieldAt;
      // Over the latest revision, deleted or not (a row deleted and written again).
      docs.push({ ...rowToDoc(table, row, space.name, extra), at, ...(rev ? { _rev: rev } : {}) });
    } else if (existing) {
      docs.push({ ...deletionDoc(table, id, space.name, at, by), _rev: existing._rev });
    }
  });
  // A document the copy did not take keeps its outbox entry: the sync stops and the next one
  // tries again.
  if (docs.length) await writeAll(space.local, docs);
  if (docs.some((d) => '_rev' in d)) revised.add(space.local);
  return docs.length;
}

/** A version of the settings row as the field merge sees it: the user's settings. */
const settingsVersion = (d: Pick<StoredDoc, 'row' | 'fieldAt' | 'by'>): FieldVersion => ({
  fields: (d.row as { values?: Record<string, unknown> } | undefined)?.values ?? {},
  fieldAt: d.fieldAt ?? {},
  since: '',
  ...(d.by === undefined ? {} : { by: d.by }),
});

const contactVersion = (d: Pick<StoredDoc, 'row' | 'fieldAt' | 'by'>): ContactVersion => ({
  contact: d.row as Contact,
  fieldAt: d.fieldAt ?? {},
  ...(d.by === undefined ? {} : { by: d.by }),
});

/**
 * When each field of a record that merges field by field (a contact, the settings) last changed,
 * against the version last sent or received; undefined for the other tables.
 */
function stampsOf(
  table: SyncedTable,
  previous: StoredDoc | undefined,
  row: { id: string },
  at: string,
): Record<string, string> | undefined {
  if (table === 'contacts')
    return stampContact(previous && contactVersion(previous), row as Contact).fieldAt;
  if (table === 'settings')
    return stampFields(
      previous && settingsVersion(previous),
      settingsVersion({ row }).fields,
      at,
      at,
    );
  return undefined;
}

/**
 * Concurrent versions of a record that merges field by field, merged (the engine's winner first);
 * undefined for a history record, whose winner stays as it is.
 */
function mergeDocs(
  versions: StoredDoc[],
): { row: unknown; fieldAt: Record<string, string>; from: string[] } | undefined {
  const [winner] = versions;
  if (winner?.table === 'contacts') {
    const m = mergeContactVersions(versions.map(contactVersion));
    return { row: m.merged.contact, fieldAt: m.merged.fieldAt, from: m.mergedFrom };
  }
  if (winner?.table === 'settings') {
    const m = mergeFields(versions.map(settingsVersion));
    return {
      row: { ...(winner.row as object), values: m.fields },
      fieldAt: m.fieldAt,
      from: m.mergedFrom,
    };
  }
  return undefined;
}

/** Write documents into the copy, or fail: bulkDocs reports failures per document, not by throwing. */
async function writeAll(local: ReplicaDb, docs: object[]): Promise<void> {
  const results = (await local.bulkDocs(docs)) as { error?: unknown; id?: string }[];
  const failed = results.filter((r) => r.error);
  if (failed.length)
    throw new Error(
      `sync: ${failed.length} change(s) not taken by the local copy (${failed[0]!.id})`,
    );
}

function withoutConflicts(doc: StoredDoc): StoredDoc {
  const { _conflicts: _ignored, ...body } = doc;
  return body;
}

/** When a version was written: the document's stamp, else the row's own `updatedAt`. */
const writtenAt = (doc: StoredDoc): string =>
  doc.at ?? (doc.row as { updatedAt?: string } | undefined)?.updatedAt ?? '';

/**
 * A document with concurrent versions, decided (docs/sync.md "Conflicts"): the decided version
 * written over the winner and every other live version removed in the same write — removing only
 * the winner would bring a loser back. Returns the decided document and whose edits were merged.
 */
async function resolve(
  local: ReplicaDb,
  winner: StoredDoc,
  by: string,
): Promise<{ doc: StoredDoc; from: string[] } | undefined> {
  const leaves = (await local.get(winner._id, { open_revs: 'all' })) as { ok?: StoredDoc }[];
  const all = leaves.flatMap((l) => (l.ok ? [l.ok] : []));
  const live = all.filter((d) => !d._deleted);
  const losers = live.filter((d) => d._rev !== winner._rev);
  const deletions = all.filter((d) => d._deleted && typeof d.deletedAt === 'string');
  const deletedAt = deletions.reduce((max, d) => (d.deletedAt! > max ? d.deletedAt! : max), '');
  const newestEdit = live.reduce((max, d) => (writtenAt(d) > max ? writtenAt(d) : max), '');
  if (!losers.length && !(deletedAt && deletionWins(deletedAt, newestEdit))) return undefined;
  // A losing version is removed, not deleted: `superseded`, no deletion time (so it never counts
  // as the record's deletion), with its table and space (the server checks every write).
  const remove = losers.map((d) => ({
    _id: d._id,
    _rev: d._rev,
    _deleted: true,
    table: d.table,
    space: d.space,
    by,
    superseded: true,
  }));
  // What this device writes is its own (the server checks `by` against the account).
  let decided: StoredDoc | undefined;
  let from: string[] = [];
  if (deletedAt && deletionWins(deletedAt, newestEdit)) {
    const id = parseDocId(winner._id)?.id ?? '';
    decided = {
      ...deletionDoc(winner.table, id, winner.space, deletedAt, by),
      _rev: winner._rev,
    };
  } else {
    const merge = mergeDocs([winner, ...losers]);
    if (merge) {
      from = merge.from;
      decided = {
        ...winner,
        row: merge.row,
        fieldAt: merge.fieldAt,
        by,
        at: [winner, ...losers].map(writtenAt).reduce((a, b) => (b > a ? b : a), ''),
      };
    }
  }
  // A history record keeps the winner as it is: only the other versions go.
  const body = decided ? withoutConflicts(decided) : undefined;
  await writeAll(local, body ? [body, ...remove] : remove);
  revised.add(local);
  return { doc: (await current(local, winner._id)) ?? { ...winner, _deleted: true }, from };
}

/**
 * Step 3: everything that changed in the local copy since the last apply, into the app's store.
 * Conflicts are decided first (returns whether any was: the decision must travel too).
 */
export async function applyChanges(deps: EngineDeps, report: SyncReport): Promise<boolean> {
  let decided = false;
  for (;;) {
    const since = (await getMeta<number | string>(deps.db, seqKey(deps.space.name))) ?? 0;
    const feed = await deps.space.local.changes({
      since,
      limit: deps.batch ?? BATCH,
      include_docs: true,
      conflicts: true,
      style: 'all_docs',
    });
    if (await applyBatch(deps, feed, report)) decided = true;
    if (feed.results.length < (deps.batch ?? BATCH)) return decided;
  }
}

/** One batch of changes into the app's store, in one transaction with its checkpoint. */
async function applyBatch(
  deps: EngineDeps,
  feed: { results: ChangeRow[]; last_seq: number | string },
  report: SyncReport,
): Promise<boolean> {
  const { db, space } = deps;
  let decided = false;
  const incoming: Extract<IncomingRow, { ok: true }>[] = [];
  for (const change of feed.results) {
    // A second or later revision, or a deletion: an earlier body may stay in the copy.
    if (change.deleted || change.changes.some((c) => !c.rev.startsWith('1-')))
      revised.add(space.local);
    let doc = change.doc;
    if (!doc) continue;
    if (doc._conflicts?.length || change.changes.length > 1) {
      const r = await resolve(space.local, doc, deps.by);
      if (r) {
        decided = true;
        doc = r.doc;
        const others = r.from.filter((name) => name !== deps.by);
        if (others.length) report.merged.push({ id: doc._id, from: others });
      }
    }
    const read = docToRow(doc, space.name);
    if (read.ok) incoming.push(read);
    else report.refused.push({ id: read.id, reason: read.reason });
  }
  const puts = new Map<SyncedTable, unknown[]>();
  const deletes = new Map<SyncedTable, string[]>();
  for (const table of new Set(incoming.map((r) => r.table))) {
    const mine = incoming.filter((r) => r.table === table);
    // A deletion here takes away only what belongs here: a contact moved to another space is
    // removed from this one, and stays on a device that has both.
    const goneIds = mine.filter((r) => r.deleted).map((r) => r.id);
    const goneRows = (await db.table(table).bulkGet(goneIds)) as unknown[];
    const goneHere = await belongHere(deps, table, goneRows);
    // What is left of a deleted row here (the settings: this browser's own), else nothing.
    const left: unknown[] = [];
    const erased: string[] = [];
    goneIds.forEach((id, i) => {
      if (goneRows[i] === undefined || !goneHere[i]) return;
      const rest = landing(table, undefined, goneRows[i]);
      if (rest) left.push(rest);
      else erased.push(id);
    });
    if (erased.length) deletes.set(table, erased);
    let live = mine.flatMap((r) => (r.deleted ? [] : [r]));
    if (table === 'contacts') {
      // A contact names its space itself: one that names another than it came through is refused.
      const here = await belongHere(
        deps,
        table,
        live.map((r) => r.row),
      );
      live.forEach((r, i) => {
        if (!here[i]) report.refused.push({ id: docId(table, r.id), reason: 'space' });
      });
      live = live.filter((_, i) => here[i]);
    }
    const stored = await db.table(table).bulkGet(live.map((r) => r.id));
    // What this device itself sent comes back unchanged: it is not written again.
    const arriving = live.map((r, i) => landing(table, r.row, stored[i]));
    const changed = [...left, ...arriving.filter((row, i) => !sameValue(stored[i], row))];
    if (changed.length) puts.set(table, changed);
  }
  const tables = [...new Set([...puts.keys(), ...deletes.keys()])];
  await db.transaction('rw', [...tables.map((t) => db.table(t)), db.meta], async (tx) => {
    // Sync's own writes: the outbox does not send them back.
    markFromSync(tx.idbtrans);
    for (const [table, rows] of puts) await db.table(table).bulkPut(rows);
    for (const [table, ids] of deletes) await db.table(table).bulkDelete(ids);
    await setMeta(db, seqKey(space.name), feed.last_seq);
  });
  report.applied += [...puts.values(), ...deletes.values()].reduce((n, l) => n + l.length, 0);
  deps.onProgress?.({ received: report.received, applied: report.applied });
  return decided;
}

/**
 * Step 1 from the outbox: every row written since the last push, into each space's copy (a row to
 * the space it belongs to; a tombstone where it no longer does). An entry is removed only if no
 * newer write replaced it meanwhile (that one is pushed next time).
 */
export async function pushOutbox(spaces: EngineDeps | readonly EngineDeps[]): Promise<number> {
  const list: readonly EngineDeps[] = 'db' in spaces ? [spaces] : spaces;
  const db = list[0]!.db;
  const entries = await db.outbox.toArray();
  if (!entries.length) return 0;
  let pushed = 0;
  for (const deps of list) pushed += await pushRows(deps, entries);
  await db.transaction('rw', db.outbox, async () => {
    const now = await db.outbox.bulkGet(entries.map((e) => e.key));
    const done = entries.filter((e, i) => now[i]?.at === e.at).map((e) => e.key);
    await db.outbox.bulkDelete(done);
  });
  return pushed;
}

/** After push: replicate, apply (and replicate once more what was decided here), compact. */
async function exchange(deps: EngineDeps, report: SyncReport): Promise<void> {
  const { local } = deps.space;
  // Compacted through its last change and nothing revised since: what arrives now needs no
  // compaction either, unless it revises something.
  const clean = !revised.has(local) && (await compactedThrough(local));
  await replicate(deps, report);
  if (await applyChanges(deps, report)) {
    await replicate(deps, report);
    await applyChanges(deps, report);
  }
  // Earlier versions' bodies go from this device's copy: an erased person is erased here too
  // (PouchDB compacts incrementally, from where it last stopped).
  if (revised.has(local)) {
    revised.delete(local);
    await local.compact();
  } else if (clean) {
    // Nothing here has an earlier version: the next compaction need not look at what came now (a
    // first sync's 280,000 documents would otherwise all be scanned by the first edit's).
    await markCompacted(local, (await local.info()).update_seq);
  }
}

const COMPACTION = '_local/compaction';

/** Where PouchDB's compaction of the copy last stopped (its own checkpoint document). */
async function compaction(local: ReplicaDb): Promise<{ _rev?: string; last_seq?: unknown }> {
  return (await current<{ _rev?: string; last_seq?: unknown }>(local, COMPACTION)) ?? {};
}

/** Whether every earlier version in the copy has been compacted away (an empty copy is). */
async function compactedThrough(local: ReplicaDb): Promise<boolean> {
  const { update_seq } = await local.info();
  const { last_seq = 0 } = await compaction(local);
  return update_seq === 0 || last_seq === update_seq;
}

async function markCompacted(local: ReplicaDb, seq: number | string): Promise<void> {
  const doc = await compaction(local);
  await local.put({ ...doc, _id: COMPACTION, last_seq: seq });
}

/**
 * One sync of a device's spaces: the outbox into every copy, then each space with the server. A
 * space that fails is passed to `failed`: when it answers true (it dealt with it, e.g. wiped a
 * space the user lost), the others go on; else the sync stops with that error.
 */
export async function syncSpaces(
  list: readonly EngineDeps[],
  failed: (deps: EngineDeps, error: unknown) => Promise<boolean> = async () => false,
): Promise<SyncReport> {
  const report: SyncReport = {
    pushed: 0,
    received: 0,
    applied: 0,
    refused: [],
    merged: [],
    serverRefused: 0,
  };
  if (!list.length) return report;
  report.pushed = await pushOutbox(list);
  for (const deps of list) {
    try {
      await exchange(deps, report);
    } catch (e) {
      if (!(await failed(deps, e))) throw e;
    }
  }
  return report;
}

/** One sync of one space: push, replicate, apply. */
export function syncSpace(deps: EngineDeps): Promise<SyncReport> {
  return syncSpaces([deps]);
}

/** Why a sync failed, in the terms the user is told (docs/sync.md "Errors"). */
export function classifySyncFailure(e: unknown): Exclude<SyncFailure, 'no-permission'> {
  const status = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : 0;
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : '';
  if (status === 401 || name === 'unauthorized') return 'unauthorized';
  if (status === 403) return 'forbidden';
  // A request that never got an answer: `fetch` rejects ("fetch failed" in Node, "Failed to
  // fetch" in Chromium, "NetworkError when attempting to fetch resource." in Firefox). Any other
  // error, a TypeError of a bug included, is not called "offline".
  if (!status && e instanceof Error && /fetch|networkerror/i.test(e.message)) return 'offline';
  return 'other';
}
