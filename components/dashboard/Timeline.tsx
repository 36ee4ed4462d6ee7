import { useState, type FormEvent } from 'react';
import { channelName } from '@/lib/i18n';
import { CHANNELS, SATISFACTION, type Channel } from '@/lib/model';
import type { HistoryTable } from '@/lib/ui/dashboard/data';
import type { FieldErrors } from '@/lib/ui/dashboard/form';
import {
  emptyRecordForm,
  formatAmount,
  recordToForm,
  type RecordForm,
  type TimelineEntry,
} from '@/lib/ui/dashboard/timeline';
import { capitalize, dayLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { Field, control } from './ui';
import { SaveCancel } from '../SaveCancel';

const KINDS: HistoryTable[] = ['interactions', 'commitments', 'feedback', 'purchases', 'followUps'];

export interface TimelineHandlers {
  /** Save a new or edited record; resolves with field messages when it was refused. */
  onSave(form: RecordForm, original?: TimelineEntry): Promise<FieldErrors | null>;
  onDelete(entry: TimelineEntry): void;
  /** Mark a promise or follow-up done, or a complaint resolved. */
  onDone(entry: TimelineEntry): void;
}

function RecordEditor({
  initial,
  original,
  onSave,
  onCancel,
}: {
  initial: RecordForm;
  original?: TimelineEntry;
  onSave: TimelineHandlers['onSave'];
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RecordForm>(key: K, value: RecordForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const id = (name: string) => `rec-${original?.id ?? 'new'}-${name}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const refused = await onSave(form, original);
    setBusy(false);
    if (refused) setErrors(refused);
  }

  const dateField = (field: 'date' | 'due', label: string) => (
    <Field id={id(field)} label={label} error={errors[field]}>
      <input
        {...control(id(field), errors[field])}
        type="date"
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        required
      />
    </Field>
  );
  const text = (
    field: 'summary' | 'text' | 'note' | 'amount' | 'description',
    label: string,
    opts: { multiline?: boolean; hint?: string; decimal?: boolean } = {},
  ) => (
    <Field id={id(field)} label={label} error={errors[field]} hint={opts.hint}>
      {opts.multiline ? (
        <textarea
          {...control(id(field), errors[field])}
          rows={2}
          value={form[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      ) : (
        <input
          {...control(id(field), errors[field])}
          inputMode={opts.decimal ? 'decimal' : undefined}
          value={form[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const check = (
    field: 'personal' | 'done' | 'complaint' | 'resolved',
    label: string,
    opts: { alignEnd?: boolean; hint?: string } = {},
  ) => (
    <label className={opts.alignEnd ? 'check align-end' : 'check'}>
      <input type="checkbox" checked={form[field]} onChange={(e) => set(field, e.target.checked)} />
      {label}
      {opts.hint && <span className="muted small"> — {opts.hint}</span>}
    </label>
  );
  const rating = (field: 'product' | 'service', label: string) => (
    <Field id={id(field)} label={label} error={errors[field]}>
      <select
        {...control(id(field), errors[field])}
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
      >
        <option value="">{t('common.none')}</option>
        {/* The labelled scale, never bare numbers: a German reader takes 1 for the best grade. */}
        {SATISFACTION.map(({ rating, key }) => (
          <option key={key} value={String(rating)}>
            {t(`note.scale.${key}`)}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form
      className="record-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t(`dash.kind.${form.table}`)}
      data-testid="record-editor"
    >
      <h3>
        {t(original ? 'dash.timeline.editTitle' : 'dash.timeline.addTitle', {
          kind: t(`dash.kind.${form.table}`),
        })}
      </h3>
      {form.table === 'interactions' && (
        <div className="form-grid three">
          {dateField('date', t('dash.field.date'))}
          <Field id={id('channel')} label={t('dash.field.channel')}>
            <select
              id={id('channel')}
              value={form.channel}
              onChange={(e) => set('channel', e.target.value as Channel)}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {capitalize(channelName(locale, c))}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('direction')} label={t('dash.field.direction')}>
            <select
              id={id('direction')}
              value={form.direction}
              onChange={(e) => set('direction', e.target.value as 'in' | 'out')}
            >
              <option value="out">{t('dash.direction.out')}</option>
              <option value="in">{t('dash.direction.in')}</option>
            </select>
          </Field>
        </div>
      )}
      {form.table === 'interactions' && (
        <>
          {text('summary', t('dash.field.summary'), { multiline: true })}
          {check('personal', t('dash.field.personal'), { hint: t('dash.hint.personal') })}
        </>
      )}
      {form.table === 'commitments' && (
        <>
          {text('text', t('dash.field.promise'))}
          <div className="form-grid three">
            {dateField('due', t('dash.field.dueBy'))}
            {check('done', t('dash.field.done'), { alignEnd: true })}
          </div>
        </>
      )}
      {form.table === 'feedback' && (
        <>
          <div className="form-grid three">
            {dateField('date', t('dash.field.date'))}
            {rating('product', t('dash.field.product'))}
            {rating('service', t('dash.field.service'))}
          </div>
          {text('note', t('dash.field.feedbackNote'), { multiline: true })}
          {check('complaint', t('dash.field.complaint'))}
          {form.complaint && check('resolved', t('dash.field.resolved'))}
        </>
      )}
      {form.table === 'purchases' && (
        <div className="form-grid three">
          {dateField('date', t('dash.field.date'))}
          {text('amount', t('dash.field.amount'), { decimal: true, hint: t('dash.hint.amount') })}
          {text('description', t('dash.field.what'))}
        </div>
      )}
      {form.table === 'followUps' && (
        <>
          <div className="form-grid three">
            {dateField('due', t('dash.field.dueOn'))}
            {check('done', t('dash.field.done'), { alignEnd: true })}
          </div>
          {text('note', t('dash.field.followUpNote'))}
        </>
      )}
      {errors.form && <p className="field-error">{t(errors.form.key)}</p>}
      <SaveCancel busy={busy} onCancel={onCancel} testId="record-save" />
    </form>
  );
}

function EntryText({ entry, today }: { entry: TimelineEntry; today: string }) {
  const { t, locale } = useI18n();
  switch (entry.table) {
    case 'interactions': {
      const r = entry.record;
      return (
        <>
          <span className="what">
            {capitalize(channelName(locale, r.channel))} · {t(`dash.direction.${r.direction}`)}
            {!r.personal && <span className="pill muted-pill">{t('dash.notPersonal')}</span>}
            {r.source && r.source.site !== 'manual' && (
              <span className="pill muted-pill">{t(`dash.site.${r.source.site}`)}</span>
            )}
          </span>
          {(r.summary || r.source?.subject) && (
            <span className="text">{r.summary ?? r.source?.subject}</span>
          )}
          {r.brought && (
            <span className="text muted" data-testid="brought">
              {t('dash.brought.line', {
                what: [t(`brought.${r.brought.kind}`), r.brought.text].filter(Boolean).join(': '),
              })}
            </span>
          )}
        </>
      );
    }
    case 'commitments': {
      const r = entry.record;
      const overdue = !r.doneAt && r.dueAt.slice(0, 10) < today;
      return (
        <>
          <span className="what">
            {t('dash.kind.commitments')}
            {r.doneAt ? (
              <span className="pill ok-pill">{t('dash.done')}</span>
            ) : (
              <span className={`pill ${overdue ? 'warn-pill' : 'open-pill'}`}>
                {t(overdue ? 'dash.overdueSince' : 'dash.dueBy', {
                  day: dayLabel(r.dueAt, locale),
                })}
              </span>
            )}
          </span>
          <span className="text">{r.text}</span>
        </>
      );
    }
    case 'feedback': {
      const r = entry.record;
      const marks = [
        r.product ? `${t('dash.field.product')} ${r.product}/5` : '',
        r.service ? `${t('dash.field.service')} ${r.service}/5` : '',
      ].filter(Boolean);
      return (
        <>
          <span className="what">
            {t('dash.kind.feedback')}
            {marks.length > 0 && <span className="muted"> · {marks.join(', ')}</span>}
            {r.complaint && (
              <span className={`pill ${r.resolvedAt ? 'ok-pill' : 'warn-pill'}`}>
                {t(r.resolvedAt ? 'dash.complaintResolved' : 'dash.complaintOpen')}
              </span>
            )}
          </span>
          {r.note && <span className="text">{r.note}</span>}
        </>
      );
    }
    case 'purchases': {
      const r = entry.record;
      return (
        <>
          <span className="what">
            {t('dash.kind.purchases')} · <strong>{formatAmount(locale, r.amount)}</strong>
          </span>
          {r.description && <span className="text">{r.description}</span>}
        </>
      );
    }
    case 'followUps': {
      const r = entry.record;
      return (
        <>
          <span className="what">
            {t('dash.kind.followUps')}
            {r.doneAt ? (
              <span className="pill ok-pill">{t('dash.done')}</span>
            ) : (
              <span className="pill open-pill">
                {t('dash.dueOn', { day: dayLabel(r.snoozedUntil ?? r.dueAt, locale) })}
              </span>
            )}
          </span>
          {r.note && <span className="text">{r.note}</span>}
        </>
      );
    }
  }
}

function canBeDone(entry: TimelineEntry): boolean {
  if (entry.table === 'commitments' || entry.table === 'followUps') return !entry.record.doneAt;
  if (entry.table === 'feedback') return entry.record.complaint && !entry.record.resolvedAt;
  return false;
}

/** Interactions, promises, feedback, purchases and follow-ups, newest first: add, edit, delete. */
export function Timeline({
  entries,
  today,
  timeZone,
  handlers,
}: {
  entries: TimelineEntry[];
  today: string;
  timeZone?: string;
  handlers: TimelineHandlers;
}) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<{ form: RecordForm; original?: TimelineEntry } | null>(
    null,
  );
  const [filter, setFilter] = useState<HistoryTable | ''>('');
  const shown = filter ? entries.filter((e) => e.table === filter) : entries;

  const save: TimelineHandlers['onSave'] = async (form, original) => {
    const refused = await handlers.onSave(form, original);
    if (!refused) setEditing(null);
    return refused;
  };

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-add" role="group" aria-label={t('dash.timeline.add')}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            onClick={() => setEditing({ form: emptyRecordForm(k, today) })}
            data-testid={`add-${k}`}
          >
            + {t(`dash.kind.${k}`)}
          </button>
        ))}
        <select
          className="timeline-filter"
          aria-label={t('dash.timeline.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as HistoryTable | '')}
        >
          <option value="">{t('dash.timeline.all', { count: entries.length })}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dash.kind.${k}`)} ({entries.filter((e) => e.table === k).length})
            </option>
          ))}
        </select>
      </div>
      {editing && !editing.original && (
        <RecordEditor
          key={`new-${editing.form.table}`}
          initial={editing.form}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {shown.length === 0 ? (
        <p className="muted empty-line">{t('dash.timeline.empty')}</p>
      ) : (
        <ol className="entries">
          {shown.map((entry) =>
            editing?.original?.id === entry.id ? (
              <li key={entry.id} className="entry editing">
                <RecordEditor
                  initial={editing.form}
                  original={entry}
                  onSave={save}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li
                key={entry.id}
                className={`entry kind-${entry.table}`}
                data-testid="timeline-entry"
                data-kind={entry.table}
              >
                <time className="when" dateTime={entry.date}>
                  {dayLabel(entry.date, locale, timeZone)}
                </time>
                <div className="body">
                  <EntryText entry={entry} today={today} />
                </div>
                <div className="row-actions">
                  {canBeDone(entry) && (
                    <button type="button" className="small" onClick={() => handlers.onDone(entry)}>
                      {t(entry.table === 'feedback' ? 'dash.resolve' : 'dash.markDone')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      setEditing({
                        form: recordToForm(entry, today, locale, timeZone),
                        original: entry,
                      })
                    }
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="small danger-text"
                    onClick={() => handlers.onDelete(entry)}
                  >
                    {t('common.delete')}
                  </button>
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}
