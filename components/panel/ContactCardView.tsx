import { useState, type FormEvent } from 'react';
import { channelName } from '@/lib/i18n';
import type { ContactCard } from '@/lib/messaging';
import { NextTouch } from './NextTouch';
import { SoftFacts } from './SoftFacts';
import { TierBadge } from '../TierBadge';
import { useI18n } from '../I18n';

/** What an action answered: done, needs confirmation, or failed with a message. */
export type ActionResult = { ok: true } | { ok: false; ask?: boolean; message?: string };

export interface CardDates {
  today: string;
  dayLabel(date: string): string;
  relative(date: string): string;
  due(day: string): string;
  overdue(day: string): boolean;
}

interface Props {
  card: ContactCard;
  dates: CardDates;
  onLog(summary: string, again: boolean): Promise<ActionResult>;
  onPromise(text: string, dueAt: string): Promise<ActionResult>;
  onFeedback(f: {
    product?: number;
    service?: number;
    note?: string;
    complaint: boolean;
  }): Promise<ActionResult>;
  onOpen(): void;
}

function Rating({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange(v: number | undefined): void;
}) {
  return (
    <label className="rating">
      {label}
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
      >
        <option value="">–</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Everything the user should know before answering this person, and the one-click actions. */
export function ContactCardView({ card, dates, onLog, onPromise, onFeedback, onOpen }: Props) {
  const { t, locale } = useI18n();
  const c = card.contact;
  const [summary, setSummary] = useState('');
  const [ask, setAsk] = useState(false);
  const [form, setForm] = useState<'none' | 'promise' | 'feedback'>('none');
  const [promiseText, setPromiseText] = useState('');
  const [promiseDue, setPromiseDue] = useState('');
  const [product, setProduct] = useState<number>();
  const [service, setService] = useState<number>();
  const [note, setNote] = useState('');
  const [complaint, setComplaint] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<ActionResult>, after: () => void) {
    setBusy(true);
    setError(undefined);
    const r = await action();
    setBusy(false);
    if (r.ok) after();
    else if (r.ask) setAsk(true);
    else setError(r.message);
  }

  const log = (again: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    void run(
      () => onLog(summary, again),
      () => {
        setSummary('');
        setAsk(false);
      },
    );
  };

  const submitPromise = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => onPromise(promiseText, promiseDue),
      () => {
        setPromiseText('');
        setPromiseDue('');
        setForm('none');
      },
    );
  };

  const submitFeedback = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => onFeedback({ product, service, note: note || undefined, complaint }),
      () => {
        setProduct(undefined);
        setService(undefined);
        setNote('');
        setComplaint(false);
        setForm('none');
      },
    );
  };

  const suggestion = card.suggestion;
  return (
    <article className="contact-card" data-testid="contact-card" aria-label={c.name}>
      <header className="card-head">
        <h2>
          {c.name} <TierBadge tier={card.tier} reason={card.tierReason} />
        </h2>
        {(c.company || c.position) && (
          <p className="muted">{[c.position, c.company].filter(Boolean).join(' · ')}</p>
        )}
        {c.status === 'lost' && (
          <p className="flag">
            {t('panel.lost', { day: c.lost?.at ? dates.dayLabel(c.lost.at) : '' })}
          </p>
        )}
        {c.status === 'prospect' && <p className="muted">{t('panel.prospect')}</p>}
        <p className="tier-reason muted" data-testid="tier-reason">
          {card.tierReason}
        </p>
      </header>

      {card.risks.length > 0 && (
        <section className="warnings" aria-label={t('panel.warnings')} data-testid="warnings">
          {card.risks.map((r) => (
            <p key={r.kind + r.text} className="flag">
              ⚠ {r.text}
            </p>
          ))}
        </section>
      )}

      <NextTouch
        suggestion={suggestion}
        dueText={suggestion ? dates.due(suggestion.due) : ''}
        overdue={!!suggestion && dates.overdue(suggestion.due)}
      />

      <form className="log-form" onSubmit={log(false)}>
        <input
          aria-label={t('panel.summaryPlaceholder')}
          placeholder={t('panel.summaryPlaceholder')}
          value={summary}
          maxLength={500}
          onChange={(e) => setSummary(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy} data-testid="log-contact">
          {t('panel.log')}
        </button>
      </form>
      {ask && (
        <div className="ask" role="alertdialog" aria-label={t('panel.loggedTodayAsk')}>
          <p>{t('panel.loggedTodayAsk')}</p>
          <button type="button" onClick={log(true)} data-testid="log-again">
            {t('panel.logAgain')}
          </button>{' '}
          <button type="button" onClick={() => setAsk(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <div className="quick-actions">
        <button
          type="button"
          aria-expanded={form === 'promise'}
          onClick={() => setForm(form === 'promise' ? 'none' : 'promise')}
          data-testid="open-promise"
        >
          + {t('panel.promise')}
        </button>
        <button
          type="button"
          aria-expanded={form === 'feedback'}
          onClick={() => setForm(form === 'feedback' ? 'none' : 'feedback')}
          data-testid="open-feedback"
        >
          + {t('panel.feedback')}
        </button>
        <button type="button" className="link" onClick={onOpen}>
          {t('panel.openInDashboard')}
        </button>
      </div>
      {form === 'promise' && (
        <form className="mini-form" onSubmit={submitPromise} data-testid="promise-form">
          <input
            required
            autoFocus
            aria-label={t('panel.promiseText')}
            placeholder={t('panel.promiseText')}
            value={promiseText}
            onChange={(e) => setPromiseText(e.target.value)}
          />
          <label>
            {t('panel.promiseDue')}{' '}
            <input
              type="date"
              required
              value={promiseDue}
              onChange={(e) => setPromiseDue(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </form>
      )}
      {form === 'feedback' && (
        <form className="mini-form" onSubmit={submitFeedback} data-testid="feedback-form">
          <Rating label={t('panel.feedbackProduct')} value={product} onChange={setProduct} />
          <Rating label={t('panel.feedbackService')} value={service} onChange={setService} />
          <input
            aria-label={t('panel.feedbackNote')}
            placeholder={t('panel.feedbackNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <label>
            <input
              type="checkbox"
              checked={complaint}
              onChange={(e) => setComplaint(e.target.checked)}
            />{' '}
            {t('panel.complaint')}
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t('panel.error', { message: error })}
        </p>
      )}

      {card.openCommitments.length > 0 && (
        <section aria-label={t('panel.openPromises')} data-testid="open-promises">
          <h3>{t('panel.openPromises')}</h3>
          <ul className="promises">
            {card.openCommitments.map((p) => (
              <li key={p.id} className={dates.overdue(p.dueAt) ? 'overdue' : ''}>
                {p.text} <span className="muted">— {dates.due(p.dueAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label={t('panel.lastContact')} data-testid="last-contact">
        <h3>{t('panel.lastContact')}</h3>
        {card.lastPersonal ? (
          <p>
            {dates.relative(card.lastPersonal.at)} ({dates.dayLabel(card.lastPersonal.at)}),{' '}
            {channelName(locale, card.lastPersonal.channel)}
            {card.lastPersonal.summary ? `: ${card.lastPersonal.summary}` : ''}
          </p>
        ) : (
          <p className="muted">{t('panel.noLastContact')}</p>
        )}
      </section>

      <SoftFacts contact={c} today={dates.today} />

      {card.reliability && (
        <p className="reliability muted" data-testid="reliability">
          {t('panel.reliability')}: {card.reliability}
        </p>
      )}
    </article>
  );
}
