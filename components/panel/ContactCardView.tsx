import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { channelName, formatCents } from '@/lib/i18n';
import type { CardOccasion, ContactCard } from '@/lib/messaging';
import type { AfterCallNote, Channel } from '@/lib/model';
import { capitalize } from '@/lib/ui/format';
import { referralsText } from '@/lib/ui/panel/referrals';
import { defaultPromiseDue, emptyNoteDraft, noteFromDraft, type NoteDraft } from '@/lib/ui/note';
import { BringSection } from './Bring';
import { GivenForm, type Given } from './GivenForm';
import { NextTouch } from './NextTouch';
import { MissingFacts, PositionOffer, type FactsInput } from './PageFacts';
import { SoftFacts } from './SoftFacts';
import { AfterCallFields } from '../AfterCallFields';
import { SatisfactionScale } from '../SatisfactionScale';
import { TierBadge } from '../TierBadge';
import { useI18n } from '../I18n';

/** What an action answered: done, needs confirmation, or failed with a message. */
export type ActionResult = { ok: true } | { ok: false; ask?: boolean; message?: string };

export interface CardDates {
  today: string;
  dayLabel(date: string): string;
  /** The date without the weekday ("12.10.2026"). */
  date(date: string): string;
  relative(date: string): string;
  due(day: string): string;
  overdue(day: string): boolean;
}

/** An after-call note from the log form: the conversation's channel and what the note says. */
export interface LogNote {
  channel: Channel;
  note: AfterCallNote;
}

/** What "Kontakt festhalten" sends. */
export interface LogInput {
  summary: string;
  /** Log although this thread was logged today already. */
  again: boolean;
  note?: LogNote;
  /** The attached occasion the user ticked as brought in this conversation. */
  broughtOccasionId?: string;
}

interface Props {
  card: ContactCard;
  dates: CardDates;
  /** The channel a contact logged on this page goes on (the note can say it was a call). */
  logChannel: Channel;
  onLog(input: LogInput): Promise<ActionResult>;
  /** "+ Tipp/Gefallen": something given without selling. */
  onGiven(given: Given): Promise<ActionResult>;
  /** "Vormerken": attach a fitting occasion to the next touch. */
  onAttach(occasion: CardOccasion): Promise<ActionResult>;
  onPromise(text: string, dueAt: string): Promise<ActionResult>;
  onFeedback(f: {
    product?: number;
    service?: number;
    note?: string;
    complaint: boolean;
  }): Promise<ActionResult>;
  /** "Übernehmen" / "Nein, stimmt nicht" on the position the person's profile shows. */
  onPosition(take: boolean): Promise<ActionResult>;
  /** The facts the advice needs, filled in on the card. */
  onFillFacts(facts: FactsInput): Promise<ActionResult>;
  onOpen(): void;
  /** Open another contact (the one who recommended this one) in the dashboard. */
  onOpenContact(contactId: string): void;
}

/** Everything the user should know before answering this person, and the one-click actions. */
/** A conversation logged here: on the page's channel, or by phone, in a meeting, on a visit. */
function noteChannels(logChannel: Channel): Channel[] {
  return [...new Set<Channel>([logChannel, 'phone', 'meeting', 'visit'])];
}

