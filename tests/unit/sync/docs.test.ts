import { describe, expect, it } from 'vitest';
import {
  SYNCED_TABLE_NAMES,
  deletionDoc,
  docId,
  docToRow,
  parseDocId,
  rowToDoc,
} from '@/lib/sync/docs';
import { SCHEMA_VERSIONS } from '@/lib/db/database';
import { contact } from '../../support/contacts';

describe('what syncs', () => {
  it('is the user’s records, never derived rows, import batches or bookkeeping', () => {
    expect(SYNCED_TABLE_NAMES).toEqual(
      expect.arrayContaining([
        'contacts',
        'interactions',
        'commitments',
        'feedback',
        'purchases',
        'followUps',
        'occasions',
      ]),
    );
    for (const t of ['summaries', 'agenda', 'importBatches', 'meta', 'requests', 'safetyCopy'])
      expect(SYNCED_TABLE_NAMES).not.toContain(t);
  });

  it('names only tables the database has', () => {
    const tables = new Set(SCHEMA_VERSIONS.flatMap((v) => Object.keys(v.stores)));
    for (const t of SYNCED_TABLE_NAMES) expect(tables.has(t)).toBe(true);
  });
});

describe('document names', () => {
  it('round-trip a table and a row id (ids may contain colons)', () => {
    expect(parseDocId(docId('contacts', 'a:b'))).toEqual({ table: 'contacts', id: 'a:b' });
  });

  it('refuse names of tables that do not sync and malformed names', () => {
    for (const id of ['summaries:x', 'contacts:', ':x', 'contacts', '_design/x'])
      expect(parseDocId(id)).toBeNull();
  });
});

describe('an incoming document', () => {
  const c = contact('c1', { name: 'Dr. Maria Weber' });

  it('becomes the row it carries, checked by the table’s schema', () => {
    const got = docToRow(rowToDoc('contacts', c, 'team-weber'), 'team-weber');
    expect(got).toMatchObject({ ok: true, table: 'contacts', id: 'c1', deleted: false });
    expect(got.ok && !got.deleted && got.row).toEqual(c);
  });

  it('is refused when it belongs to another space', () => {
    expect(docToRow(rowToDoc('contacts', c, 'team-a'), 'team-b')).toMatchObject({
      ok: false,
      reason: 'space',
    });
  });

  it('is refused when the row is malformed or is not the row its name says', () => {
    const broken = { ...rowToDoc('contacts', c, 's'), row: { ...c, name: '' } };
    expect(docToRow(broken, 's')).toMatchObject({ ok: false, reason: 'row' });
    const other = { ...rowToDoc('contacts', c, 's'), _id: 'contacts:c2' };
    expect(docToRow(other, 's')).toMatchObject({ ok: false, reason: 'row' });
    const wrongTable = { ...rowToDoc('contacts', c, 's'), table: 'interactions' };
    expect(docToRow(wrongTable, 's')).toMatchObject({ ok: false, reason: 'shape' });
  });

  it('says a deletion, whatever else it carries', () => {
    const got = docToRow(deletionDoc('interactions', 'i1', 's', '2026-03-02T09:00:00.000Z'), 's');
    expect(got).toMatchObject({ ok: true, table: 'interactions', id: 'i1', deleted: true });
  });

  it('deletes nothing when the deletion comes from another space or names none', () => {
    const tomb = deletionDoc('contacts', 'c1', 'team-a', '2026-03-02T09:00:00.000Z');
    expect(docToRow(tomb, 'team-b')).toMatchObject({ ok: false, reason: 'space' });
    expect(docToRow({ _id: 'contacts:c1', _deleted: true }, 'team-b')).toMatchObject({ ok: false });
  });
});
