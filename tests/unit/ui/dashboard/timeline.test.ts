import { describe, expect, it } from 'vitest';
import {
  CommitmentSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  PurchaseSchema,
  type ContactHistory,
} from '@/lib/model';
import {
  emptyRecordForm,
  formToRecord,
  formatAmount,
  recordCounts,
  recordToForm,
  timelineOf,
  type TimelineEntry,
} from '@/lib/ui/dashboard/timeline';

const now = new Date('2026-11-22T10:00:00.000Z');
const tz = 'Europe/Berlin';
const today = '2026-11-22';

const history: ContactHistory = {
  contact: {
    id: 'c-1',
    name: 'Jürgen Müller',
    emails: [],
    phones: [],
    profileUrls: [],
    status: 'active',
    preferredChannels: [],
    interests: [],
    createdAt: '2025-01-01',
    updatedAt: '2025-01-01',
  },
  interactions: [
    {
      id: 'i-1',
      contactId: 'c-1',
      at: '2026-11-20T16:30:00.000Z',
      channel: 'phone',
      direction: 'out',
      personal: true,
      summary: 'Angebot besprochen',
      source: { site: 'gmail', threadId: 't-1', subject: 'Angebot' },
    },
    {
      id: 'i-2',
      contactId: 'c-1',
      at: '2026-10-01',
      channel: 'email',
      direction: 'out',
      personal: false,
    },
  ],
  commitments: [
    {
      id: 'k-1',
      contactId: 'c-1',
      text: 'Angebot schicken',
      createdAt: '2026-11-20T16:35:00.000Z',
      dueAt: '2026-11-27',
    },
  ],
  feedback: [
    {
      id: 'f-1',
      contactId: 'c-1',
      at: '2026-11-01',
      product: 2,
      complaint: true,
      note: 'Lieferung zu spät',
    },
  ],
  purchases: [
    { id: 'p-1', contactId: 'c-1', at: '2026-09-01', amount: 1250.5, description: 'Workshop' },
  ],
  followUps: [
    { id: 'u-1', contactId: 'c-1', dueAt: '2026-12-01', note: 'Messe', snoozedUntil: '2026-12-03' },
  ],
};

const entry = (id: string) => timelineOf(history, tz).find((e) => e.id === id) as TimelineEntry;

describe('the timeline', () => {
  it('lists every record newest first (promises when made, follow-ups when due)', () => {
    expect(timelineOf(history, tz).map((e) => e.id)).toEqual([
      'u-1',
      'k-1',
      'i-1',
      'f-1',
      'i-2',
      'p-1',
    ]);
  });

  it('counts what a person has attached (the delete confirmation names it)', () => {
    expect(recordCounts(history)).toEqual({
      interactions: 2,
      commitments: 1,
      feedback: 1,
      purchases: 1,
      followUps: 1,
    });
  });

  it('shows amounts with cents only when there are any', () => {
    expect(formatAmount('de', 1250.5).replace(/\s/g, ' ')).toBe('1.250,50 €');
    expect(formatAmount('de', 2300).replace(/\s/g, ' ')).toBe('2.300 €');
    expect(formatAmount('en', -80)).toBe('-€80');
  });
});

describe('record ↔ form', () => {
  it.each(['i-1', 'i-2', 'k-1', 'f-1', 'p-1'])(
    '%s comes back unchanged when the form is saved as it is',
    (id) => {
      const e = entry(id);
      const { record, errors } = formToRecord(recordToForm(e, today, 'de', tz), {
        contactId: 'c-1',
        original: e,
        now,
        locale: 'de',
        timeZone: tz,
      });
      expect(errors).toEqual({});
      expect(record).toEqual(e.record);
    },
  );

  it('keeps the time of day while the day is unchanged, and takes the new day when it is not', () => {
    const e = entry('i-1');
    const form = recordToForm(e, today, 'de', tz);
    expect(form.date).toBe('2026-11-20');
    const moved = formToRecord(
      { ...form, date: '2026-11-19' },
      { contactId: 'c-1', original: e, now, locale: 'de', timeZone: tz },
    );
    expect(moved.record.at).toBe('2026-11-19');
    // The source (Gmail thread) survives an edit.
    expect(moved.record.source).toEqual({ site: 'gmail', threadId: 't-1', subject: 'Angebot' });
  });

  it('stamps "done" and "resolved" with now, and removes them when unticked', () => {
    const promise = entry('k-1');
    const done = formToRecord(
      { ...recordToForm(promise, today, 'de', tz), done: true },
      { contactId: 'c-1', original: promise, now, locale: 'de', timeZone: tz },
    );
    expect(done.record.doneAt).toBe(now.toISOString());
    const complaint = entry('f-1');
    const resolved = formToRecord(
      { ...recordToForm(complaint, today, 'de', tz), resolved: true },
      { contactId: 'c-1', original: complaint, now, locale: 'de', timeZone: tz },
    );
    expect(resolved.record.resolvedAt).toBe(now.toISOString());
    const reopened = formToRecord(
      { ...recordToForm(complaint, today, 'de', tz), complaint: false, resolved: true },
      { contactId: 'c-1', original: complaint, now, locale: 'de', timeZone: tz },
    );
    expect('resolvedAt' in reopened.record).toBe(false);
  });

  it('moves a snoozed follow-up itself when its day is edited', () => {
    const e = entry('u-1');
    const form = recordToForm(e, today, 'de', tz);
    expect(form.due).toBe('2026-12-03');
    const { record } = formToRecord(
      { ...form, due: '2026-12-05' },
      { contactId: 'c-1', original: e, now, locale: 'de', timeZone: tz },
    );
    expect(record).toMatchObject({ dueAt: '2026-12-05' });
    expect('snoozedUntil' in record).toBe(false);
  });

  it.each([
    ['interactions', InteractionSchema],
    ['commitments', CommitmentSchema],
    ['feedback', FeedbackSchema],
    ['purchases', PurchaseSchema],
    ['followUps', FollowUpSchema],
  ] as const)('a new %s from a filled form is a valid record', (table, schema) => {
    const form = {
      ...emptyRecordForm(table, today),
      text: 'Unterlagen schicken',
      amount: '99,90',
      product: '5',
      note: 'Gut',
    };
    const { record, errors } = formToRecord(form, { contactId: 'c-1', now, locale: 'de' });
    expect(errors).toEqual({});
    expect(schema.safeParse({ ...record, id: 'new' }).success).toBe(true);
    expect(record.contactId).toBe('c-1');
  });

  it.each<[string, Partial<ReturnType<typeof emptyRecordForm>>, string, string]>([
    ['interactions', { date: '' }, 'date', 'err.date'],
    ['interactions', { date: '2026-02-30' }, 'date', 'err.date'],
    ['commitments', { text: '  ' }, 'text', 'err.text'],
    ['commitments', { text: 'x', due: '' }, 'due', 'err.date'],
    ['purchases', { amount: '' }, 'amount', 'err.amount'],
    ['purchases', { amount: 'zwölf' }, 'amount', 'err.amount'],
    ['feedback', { product: '7' }, 'product', 'err.rating'],
    ['followUps', { due: 'morgen' }, 'due', 'err.date'],
  ])('%s with %j is refused at %s (%s)', (table, patch, field, key) => {
    const form = { ...emptyRecordForm(table as never, today), ...patch };
    const { errors } = formToRecord(form, { contactId: 'c-1', now, locale: 'de' });
    expect(errors[field]?.key).toBe(key);
  });
});
