import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_TABLES,
  BackupSchema,
  buildBackup,
  parseBackup,
  parseContactsFile,
  serializeBackup,
  type BackupTablesInput,
} from '@/lib/io';
import { fixtureBytes } from '../../support/io-files';
import { tablesArb } from '../../support/arbitraries';

const now = new Date('2026-11-22T10:00:00.000Z');

const emptyTables = (): BackupTablesInput => ({
  contacts: [],
  interactions: [],
  commitments: [],
  feedback: [],
  purchases: [],
  followUps: [],
  settings: [],
});

const contact = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Name ${id}`,
  emails: [],
  phones: [],
  profileUrls: [],
  status: 'active',
  preferredChannels: [],
  interests: [],
  createdAt: '2026-01-01',
  updatedAt: '2026-01-01',
  ...extra,
});

const codes = (r: ReturnType<typeof parseBackup>) => (r.ok ? [] : r.errors.map((e) => e.code));

describe('JSON backup', () => {
  it('buildBackup wraps every table with format, version and the export instant', () => {
    const tables = { ...emptyTables(), meta: [{ key: 'lastBackupAt', value: 1 }] };
    const backup = buildBackup(tables, now);
    expect(backup).toEqual({
      format: 'kundennah-backup',
      version: 1,
      exportedAt: '2026-11-22T10:00:00.000Z',
      tables,
    });
    expect(Object.keys(backup.tables)).toEqual([...BACKUP_TABLES, 'meta']);
    expect(BackupSchema.safeParse(backup).success).toBe(true);
  });

  it('round-trips every table without loss (generated records that satisfy the model)', () => {
    fc.assert(
      fc.property(tablesArb, (tables) => {
        const text = serializeBackup(buildBackup(tables, now));
        const r = parseBackup(text);
        if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
        expect(r.backup.tables).toEqual(tables);
        expect(r.backup.exportedAt).toBe(now.toISOString());
        // And once more: parsing is idempotent.
        expect(parseBackup(serializeBackup(r.backup))).toEqual(r);
      }),
      { numRuns: 100 },
    );
  });

  it('reads the committed backup fixture and keeps its unknown table', () => {
    const r = parseBackup(fixtureBytes('backup/kundennah-backup-2026-11-20.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.tables.contacts.map((c) => c.name)).toEqual(['Jürgen Müller', 'Sabine Vogel']);
    expect(r.backup.tables.settings).toEqual([
      {
        id: 'settings',
        values: {
          locale: 'de',
          contactEveryDays: { A: 10, B: 45, C: 120 },
          notificationTime: '08:30',
        },
      },
    ]);
    expect(r.backup.tables.meta).toEqual([
      { key: 'lastBackupAt', value: '2026-11-20T08:15:00.000Z' },
    ]);
  });

  it('keeps fields a newer version added to a row', () => {
    const tables = {
      ...emptyTables(),
      contacts: [contact('a', { mood: 'sunny' })],
    } as unknown as BackupTablesInput;
    const r = parseBackup(JSON.stringify(buildBackup(tables, now)));
    expect(r.ok && r.backup.tables.contacts[0]).toMatchObject({ mood: 'sunny' });
  });

  it('names table, row index and field of every bad value; restores nothing then', () => {
    const tables = {
      ...emptyTables(),
      contacts: [
        contact('a'),
        contact('b', { emails: ['kein-mail'], birthday: { month: 2, day: 30 } }),
      ],
      purchases: [{ id: 'p1', contactId: 'a', at: '2026-13-01', amount: 'viel' }],
      settings: [{ id: 'settings', values: { paretoA: 0.9, paretoB: 0.5 } }],
    };
    const r = parseBackup(JSON.stringify(buildBackup(tables as unknown as BackupTablesInput, now)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(
      r.errors.map((e) => [
        e.code,
        e.params.table,
        e.params.index,
        e.params.field,
        e.params.reason,
      ]),
    ).toEqual([
      ['backup-invalid-row', 'contacts', 1, 'emails.0', 'err.email'],
      ['backup-invalid-row', 'contacts', 1, 'birthday.day', 'err.birthday'],
      ['backup-invalid-row', 'purchases', 0, 'at', 'err.date'],
      ['backup-invalid-row', 'purchases', 0, 'amount', 'err.amount'],
      ['backup-invalid-row', 'settings', 0, 'values.paretoB', 'err.pareto'],
    ]);
    expect(r.errors[0]!.message).toBe(
      'Table contacts, entry 1, field emails.0: Not a valid e-mail address.',
    );
  });

  it.each([
    ['not JSON', '{"format": "kundennah-backup",\n  "version": 1,\n  oops', 'invalid-json'],
    ['JSON that is not a backup', '{"tables": {}}', 'not-a-backup'],
    [
      'a newer version',
      '{"format":"kundennah-backup","version":2,"exportedAt":"2030-01-01","tables":{}}',
      'backup-unsupported-version',
    ],
    [
      'no version',
      '{"format":"kundennah-backup","exportedAt":"2030-01-01","tables":{}}',
      'backup-invalid',
    ],
    [
      'no tables',
      '{"format":"kundennah-backup","version":1,"exportedAt":"2030-01-01"}',
      'backup-invalid',
    ],
  ])('%s', (_label, text, code) => {
    expect(codes(parseBackup(text))).toEqual([code]);
  });

  it('invalid JSON is reported with its line where the engine says where', () => {
    const r = parseBackup('{\n "format": "kundennah-backup",\n "version": 1,\n oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.line).toBe(4);
  });

  it('a missing table, a duplicate id and a table that is no list are errors', () => {
    const { followUps: _dropped, ...rest } = emptyTables();
    const tables = { ...rest, contacts: [contact('a'), contact('a')], meta: 'x' };
    const r = parseBackup(
      JSON.stringify({ format: 'kundennah-backup', version: 1, exportedAt: '2026-01-01', tables }),
    );
    expect(codes(r)).toEqual(['backup-duplicate-id', 'backup-missing-table', 'backup-invalid']);
  });

  it('a bad exportedAt is an error', () => {
    const backup = { ...buildBackup(emptyTables(), now), exportedAt: 'gestern' };
    expect(codes(parseBackup(JSON.stringify(backup)))).toEqual(['backup-invalid']);
  });
});

describe('backup validation (hardening)', () => {
  const file = (tables: Record<string, unknown>) =>
    JSON.stringify(buildBackup({ ...emptyTables(), ...tables } as BackupTablesInput, now));

  it('refuses an instant with an impossible zone offset; real offsets pass', () => {
    const at = (createdAt: string) => file({ contacts: [contact('a', { createdAt })] });
    for (const ok of [
      '2026-01-01T09:00:00Z',
      '2026-01-01T10:00:00+01:00',
      '2026-01-01T14:45:00+05:45',
      '2026-01-01T05:30:00-03:30',
    ])
      expect(codes(parseBackup(at(ok)))).toEqual([]);
    const r = parseBackup(at('2026-01-01T09:00:00+99:99'));
    expect(codes(r)).toEqual(['backup-invalid-row']);
    expect(!r.ok && r.errors[0]!.params.field).toBe('createdAt');
  });

  it('stores settings as parsed: a partial panel mode gets its defaults, absent keys stay absent', () => {
    const r = parseBackup(
      file({
        settings: [
          { id: 'settings', values: { panelMode: { gmail: 'sidepanel' }, workingDays: [5, 1, 1] } },
        ],
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.tables.settings[0]!.values).toEqual({
      panelMode: {
        gmail: 'sidepanel',
        outlook: 'injected',
        xing: 'injected',
        linkedin: 'sidepanel',
      },
      workingDays: [1, 5],
    });
  });

  it('caps the size of a text and of a list, naming table, entry and field', () => {
    const r = parseBackup(
      file({
        contacts: [
          contact('a', { name: 'x'.repeat(1001) }),
          contact('b', { notes: 'y'.repeat(100_001) }),
          contact('c', { interests: Array.from({ length: 10_001 }, (_, i) => `i${i}`) }),
        ],
        meta: [{ key: 'csvMapping:x', value: { columns: ['z'.repeat(100_001)] } }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(
      r.errors.map((e) => [e.code, e.params.table, e.params.index, e.params.field, e.params.max]),
    ).toEqual([
      ['backup-too-long', 'contacts', 0, 'name', 1000],
      ['backup-too-long', 'contacts', 1, 'notes', 100_000],
      ['backup-too-many', 'contacts', 2, 'interests', 10_000],
      ['backup-too-long', 'meta', 0, 'value.columns.0', 100_000],
    ]);
    expect(r.errors[0]!.message).toBe(
      'Table contacts, entry 0, field name: 1,001 characters, at most 1,000 are allowed.',
    );
  });

  it('importing the contacts of a backup skips an oversized contact and reads the others', () => {
    const r = parseContactsFile(
      file({ contacts: [contact('a', { company: 'x'.repeat(1001) }), contact('b')] }),
      'backup.json',
    );
    expect(r.contacts.map((c) => c.name)).toEqual(['Name b']);
    expect(r.errors.map((e) => e.code)).toEqual(['backup-too-long']);
  });
});