export function ContactCardView({
  card,
  dates,
  logChannel,
  onLog,
  onPromise,
  onFeedback,
  onGiven,
  onAttach,
  onPosition,
  onFillFacts,
  onOpen,
  onOpenContact,
}: Props) {
  const { t, locale } = useI18n();
  const c = card.contact;
  const [summary, setSummary] = useState('');
  const [noteOpen, setNoteOpen] = useState(false);
  const [draft, setDraft] = useState<NoteDraft>(() => emptyNoteDraft());
  const [channel, setChannel] = useState<Channel>(logChannel);
  const patchDraft = (p: Partial<NoteDraft>) => setDraft((n) => ({ ...n, ...p }));
  const noteToggle = useRef<HTMLButtonElement>(null);
  const closeNote = () => {
    setNoteOpen(false);
    noteToggle.current?.focus();
  };
  const [ask, setAsk] = useState(false);
  const [form, setForm] = useState<'none' | 'promise' | 'feedback' | 'given'>('none');
  const givenToggle = useRef<HTMLButtonElement>(null);
  const [broughtTicked, setBroughtTicked] = useState(false);
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

  const suggestion = card.suggestion;
  // The occasion the next touch brings, else the first one attached: what "brought" can tick.
  const carried = card.planned.find((o) => o.id === suggestion?.occasionId);
  const bringable = carried ?? card.planned[0];

  const log = (again: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    // "Neues Thema?" stands in the log form itself: typed without the note, it is the whole note.
    const concern = draft.concern.trim();
    const withNote = noteOpen
      ? { channel, note: noteFromDraft({ ...draft, summary }) }
      : concern
        ? { channel: logChannel, note: { concern } }
        : undefined;
    const broughtOccasionId = broughtTicked && bringable ? bringable.id : undefined;
    void run(
      () =>
        onLog({
          summary,
          again,
          ...(withNote ? { note: withNote } : {}),
          ...(broughtOccasionId ? { broughtOccasionId } : {}),
        }),
      () => {
        setSummary('');
        setAsk(false);
        setDraft(emptyNoteDraft());
        setNoteOpen(false);
        setChannel(logChannel);
        setBroughtTicked(false);
      },
    );
  };
  const closeGiven = () => {
    setForm('none');
    givenToggle.current?.focus();
  };
  const submitGiven = (given: Given) => void run(() => onGiven(given), closeGiven);
  const attach = (o: CardOccasion) =>
    void run(
      () => onAttach(o),
      () => undefined,
    );
  // Escape in the note closes it (what was typed into the summary stays).
  const onLogKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape' || !noteOpen) return;
    e.preventDefault();
    e.stopPropagation();
    closeNote();
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

  // Today's items of this person besides the next touch: one conversation covers them all.
  const showToday =
    card.today.length > 1 || (card.today.length === 1 && card.today[0]!.kind !== suggestion?.kind);
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
        {(card.referredBy || card.referrals) && (
          <p className="referral" data-testid="referral">
            {card.referredBy && (
              <span data-testid="referred-by">
                {t('panel.referredBy')}{' '}
                <button
                  type="button"
                  className="link inline"
                  onClick={() => onOpenContact(card.referredBy!.id)}
                >
                  {card.referredBy.name}
                </button>
              </span>
            )}
            {card.referrals && (
              <span data-testid="referrals">
                {referralsText(t, card.referrals, (cents) => formatCents(locale, cents))}
              </span>
            )}
          </p>
        )}
      </header>

      {card.positionChange && (
        <PositionOffer
          change={card.positionChange}
          busy={busy}
          onTake={() =>
            void run(
              () => onPosition(true),
              () => undefined,
            )
          }
          onDecline={() =>
            void run(
              () => onPosition(false),
              () => undefined,
            )
          }
        />
      )}

      {card.concerns.length > 0 && (
        <section className="concerns" aria-label={t('panel.concerns')} data-testid="concerns">
          <h3>{t('panel.concerns')}</h3>
          <ul>
            {card.concerns.map((k) => (
              <li key={k.id}>
                {k.text}{' '}
                <span className="muted">
                  · {t('panel.concernNoted', { day: dates.date(k.notedAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

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
        bring={carried}
        dueText={suggestion ? dates.due(suggestion.due) : ''}
        overdue={!!suggestion && dates.overdue(suggestion.due)}
      />

      {showToday && (
        <section aria-label={t('panel.todayItems')} data-testid="today-items">
          <h3>{t('panel.todayItems')}</h3>
          <ol className="today-items">
            {card.today.map((item) => (
              <li
                key={item.kind}
                data-kind={item.kind}
                className={dates.overdue(item.due) ? 'overdue' : undefined}
              >
                <strong>{t(`kind.${item.kind}`)}</strong>{' '}
                <span className="muted">
                  · {dates.due(item.due)} ·{' '}
                  {t('panel.via', { channel: channelName(locale, item.channel) })}
                </span>
                {/* The next touch's reasons stand above; the others say theirs here. */}
                {item.kind !== suggestion?.kind && item.reasons[0] && (
                  <span className="today-reason">{item.reasons[0]}</span>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      <BringSection
        card={card}
        carriedId={carried?.id}
        dateLabel={dates.date}
        busy={busy}
        onAttach={attach}
      />

      <form className="log-note" onSubmit={log(false)} onKeyDown={onLogKey}>
        <div className="log-form">
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
        </div>
        <label className="log-concern">
          <span>{t('note.concern')}</span>
          <input
            value={draft.concern}
            maxLength={300}
            placeholder={t('note.concernExample')}
            onChange={(e) => patchDraft({ concern: e.target.value })}
            data-testid="log-concern"
          />
        </label>
        {bringable && (
          <label className="check brought-tick">
            <input
              type="checkbox"
              checked={broughtTicked}
              onChange={(e) => setBroughtTicked(e.target.checked)}
              data-testid="brought-tick"
            />
            {t('panel.broughtOccasion', { title: bringable.title })}
          </label>
        )}
        {noteOpen && (
          <div
            className="mini-form note-fields"
            role="group"
            aria-label={t('note.title')}
            data-testid="after-call-note"
          >
            <label>
              {t('panel.noteChannel')}
              <select
                autoFocus
                value={channel}
                onChange={(e) => setChannel(e.target.value as Channel)}
              >
                {noteChannels(logChannel).map((ch) => (
                  <option key={ch} value={ch}>
                    {capitalize(channelName(locale, ch))}
                  </option>
                ))}
              </select>
            </label>
            <AfterCallFields
              draft={draft}
              onChange={patchDraft}
              promiseDefaultDue={defaultPromiseDue(dates.today)}
              concernField={false}
            />
            <p className="muted small">{t('note.hint')}</p>
            <div className="row">
              <button type="submit" className="primary" disabled={busy} data-testid="note-save">
                {t('note.save')}
              </button>
              <button type="button" onClick={closeNote}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
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
          ref={noteToggle}
          type="button"
          aria-expanded={noteOpen}
          onClick={() => setNoteOpen(!noteOpen)}
          data-testid="open-note"
        >
          + {t('panel.noteOpen')}
        </button>
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
        <button
          ref={givenToggle}
          type="button"
          aria-expanded={form === 'given'}
          onClick={() => setForm(form === 'given' ? 'none' : 'given')}
          data-testid="open-given"
        >
          + {t('panel.given')}
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
          <SatisfactionScale
            legend={t('note.product')}
            value={product}
            onChange={setProduct}
            testId="scale-product"
          />
          <SatisfactionScale
            legend={t('note.service')}
            value={service}
            onChange={setService}
            testId="scale-service"
          />
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
      {form === 'given' && (
        <GivenForm logChannel={logChannel} busy={busy} onSave={submitGiven} onCancel={closeGiven} />
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
      {card.missing && card.missing.length > 0 && (
        <MissingFacts missing={card.missing} busy={busy} onSave={onFillFacts} />
      )}

      {card.reliability && (
        <p className="reliability muted" data-testid="reliability">
          {t('panel.reliability')}: {card.reliability}
        </p>
      )}
    </article>
  );
}
