import { useRef, useState, type KeyboardEvent } from 'react';
import { channelName } from '@/lib/i18n';
import { profileSite } from '@/lib/model';
import type { DoneInput } from '@/lib/ui/popup/agenda-actions';
import { bringPointOf, doneFormOf, type AgendaCard } from '@/lib/ui/popup/cards';
import type { AgendaRow } from '@/lib/ui/popup/data';
import { useI18n } from '../I18n';
import { CopyIcon, MailIcon } from '../Icons';
import { TierBadge } from '../TierBadge';
import { DoneForm } from './DoneForm';

interface Props {
  card: AgendaCard;
  today: string;
  dueText(day: string): string;
  overdue(day: string): boolean;
  snooze: { tomorrow: string; nextWeek: string; today: string };
  /** Done on some of the card's items (one part, or all of them as one conversation). */
  onDone(items: AgendaRow[], input: DoneInput): void;
  onSnooze(items: AgendaRow[], until: string): void;
  onOpen(): void;
  onCopy(email: string): void;
}

const unique = (texts: string[]) => [...new Set(texts)];

/**
 * One person of today's agenda: who, why, how — and done, later, open, write, profile. Several
 * items of the same person are one card, one conversation: "Anruf bei Günter Hofmann: 1) … 2) …",
 * each part done on its own or all at once.
 */
