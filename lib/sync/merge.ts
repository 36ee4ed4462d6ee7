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

const fieldsOf = (...contacts: Contact[]): string[] => {
  const keys = new Set<string>();
  for (const c of contacts)
    for (const k of Object.keys(c))
      if (!FIXED.has(k) && (c as Record<string, unknown>)[k] !== undefined) keys.add(k);
  return [...keys].sort();
};

/** When a field of a version last changed: its stamp, else the contact's creation. */
const stampOf = (v: ContactVersion, field: string): string =>
  v.fieldAt[field] ?? v.contact.createdAt;

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
  const fieldAt: Record<string, string> = {};
  const before = previous?.contact;
  for (const field of before ? fieldsOf(before, next) : fieldsOf(next)) {
    const now = (next as Record<string, unknown>)[field];
    if (before && previous && sameValue((before as Record<string, unknown>)[field], now))
      fieldAt[field] = stampOf(previous, field);
    else fieldAt[field] = before ? next.updatedAt : next.createdAt;
  }
  return by === undefined ? { contact: next, fieldAt } : { contact: next, fieldAt, by };
}

/** The merged contact and whose changes it took. */
export interface ContactMerge {
  merged: ContactVersion;
  /**
   * The `by` of every version whose value won a field the versions disagree on (the device that
   * merges leaves out its own name: "Änderung von Anna zusammengeführt").
   */
  mergedFrom: string[];
}

/**
 * Concurrent versions of one contact merged field by field: per field the value of the version
 * that changed it last; on equal stamps the earlier version in `versions` wins (pass the
 * replication engine's winner first, so that every device decides alike). `updatedAt` is the
 * newest of all.
 */
export function mergeContactVersions(versions: readonly ContactVersion[]): ContactMerge {
  const [first, ...rest] = versions;
  if (!first) throw new Error('mergeContactVersions: no version');
  const result: Record<string, unknown> = { ...first.contact };
  const fieldAt: Record<string, string> = {};
  const from = new Set<string>();
  for (const field of fieldsOf(...versions.map((v) => v.contact))) {
    let best: ContactVersion = first;
    for (const v of rest) if (stampOf(v, field) > stampOf(best, field)) best = v;
    const value = (best.contact as Record<string, unknown>)[field];
    if (value === undefined) delete result[field];
    else result[field] = value;
    fieldAt[field] = stampOf(best, field);
    const contested = versions.some(
      (v) => !sameValue((v.contact as Record<string, unknown>)[field], value),
    );
    if (contested && best.by) from.add(best.by);
  }
  result.updatedAt = versions.reduce(
    (max, v) => (v.contact.updatedAt > max ? v.contact.updatedAt : max),
    first.contact.updatedAt,
  );
  const merged: ContactVersion = { contact: result as Contact, fieldAt };
  if (first.by !== undefined) merged.by = first.by;
  return { merged, mergedFrom: [...from].sort() };
}

/**
 * Whether a deletion at `deletedAt` erases a record last edited at `editedAt` (ISO instants of
 * the same shape): a deletion beats every edit made before it, and an edit at the same moment.
 */
export function deletionWins(deletedAt: string, editedAt: string): boolean {
  return deletedAt >= editedAt;
}
