// The contact page's timeline: interactions, promises, feedback, purchases and follow-ups in one
// list, newest first, and the form that adds or edits one of them (form ↔ record, model issues
// mapped to the form's fields).
import { dayIn, toEpoch } from '../../core';
import type { HistoryTable, RecordTypes } from '../../db';
import {
  CommitmentSchema,
  FeedbackSchema,
  FollowUpSchema,
  InteractionSchema,
  PurchaseSchema,
  issuesOf,
  type Channel,
  type ContactHistory,
} from '../../model';
import { formatMoney, type Locale } from '../../i18n';
import { zoneOf } from '../format';
import { amountText, issuesToErrors, parseAmount, parseWhole, type FieldErrors } from './form';

export type TimelineEntry = {
  [K in HistoryTable]: {
    table: K;
    id: string;
    record: RecordTypes[K];
    date: string;
    epoch: number;
  };
}[HistoryTable];

/** The date a record stands at in the timeline (promises: when made; follow-ups: when due). */
export function recordDate<K extends HistoryTable>(table: K, record: RecordTypes[K]): string {
  const r = record as unknown as Record<string, string>;
  if (table === 'commitments') return r.createdAt ?? r.dueAt ?? '';
  if (table === 'followUps') return r.dueAt ?? '';
  return r.at ?? '';
}

