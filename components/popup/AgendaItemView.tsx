import { useState, type KeyboardEvent } from 'react';
import { channelName } from '@/lib/i18n';
import type { AgendaRow } from '@/lib/ui/popup/data';
import { profileSite } from '@/lib/model';
import { useI18n } from '../I18n';
import { CopyIcon, MailIcon } from '../Icons';
import { TierBadge } from '../TierBadge';

interface Props {
  item: AgendaRow;
  dueText: string;
  overdue: boolean;
  snooze: { tomorrow: string; nextWeek: string; today: string };
  onDone(text: string): void;
  onSnooze(until: string): void;
  onOpen(): void;
  onCopy(email: string): void;
}

/** One item of today's agenda: who, why, how — and done, later, open, write, profile. */
export function AgendaItemView({
  item,
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
  const [note, setNote] = useState('');
  const [later, setLater] = useState(false);
  const [pick, setPick] = useState('');
  const profiles = item.profileUrls
    .map((u) => [u, profileSite(u)] as const)
    .filter((p): p is readonly [string, 'xing' | 'linkedin'] => p[1] !== null);

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpen(!open);
    }
  };

  return (
    <li
      className={`agenda-item${overdue ? ' overdue' : ''}`}
      data-testid="agenda-item"
      data-kind={item.kind}
      data-contact={item.contactId}
      tabIndex={0}
      aria-expanded={open}
      aria-label={`${item.name}: ${item.reasons[0] ?? ''}`}
      onKeyDown={onKey}
    >
      <div className="item-head" onClick={() => setOpen(!open)}>
        <TierBadge tier={item.tier} />
        <strong className="item-name">{item.name}</strong>
        {item.company && <span className="muted item-company">{item.company}</span>}
        <span className={`item-due${overdue ? ' overdue' : ''}`}>{dueText}</span>
      </div>
      <p className="item-reason">{item.reasons[0]}</p>
      <p className="muted item-channel">
        {t('panel.via', { channel: channelName(locale, item.channel) })}
      </p>
      <div className="item-actions">
        <button
          type="button"
          className="primary"
          onClick={() => onDone(note)}
          data-testid="item-done"
        >
          {item.kind === 'complaint' ? t('popup.resolved') : t('popup.done')}
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
        {item.email && (
          <>
            <a
              className="icon-link"
              href={`mailto:${item.email}`}
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
              onClick={() => onCopy(item.email!)}
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
            onClick={() => onSnooze(snooze.tomorrow)}
            data-testid="snooze-tomorrow"
          >
            {t('popup.tomorrow')}
          </button>
          <button
            type="button"
            onClick={() => onSnooze(snooze.nextWeek)}
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
            onClick={() => onSnooze(pick)}
          >
            OK
          </button>
        </div>
      )}
      {open && (
        <div className="item-details">
          <input
            aria-label={t('popup.doneNote')}
            placeholder={t('popup.doneNote')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onDone(note);
            }}
          />
          {item.reasons.length > 1 && (
            <>
              <h3>{t('popup.why')}</h3>
              <ul>
                {item.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
          {item.talkingPoints.length > 0 && (
            <>
              <h3>{t('popup.talkingPoints')}</h3>
              <ul>
                {item.talkingPoints.map((p) => (
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