export function AgendaCardView({
  card,
  today,
  dueText,
  overdue,
  snooze,
  onDone,
  onSnooze,
  onOpen,
  onCopy,
}: Props) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [line, setLine] = useState('');
  const [later, setLater] = useState(false);
  const [pick, setPick] = useState('');
  /** The form "done" opened: for the whole card, or for one part (its row id). */
  const [form, setForm] = useState<{ target: 'card' | string } | null>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const items = card.items;
  const first = items[0]!;
  const many = items.length > 1;
  const late = overdue(first.due);
  const profiles = first.profileUrls
    .map((u) => [u, profileSite(u)] as const)
    .filter((p): p is readonly [string, 'xing' | 'linkedin'] => p[1] !== null);
  const cardForm = doneFormOf(items);
  const quick = !cardForm.note && !cardForm.settle;

  // The form's items: all of the card's, or the one part (gone once done elsewhere).
  const formItems =
    form?.target === 'card' ? items : items.filter((i) => i.id === form?.target).slice(0, 1);

  const done = (target: 'card' | AgendaRow) => {
    const chosen = target === 'card' ? items : [target];
    const f = doneFormOf(chosen);
    if (f.note || f.settle) setForm({ target: target === 'card' ? 'card' : target.id });
    else onDone(chosen, { note: { summary: line } });
  };
  const closeForm = () => {
    setForm(null);
    doneButton.current?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpen(!open);
    }
  };

  const doneLabel = many
    ? t('popup.allDone')
    : first.kind === 'complaint'
      ? t('popup.resolved')
      : t('popup.done');
  // What this touch brings stands on the card; the talking points do not repeat it.
  const bring = bringPointOf(items, locale);
  const talkingPoints = unique(items.flatMap((i) => i.talkingPoints)).filter((p) => p !== bring);

  return (
    <li
      className={`agenda-item${late ? ' overdue' : ''}${many ? ' agenda-card' : ''}`}
      data-testid="agenda-item"
      data-kind={first.kind}
      data-contact={card.contactId}
      tabIndex={0}
      aria-expanded={open}
      aria-label={
        many
          ? `${first.name}: ${t('popup.topics', { count: items.length })}`
          : `${first.name}: ${first.reasons[0] ?? ''}`
      }
      onKeyDown={onKey}
    >
      <div className="item-head" onClick={() => setOpen(!open)}>
        <TierBadge tier={first.tier} />
        {many && <span className="card-call">{t(`popup.with.${first.channel}`)}</span>}
        <strong className="item-name">{first.name}</strong>
        {first.company && <span className="muted item-company">{first.company}</span>}
        <span className={`item-due${late ? ' overdue' : ''}`}>{dueText(first.due)}</span>
      </div>
      {many ? (
        <ol className="card-parts">
          {items.map((part) => (
            <li
              key={part.id}
              className={`agenda-part${overdue(part.due) ? ' overdue' : ''}`}
              data-testid="agenda-part"
              data-kind={part.kind}
            >
              <span className="part-text">
                {part.reasons[0]}{' '}
                <span className="muted part-meta">
                  ({t(`kind.${part.kind}`)} · {dueText(part.due)}
                  {part.channel !== first.channel &&
                    ` · ${t('panel.via', { channel: channelName(locale, part.channel) })}`}
                  )
                </span>
              </span>
              <button
                type="button"
                className="part-done"
                onClick={() => done(part)}
                aria-label={t('popup.partDone', { what: t(`kind.${part.kind}`) })}
                title={t('popup.partDone', { what: t(`kind.${part.kind}`) })}
                data-testid="part-done"
              >
                {part.kind === 'complaint' ? t('popup.resolved') : t('popup.done')}
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="item-reason">{first.reasons[0]}</p>
      )}
      {bring && (
        <p className="item-bring" data-testid="item-bring">
          {bring}
        </p>
      )}
      {!many && (
        <p className="muted item-channel">
          {t('panel.via', { channel: channelName(locale, first.channel) })}
        </p>
      )}
      <div className="item-actions">
        <button
          ref={doneButton}
          type="button"
          className="primary"
          aria-expanded={cardForm.note || cardForm.settle ? form?.target === 'card' : undefined}
          onClick={() => done('card')}
          data-testid="item-done"
        >
          {doneLabel}
        </button>
        <button
          type="button"
          aria-expanded={later}
          onClick={() => setLater(!later)}
          data-testid="item-later"
        >
          {t('popup.later')}
        </button>
        <button type="button" onClick={onOpen} data-testid="item-open">
          {t('popup.open')}
        </button>
        {first.email && (
          <>
            <a
              className="icon-link"
              href={`mailto:${first.email}`}
              target="_blank"
              rel="noreferrer"
              title={t('popup.writeMail')}
              aria-label={t('popup.writeMail')}
            >
              <MailIcon />
            </a>
            <button
              type="button"
              className="icon-button"
              title={t('popup.copyEmail')}
              aria-label={t('popup.copyEmail')}
              onClick={() => onCopy(first.email!)}
            >
              <CopyIcon />
            </button>
          </>
        )}
        {profiles.map(([url, site]) => (
          <a
            key={url}
            className="icon-link"
            href={url}
            target="_blank"
            rel="noreferrer"
            aria-label={t('popup.profile', { site: site === 'xing' ? 'XING' : 'LinkedIn' })}
            title={t('popup.profile', { site: site === 'xing' ? 'XING' : 'LinkedIn' })}
          >
            {site === 'xing' ? 'X' : 'in'}
          </a>
        ))}
      </div>
      {later && (
        <div className="later-menu" role="group" aria-label={t('popup.later')}>
          <button
            type="button"
            onClick={() => onSnooze(items, snooze.tomorrow)}
            data-testid="snooze-tomorrow"
          >
            {t('popup.tomorrow')}
          </button>
          <button
            type="button"
            onClick={() => onSnooze(items, snooze.nextWeek)}
            data-testid="snooze-next-week"
          >
            {t('popup.nextWeek')}
          </button>
          <label>
            <span className="sr-only">{t('popup.pickDate')}</span>
            <input
              type="date"
              min={snooze.tomorrow}
              value={pick}
              onChange={(e) => setPick(e.target.value)}
              aria-label={t('popup.pickDate')}
            />
          </label>
          <button
            type="button"
            disabled={!pick || pick <= snooze.today}
            onClick={() => onSnooze(items, pick)}
          >
            OK
          </button>
        </div>
      )}
      {form && formItems.length > 0 && (
        <DoneForm
          key={form.target}
          form={doneFormOf(formItems)}
          today={today}
          summary={line}
          submit={
            form.target === 'card'
              ? doneLabel
              : formItems[0]!.kind === 'complaint'
                ? t('popup.resolved')
                : t('popup.done')
          }
          onSave={(input) => {
            setForm(null);
            onDone(formItems, input);
          }}
          onCancel={closeForm}
        />
      )}
      {open && (
        <div className="item-details">
          {quick && (
            <input
              aria-label={t('popup.doneNote')}
              placeholder={t('popup.doneNote')}
              value={line}
              maxLength={500}
              onChange={(e) => setLine(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onDone(items, { note: { summary: line } });
              }}
            />
          )}
          {items.some((i) => i.reasons.length > 1) && (
            <>
              <h3>{t('popup.why')}</h3>
              <ul>
                {unique(items.flatMap((i) => i.reasons)).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
          {talkingPoints.length > 0 && (
            <>
              <h3>{t('popup.talkingPoints')}</h3>
              <ul>
                {talkingPoints.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </li>
  );
}
