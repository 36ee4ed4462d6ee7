// What to bring to this contact (issue "Something to bring to every touch"), on the contact page:
// what moves them right now (Themen), the occasions attached to their next touch, and whom they
// recommended. Every change is written at once and can be undone from the toast.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { broughtOccasionIds, referrerFigures } from '@/lib/core';
import { formatMoney } from '@/lib/i18n';
import type { Concern, ContactHistory } from '@/lib/model';
import {
  attachableOccasions,
  concernRows,
  plannedOccasionsOf,
  type ConcernRow,
} from '@/lib/ui/dashboard/concerns';
import type { FieldErrors } from '@/lib/ui/dashboard/form';
import {
  attachTo,
  detachFrom,
  noteConcern,
  putConcerns,
  setConcernClosed,
  useOccasions,
} from '@/lib/ui/dashboard/occasion-data';
import { validityText } from '@/lib/ui/dashboard/occasions';
import { dateLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { Field, Section, control, useDashSettings, useNotify } from './ui';
import { contactHash as contactLink, occasionHash as occasionLink } from '@/lib/ui/route';

function ConcernItem({
  row,
  onClose,
  onReopen,
  onDelete,
}: {
  row: ConcernRow;
  onClose: () => void;
  onReopen: () => void;
  onDelete: () => void;
}) {
  const { t, locale } = useI18n();
  const { concern: c, state } = row;
  const day = (d: string) => dateLabel(d, locale);
  const when = [t('dash.concerns.noted', { day: day(c.notedAt) })];
  if (state === 'closed' && c.closedAt)
    when.push(t('dash.concerns.closedOn', { day: day(c.closedAt) }));
  else if (state === 'over' && c.until) when.push(t('dash.concerns.over', { day: day(c.until) }));
  else if (c.until) when.push(t('dash.concerns.untilDay', { day: day(c.until) }));
  return (
    <li className={`concern ${state}`} data-testid="concern" data-state={state}>
      <div className="concern-text">
        <span className="concern-title">{c.text}</span>
        <span className="muted small">{when.join(' · ')}</span>
      </div>
      <span className="row-actions">
        {state === 'closed' ? (
          <button
            type="button"
            className="small"
            aria-label={t('dash.concerns.reopenLabel', { text: c.text })}
            onClick={onReopen}
          >
            {t('dash.concerns.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="small"
            aria-label={t('dash.concerns.closeLabel', { text: c.text })}
            onClick={onClose}
          >
            {t('dash.concerns.close')}
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-label={t('dash.concerns.deleteLabel', { text: c.text })}
          onClick={onDelete}
        >
          ×
        </button>
      </span>
    </li>
  );
}

/** The contact's concerns: note one (with an optional end), close, reopen, delete; undo each. */
export function ConcernsCard({ history, today }: { history: ContactHistory; today: string }) {
  const { t } = useI18n();
  const settings = useDashSettings();
  const notify = useNotify();
  const contact = history.contact;
  const [text, setText] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [showClosed, setShowClosed] = useState(false);
  const rows = useMemo(() => concernRows(contact.concerns, today), [contact.concerns, today]);
  const current = rows.filter((r) => r.state !== 'closed');
  const closed = rows.filter((r) => r.state === 'closed');
  const ids = { text: useId(), until: useId() };

  /** Undo puts the list back exactly as it was before the change. */
  const undoTo = (before: Concern[] | undefined) => () =>
    void putConcerns(contact.id, before ?? []);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setErrors({ text: { key: 'err.text' } });
      return;
    }
    setBusy(true);
    const before = contact.concerns;
    const result = await noteConcern(
      contact.id,
      { text, ...(until ? { until } : {}) },
      settings.timeZone,
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setText('');
    setUntil('');
    notify({ text: t('dash.concerns.added'), onUndo: undoTo(before) });
  }

  function close(c: Concern, closedNow: boolean) {
    const before = contact.concerns;
    void setConcernClosed(contact.id, c.id, closedNow, settings.timeZone).then(() =>
      notify({
        text: t(closedNow ? 'dash.concerns.closed' : 'dash.concerns.reopened'),
        onUndo: undoTo(before),
      }),
    );
  }

  function remove(c: Concern) {
    const before = contact.concerns;
    void putConcerns(
      contact.id,
      (before ?? []).filter((k) => k.id !== c.id),
    ).then(() => notify({ text: t('dash.concerns.deleted'), onUndo: undoTo(before) }));
  }

  const item = (r: ConcernRow) => (
    <ConcernItem
      key={r.concern.id}
      row={r}
      onClose={() => close(r.concern, true)}
      onReopen={() => close(r.concern, false)}
      onDelete={() => remove(r.concern)}
    />
  );

  return (
    <Section title={t('dash.concerns.title')} className="concerns-card" testId="concerns">
      <p className="muted small section-lead">{t('dash.concerns.lead')}</p>
      {current.length ? (
        <ul className="concern-list" data-testid="concern-list">
          {current.map(item)}
        </ul>
      ) : (
        <p className="muted empty-line" data-testid="concerns-empty">
          {t('dash.concerns.empty', { name: contact.name })}
        </p>
      )}
      <form className="concern-add" onSubmit={(e) => void add(e)} noValidate>
        <Field id={ids.text} label={t('dash.concerns.text')} error={errors.text}>
          <input
            {...control(ids.text, errors.text)}
            value={text}
            placeholder={t('dash.concerns.textPh')}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
            data-testid="concern-text"
          />
        </Field>
        <Field id={ids.until} label={t('dash.concerns.until')} error={errors.until}>
          <input
            {...control(ids.until, errors.until)}
            type="date"
            value={until}
            min={today}
            onChange={(e) => setUntil(e.target.value)}
            data-testid="concern-until"
          />
        </Field>
        <button type="submit" disabled={busy} data-testid="concern-add">
          {t('dash.concerns.add')}
        </button>
      </form>
      {closed.length > 0 && (
        <div className="concerns-closed">
          <button
            type="button"
            className="link"
            aria-expanded={showClosed}
            onClick={() => setShowClosed((s) => !s)}
            data-testid="concerns-closed-toggle"
          >
            {t('dash.concerns.closedList', { count: closed.length })}
          </button>
          {showClosed && (
            <ul className="concern-list closed-list" data-testid="concern-closed-list">
              {closed.map(item)}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}

/** The occasions attached to the contact's next touch: attach one from here, detach, undo. */
export function BringCard({ history, today }: { history: ContactHistory; today: string }) {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const occasions = useOccasions();
  const contact = history.contact;
  const [choice, setChoice] = useState('');
  const selectId = useId();
  const brought = useMemo(() => broughtOccasionIds(history), [history]);
  const planned = useMemo(
    () => (occasions ? plannedOccasionsOf(contact, occasions) : []),
    [contact, occasions],
  );
  const offer = useMemo(
    () => (occasions ? attachableOccasions(contact, occasions, brought, today) : []),
    [contact, occasions, brought, today],
  );
  const picked = offer.find((o) => o.id === choice) ?? offer[0];

  async function attach() {
    if (!picked) return;
    const ids = await attachTo(picked.id, [contact.id]);
    setChoice('');
    notify({
      text: t('dash.bring.attached', { title: picked.title, name: contact.name }),
      onUndo: () => void detachFrom(picked.id, ids),
    });
  }

  function detach(id: string, title: string) {
    void detachFrom(id, [contact.id]).then(() =>
      notify({
        text: t('dash.occ.detached', { title, name: contact.name }),
        onUndo: () => void attachTo(id, [contact.id]),
      }),
    );
  }

  return (
    <Section title={t('dash.bring.title')} className="bring-card" testId="bring">
      {planned.length ? (
        <ul className="planned-list" data-testid="planned-occasions">
          {planned.map((o) => (
            <li key={o.id} data-testid="planned-occasion">
              <a href={occasionLink(o.id)}>{o.title}</a>{' '}
              <span className="muted small">
                {t(`occasionKind.${o.kind}`)} · {validityText(o, today, t, locale)}
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  className="icon"
                  aria-label={t('dash.bring.remove', { title: o.title })}
                  onClick={() => detach(o.id, o.title)}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted empty-line" data-testid="bring-none">
          {t('dash.bring.none')}
        </p>
      )}
      {occasions && offer.length > 0 ? (
        <div className="bring-attach">
          <label htmlFor={selectId} className="sr-only">
            {t('dash.bring.attach')}
          </label>
          <select
            id={selectId}
            value={picked?.id ?? ''}
            onChange={(e) => setChoice(e.target.value)}
            data-testid="bring-select"
          >
            {offer.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void attach()} data-testid="bring-attach">
            {t('dash.occ.attach')}
          </button>
        </div>
      ) : (
        occasions && (
          <p className="muted small">
            {occasions.length ? '' : `${t('dash.bring.noOccasions')} `}
            <a href="#/occasions">{t('dash.bring.record')}</a>
          </p>
        )
      )}
    </Section>
  );
}

/** "Hat Ihnen 2 Kontakte empfohlen: … (1 davon Kunde, 14.000 EUR Umsatz)", or nothing. */
export function ReferralsLine({ history, now }: { history: ContactHistory; now: Date }) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const referred = history.referred ?? [];
  const figures = useMemo(
    () => (referred.length ? referrerFigures([history], settings, now)[0] : undefined),
    [history, referred.length, settings, now],
  );
  if (!referred.length || !figures) return null;
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const people = [...referred].sort((a, b) => collator.compare(a.contact.name, b.contact.name));
  return (
    <p className="referrals-line" data-testid="referrals">
      {t('dash.referrals.count', { count: referred.length })}{' '}
      {people.map((r, i) => (
        <span key={r.contact.id}>
          {i > 0 && ', '}
          <a href={contactLink(r.contact.id)}>{r.contact.name}</a>
        </span>
      ))}{' '}
      <span className="muted">
        {figures.customers
          ? t('dash.referrals.figures', {
              count: figures.customers,
              amount: formatMoney(locale, figures.revenue),
            })
          : t('dash.referrals.noPurchase')}
      </span>
    </p>
  );
}
