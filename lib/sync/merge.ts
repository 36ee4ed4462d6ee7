// What becomes of concurrent versions of one synced record (issue 17, "Conflicts"; docs/sync.md).
// Pure: no database, no clock. The replication engine finds the versions; these rules decide.
//
// - A contact merges field by field: each version carries, per field, when that field last changed
//   (`fieldAt`, stamped when the version is written), and the newer change of each field wins. Two
//   people who edit different fields of one customer offline both keep their edit.
// - A history record (an interaction, a promise …) is written once and rarely edited: the
//   replication engine's deterministic winner stays, the others go.
// - A deletion beats every edit made before it (erasing a person must erase), an edit made after
//   it keeps the record.
import type { Contact } from '../model';

/** A contact as it travels between devices. */
export interface ContactVersion {
  contact: Contact;
  /** Field name → the `updatedAt` of the version that last changed that field. */
  fieldAt: Record<string, string>;
  /** Who wrote this version (the sync account's name), shown when it is merged. */
  by?: string;
}

/** Fields no merge decides: the identity and the record's own bookkeeping. */
const FIXED = new Set(['id', 'createdAt', 'updatedAt']);

/** JSON with object keys in order, so that equal values compare equal whatever their key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

/** A record that merges field by field, as one version of it. */
export interface FieldVersion {
  fields: Record<string, unknown>;
  /** Field name → when that field last changed in this version. */
  fieldAt: Record<string, string>;
  /** When a field without a stamp counts as changed (a contact: its creation). */
  since: string;
  by?: string;
}

const namesOf = (fixed: ReadonlySet<string>, ...records: Record<string, unknown>[]): string[] => {
  const keys = new Set<string>();
  for (const r of records)
    for (const k of Object.keys(r)) if (!fixed.has(k) && r[k] !== undefined) keys.add(k);
  return [...keys].sort();
};

const stampOf = (v: FieldVersion, field: string): string => v.fieldAt[field] ?? v.since;

/**
 * The stamps of `next`: fields that differ from `previous` (the version last sent or received)
 * changed at `changedAt`, the others keep their stamps. Without a previous version every field
 * changed at `firstAt`.
 */
export function stampFields(
  previous: FieldVersion | undefined,
  next: Record<string, unknown>,
  changedAt: string,
  firstAt: string,
  fixed: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const fieldAt: Record<string, string> = {};
  const before = previous?.fields;
  for (const field of before ? namesOf(fixed, before, next) : namesOf(fixed, next)) {
    if (before && previous && sameValue(before[field], next[field]))
      fieldAt[field] = stampOf(previous, field);
    else fieldAt[field] = before ? changedAt : firstAt;
  }
  return fieldAt;
}

/** Concurrent versions of one record merged field by field, and whose changes it took. */
export interface FieldMerge {
  fields: Record<string, unknown>;
  fieldAt: Record<string, string>;
  /**
   * The `by` of every version whose value won a field the versions disagree on (the device that
   * merges leaves out its own name: "Änderung von Anna zusammengeführt").
   */
  mergedFrom: string[];
}

/**
 * Per field the value of the version that changed it last; on equal stamps the earlier version in
 * `versions` wins (pass the replication engine's winner first, so that every device decides
 * alike). A field the winning version lacks is absent.
 */
export function mergeFields(
  versions: readonly FieldVersion[],
  fixed: ReadonlySet<string> = new Set(),
): FieldMerge {
  const [first, ...rest] = versions;
  if (!first) throw new Error('mergeFields: no version');
  const fields: Record<string, unknown> = { ...first.fields };
  const fieldAt: Record<string, string> = {};
  const from = new Set<string>();
  for (const field of namesOf(fixed, ...versions.map((v) => v.fields))) {
    let best: FieldVersion = first;
    for (const v of rest) if (stampOf(v, field) > stampOf(best, field)) best = v;
    const value = best.fields[field];
    if (value === undefined) delete fields[field];
    else fields[field] = value;
    fieldAt[field] = stampOf(best, field);
    const contested = versions.some((v) => !sameValue(v.fields[field], value));
    if (contested && best.by) from.add(best.by);
  }
  return { fields, fieldAt, mergedFrom: [...from].sort() };
}

const asVersion = (v: ContactVersion): FieldVersion => ({
  fields: v.contact as unknown as Record<string, unknown>,
  fieldAt: v.fieldAt,
  since: v.contact.createdAt,
  ...(v.by === undefined ? {} : { by: v.by }),
});

/**
 * The version of `next` to send: fields that differ from `previous` (the version last sent or
 * received) are stamped with `next.updatedAt`, the others keep their stamps. Without a previous
 * version every field counts as changed at creation.
 */
export function stampContact(
  previous: ContactVersion | undefined,
  next: Contact,
  by?: string,
): ContactVersion {
  const fieldAt = stampFields(
    previous && asVersion(previous),
    next as unknown as Record<string, unknown>,
    next.updatedAt,
    next.createdAt,
    FIXED,
  );
  return by === undefined ? { contact: next, fieldAt } : { contact: next, fieldAt, by };
}

/** The merged contact and whose changes it took. */
export interface ContactMerge {
  merged: ContactVersion;
  /** See FieldMerge.mergedFrom. */
  mergedFrom: string[];
}

/**
 * Concurrent versions of one contact merged field by field (mergeFields); `updatedAt` is the
 * newest of all.
 */
export function mergeContactVersions(versions: readonly ContactVersion[]): ContactMerge {
  const [first] = versions;
  if (!first) throw new Error('mergeContactVersions: no version');
  const merge = mergeFields(versions.map(asVersion), FIXED);
  const updatedAt = versions.reduce(
    (max, v) => (v.contact.updatedAt > max ? v.contact.updatedAt : max),
    first.contact.updatedAt,
  );
  const merged: ContactVersion = {
    contact: { ...merge.fields, updatedAt } as unknown as Contact,
    fieldAt: merge.fieldAt,
  };
  if (first.by !== undefined) merged.by = first.by;
  return { merged, mergedFrom: merge.mergedFrom };
}

/**
 * Whether a deletion at `deletedAt` erases a record last edited at `editedAt` (ISO instants of
 * the same shape): a deletion beats every edit made before it, and an edit at the same moment.
 */
export function deletionWins(deletedAt: string, editedAt: string): boolean {
  return deletedAt >= editedAt;
}