/** Every record of a history, newest first (equal instants by id, as the core orders them). */
export function timelineOf(history: ContactHistory, timeZone?: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const add = <K extends HistoryTable>(table: K, records: RecordTypes[K][]) => {
    for (const record of records) {
      const date = recordDate(table, record);
      const epoch = toEpoch(date, zoneOf(timeZone));
      out.push({
        table,
        id: record.id,
        record,
        date,
        epoch: Number.isFinite(epoch) ? epoch : 0,
      } as TimelineEntry);
    }
  };
  add('interactions', history.interactions);
  add('commitments', history.commitments);
  add('feedback', history.feedback);
  add('purchases', history.purchases);
  add('followUps', history.followUps);
  return out.sort((a, b) => b.epoch - a.epoch || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** An amount with its cents when it has any: "1.250,50 €", "2.300 €" / "€1,250.50". */
export function formatAmount(locale: Locale, amount: number): string {
  return formatMoney(locale, amount);
}

/** How many records of each kind a history holds (the delete confirmation names them). */
export function recordCounts(history: ContactHistory): Record<HistoryTable, number> {
  return {
    interactions: history.interactions.length,
    commitments: history.commitments.length,
    feedback: history.feedback.length,
    purchases: history.purchases.length,
    followUps: history.followUps.length,
  };
}

/** One form for every kind of record; the editor shows the fields of `table`. */
export interface RecordForm {
  table: HistoryTable;
  /** `YYYY-MM-DD`: when it happened (interactions, feedback, purchases). */
  date: string;
  channel: Channel;
  direction: 'in' | 'out';
  personal: boolean;
  summary: string;
  /** Promise text. */
  text: string;
  /** `YYYY-MM-DD`: by when (promises, follow-ups). */
  due: string;
  done: boolean;
  product: string;
  service: string;
  note: string;
  complaint: boolean;
  resolved: boolean;
  amount: string;
  description: string;
}

export function emptyRecordForm(table: HistoryTable, today: string): RecordForm {
  return {
    table,
    date: today,
    channel: 'phone',
    direction: 'out',
    personal: true,
    summary: '',
    text: '',
    due: today,
    done: false,
    product: '',
    service: '',
    note: '',
    complaint: false,
    resolved: false,
    amount: '',
    description: '',
  };
}

export function recordToForm(
  entry: TimelineEntry,
  today: string,
  locale: Locale,
  timeZone?: string,
): RecordForm {
  const f = emptyRecordForm(entry.table, today);
  const day = (d: string | undefined) => (d ? dayIn(d, zoneOf(timeZone)) || d.slice(0, 10) : '');
  switch (entry.table) {
    case 'interactions': {
      const r = entry.record;
      return {
        ...f,
        date: day(r.at),
        channel: r.channel,
        direction: r.direction,
        personal: r.personal,
        summary: r.summary ?? '',
      };
    }
    case 'commitments': {
      const r = entry.record;
      return { ...f, text: r.text, due: day(r.dueAt), done: !!r.doneAt };
    }
    case 'feedback': {
      const r = entry.record;
      return {
        ...f,
        date: day(r.at),
        product: r.product ? String(r.product) : '',
        service: r.service ? String(r.service) : '',
        note: r.note ?? '',
        complaint: r.complaint,
        resolved: !!r.resolvedAt,
      };
    }
    case 'purchases': {
      const r = entry.record;
      return {
        ...f,
        date: day(r.at),
        amount: amountText(r.amount, locale),
        description: r.description ?? '',
      };
    }
    case 'followUps': {
      const r = entry.record;
      return { ...f, due: day(r.snoozedUntil ?? r.dueAt), note: r.note, done: !!r.doneAt };
    }
  }
}

// Which form field shows an issue of a record's path.
const RECORD_FIELDS: Record<string, string> = {
  at: 'date',
  dueAt: 'due',
  createdAt: 'date',
  doneAt: 'done',
  resolvedAt: 'resolved',
  snoozedUntil: 'due',
};

const RECORD_FALLBACK: Record<string, string> = {
  date: 'err.date',
  due: 'err.date',
  amount: 'err.amount',
  product: 'err.rating',
  service: 'err.rating',
};

const SCHEMAS = {
  interactions: InteractionSchema,
  commitments: CommitmentSchema,
  feedback: FeedbackSchema,
  purchases: PurchaseSchema,
  followUps: FollowUpSchema,
} as const;

/**
 * The record a form describes. `original` is the record being edited (its id, source, creation
 * and the time of day of its dates are kept while the day is unchanged); `now` stamps new records
 * and newly ticked "done"/"resolved".
 */
export function formToRecord(
  form: RecordForm,
  opts: {
    contactId: string;
    original?: TimelineEntry;
    now: Date;
    locale: Locale;
    timeZone?: string;
  },
): { record: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const orig = (opts.original?.record ?? {}) as Record<string, unknown>;
  const stamp = opts.now.toISOString();
  // The same day as before keeps the stored instant (a logged call keeps its time of day).
  const keepDay = (field: string, day: string): string => {
    const before = orig[field];
    return typeof before === 'string' && dayIn(before, zoneOf(opts.timeZone)) === day
      ? before
      : day;
  };
  const rating = (field: 'product' | 'service') => {
    const p = parseWhole(form[field]);
    if (!p.ok) errors[field] = { key: 'err.rating' };
    return p.ok ? p.value : undefined;
  };
  const base = { ...orig, id: opts.original?.id, contactId: opts.contactId };
  const blank = (text: string) => (text.trim() === '' ? undefined : text);
  let record: Record<string, unknown>;
  switch (form.table) {
    case 'interactions':
      record = {
        ...base,
        at: keepDay('at', form.date),
        channel: form.channel,
        direction: form.direction,
        personal: form.personal,
        summary: blank(form.summary),
        // Logged here by hand; an edited record keeps where it came from (or that it says nothing).
        source: opts.original ? orig.source : { site: 'manual' },
      };
      break;
    case 'commitments':
      record = {
        ...base,
        text: form.text,
        createdAt: (orig.createdAt as string | undefined) ?? stamp,
        dueAt: keepDay('dueAt', form.due),
        doneAt: form.done ? ((orig.doneAt as string | undefined) ?? stamp) : undefined,
      };
      break;
    case 'feedback':
      record = {
        ...base,
        at: keepDay('at', form.date),
        product: rating('product'),
        service: rating('service'),
        note: blank(form.note),
        complaint: form.complaint,
        resolvedAt:
          form.complaint && form.resolved
            ? ((orig.resolvedAt as string | undefined) ?? stamp)
            : undefined,
      };
      break;
    case 'purchases': {
      const amount = parseAmount(form.amount, opts.locale);
      if (!amount.ok || amount.value === undefined) errors.amount = { key: 'err.amount' };
      record = {
        ...base,
        at: keepDay('at', form.date),
        amount: amount.ok ? amount.value : undefined,
        description: blank(form.description),
      };
      break;
    }
    case 'followUps': {
      // Editing the day of a snoozed follow-up moves the follow-up itself.
      const dueAt = orig.snoozedUntil ? form.due : keepDay('dueAt', form.due);
      record = {
        ...base,
        dueAt,
        note: form.note,
        snoozedUntil: undefined,
        doneAt: form.done ? ((orig.doneAt as string | undefined) ?? stamp) : undefined,
      };
      break;
    }
  }
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const result = SCHEMAS[form.table].safeParse({ ...record, id: record.id ?? 'new' });
  const modelErrors = result.success
    ? {}
    : issuesToErrors(
        issuesOf(result.error),
        (path) => ({ field: RECORD_FIELDS[String(path[0])] ?? String(path[0] ?? 'form') }),
        RECORD_FALLBACK,
      );
  return { record, errors: { ...modelErrors, ...errors } };
}
