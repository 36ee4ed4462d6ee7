// The popup: today's follow-ups in priority order, find and add contacts, add a follow-up.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { addDays, weekdayOf } from '@/lib/core';
import { translateError } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import {
  CHECK_BACK_DAYS,
  snoozeDays,
  type DoneInput,
  type Undo,
} from '@/lib/ui/popup/agenda-actions';
import { agendaSections } from '@/lib/ui/popup/cards';
import { dayLabel, dueLabel, isOverdue, todayIn } from '@/lib/ui/format';
import {
  askSyncSoon,
  requestFreshDerived,
  useForwardDataChanges,
  useSettings,
} from '@/lib/ui/hooks';
import {
  sortAgenda,
  useAgenda,
  useContactSearch,
  useSyncFailingSince,
  useUpcoming,
  type AgendaRow,
  type AgendaView,
  type SummaryRow,
} from '@/lib/ui/popup/data';
import {
  DuplicateContactError,
  addContact,
  addFollowUp as saveFollowUp,
  completeAgendaItems,
  contactName,
  snoozeAgendaItems,
} from '@/lib/ui/popup/writes';
import { parseWhen } from '@/lib/ui/popup/when';
import { contactHash, dashboardPath } from '@/lib/ui/route';
import { useBackupReminder, useReimportReminder, useWatchDataChanges } from '@/lib/ui/io/data';
import { BackupReminder } from '../io/BackupReminder';
import { ReimportReminder } from '../io/ReimportReminder';
import { I18nProvider, useI18n } from '../I18n';
import { TierBadge } from '../TierBadge';
import { Toast, type ToastMessage } from '../Toast';
import { AgendaCardView } from './AgendaCardView';
import { ContactSearch } from './ContactSearch';
import { FollowUpForm } from './FollowUpForm';
import { QuickAdd, type QuickAddValues } from './QuickAdd';
import './popup.css';

const PAGE = 60;

function openDashboard(hash = '') {
  void browser.tabs.create({ url: browser.runtime.getURL(dashboardPath(hash)) });
}

interface SidePanelApi {
  open(o: { windowId: number }): Promise<void>;
}

function Today({
  settings,
  agenda,
  limit,
  setLimit,
}: {
  settings: Settings;
  agenda: AgendaView | undefined;
  limit: number;
  setLimit(n: number): void;
}) {
  const { t, locale } = useI18n();
  const tz = settings.timeZone;
  const backup = useBackupReminder();
  const reimport = useReimportReminder();
  const today = todayIn(new Date(), tz);
  const upcoming = useUpcoming(today);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const closeToast = useCallback(() => setToast(null), []);
  const [mode, setMode] = useState<'list' | 'add' | 'follow-up'>('list');
  const [addInitial, setAddInitial] = useState<Partial<QuickAddValues>>({});
  const [followUpFor, setFollowUpFor] = useState<SummaryRow>();
  const [error, setError] = useState<string>();
  const [windowId, setWindowId] = useState<number>();
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;

  const syncFailingSince = useSyncFailingSince(new Date());

  useEffect(() => {
    void requestFreshDerived();
    // With sync on, the popup's opening brings what colleagues changed (after the first paint).
    void askSyncSoon();
    void browser.windows?.getCurrent().then((w) => setWindowId(w.id));
    // Opened from the context menu: "#/add?email=…" prefills a new contact.
    const m = /^#\/add\?(.*)$/.exec(location.hash);
    if (m) {
      const p = new URLSearchParams(m[1]);
      setAddInitial({ email: p.get('email') ?? '', name: p.get('name') ?? '' });
      setMode('add');
    }
  }, []);

  const snooze = useMemo(() => ({ ...snoozeDays(today, weekdayOf(today)), today }), [today]);
  const words = useMemo(
    () => ({
      birthday: t('words.birthday'),
      partnerBirthday: t('words.partnerBirthday'),
      feedbackAsked: t('words.feedbackAsked'),
      exitConversation: t('words.exitConversation'),
      complaintResolved: t('words.complaintResolved'),
      replied: t('words.replied'),
      checkBack: t('words.checkBack'),
      referralThanks: t('words.referralThanks'),
      anniversary: t('words.anniversary'),
      congratulation: t('words.congratulation'),
    }),
    [t],
  );

  async function act(run: () => Promise<Undo>, text: string) {
    try {
      const undo = await run();
      setToast({ id: crypto.randomUUID(), text, onUndo: () => void undo() });
    } catch (e) {
      setToast({ id: crypto.randomUUID(), text: translateError(locale, e) });
    }
  }

  const done = (items: AgendaRow[], input: DoneInput) => {
    const name = items[0]?.name ?? '';
    const settled = items.some((i) => i.kind === 'complaint');
    return act(
      () => completeAgendaItems(items, input, words, today, tz),
      settled
        ? t('popup.settledToast', {
            name,
            day: dayLabel(addDays(today, CHECK_BACK_DAYS), locale, tz),
          })
        : t('popup.doneToast', { name }),
    );
  };
  const later = (items: AgendaRow[], until: string) =>
    act(
      () => snoozeAgendaItems(items, until),
      t('popup.snoozedToast', { name: items[0]?.name ?? '', day: dayLabel(until, locale, tz) }),
    );

  async function quickAdd(v: QuickAddValues) {
    setError(undefined);
    try {
      const { contact: c, undo } = await addContact(v);
      setMode('list');
      setToast({
        id: crypto.randomUUID(),
        text: t('popup.addedToast', { name: c.name }),
        onUndo: () => void undo(),
      });
    } catch (e) {
      if (e instanceof DuplicateContactError) {
        const existing = await contactName(e.existingIds[0] ?? '');
        setError(t('panel.duplicateRefused', { name: existing ?? '' }));
      } else setError(translateError(locale, e));
    }
  }

  async function addFollowUp(contact: SummaryRow, due: string, note: string) {
    await act(
      async () => {
        const undo = await saveFollowUp(contact.contactId, due, note);
        setMode('list');
        return undo;
      },
      t('popup.followUpToast', { name: contact.name, day: dayLabel(due, locale, tz) }),
    );
  }

  const copy = async (email: string) => {
    await navigator.clipboard.writeText(email).catch(() => undefined);
    setToast({ id: crypto.randomUUID(), text: t('popup.copied'), ttl: 2500 });
  };

  // Arrow keys move between items (and the search box), as in a list.
  const onListKey = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...document.querySelectorAll<HTMLElement>('[data-testid="agenda-item"]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    e.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  const stale = agenda && agenda.day !== today;
  const rows = useMemo(() => sortAgenda(agenda?.rows ?? [], locale), [agenda, locale]);
  // One card per person, at the place of the person's first item (issue "Rules v2", 2).
  const sections = useMemo(
    () => (agenda ? agendaSections(rows, agenda.counts) : []),
    [rows, agenda],
  );

  return (
    <main className="popup" onKeyDown={onListKey}>
      <header className="popup-header">
        <div>
          <h1>{t('popup.title')}</h1>
          <p className="muted" data-testid="due-count">
            {dayLabel(today, locale, tz)}
            {agenda ? ` · ${t('popup.due', { count: agenda.total })}` : ''}
          </p>
        </div>
        <div className="row">
          {sidePanel && windowId !== undefined && (
            <button type="button" onClick={() => void sidePanel.open({ windowId })}>
              {t('popup.sidePanel')}
            </button>
          )}
          <button type="button" onClick={() => openDashboard()} data-testid="open-dashboard">
            {t('popup.openDashboard')}
          </button>
        </div>
      </header>

      {mode === 'add' ? (
        <QuickAdd
          initial={addInitial}
          onSave={(v) => void quickAdd(v)}
          onCancel={() => setMode('list')}
          error={error}
        />
      ) : mode === 'follow-up' ? (
        <FollowUpForm
          useResults={useContactSearch}
          parseWhen={(w) => parseWhen(w, today)}
          dayLabel={(d) => dayLabel(d, locale, tz)}
          initial={followUpFor}
          onSave={(c, due, note) => void addFollowUp(c, due, note)}
          onCancel={() => setMode('list')}
        />
      ) : (
        <section className="tools">
          <ContactSearch
            useResults={useContactSearch}
            label={t('popup.search')}
            onChoose={(r) => openDashboard(contactHash(r.contactId))}
            onAddNew={(q) => {
              setAddInitial(q.includes('@') ? { email: q } : { name: q });
              setError(undefined);
              setMode('add');
            }}
          />
          <div className="row">
            <button
              type="button"
              onClick={() => {
                setAddInitial({});
                setError(undefined);
                setMode('add');
              }}
              data-testid="new-contact"
            >
              + {t('popup.newContact')}
            </button>
            <button
              type="button"
              onClick={() => {
                setFollowUpFor(undefined);
                setMode('follow-up');
              }}
              data-testid="new-follow-up"
            >
              + {t('popup.newFollowUp')}
            </button>
          </div>
        </section>
      )}

      {backup?.due && (
        <BackupReminder
          daysSinceBackup={backup.daysSinceBackup}
          busy={backup.busy}
          savedFile={backup.lastFile}
          compact
          onBackup={backup.backupNow}
        />
      )}
      {reimport && (
        <ReimportReminder days={reimport.days} compact onImport={() => openDashboard('#/import')} />
      )}
      {syncFailingSince && (
        <div className="io-reminder compact" role="status" data-testid="popup-sync-failing">
          <div className="io-reminder-text">
            <p>{t('popup.syncFailing', { when: dayLabel(syncFailingSince, locale, tz) })}</p>
          </div>
          <button type="button" onClick={() => openDashboard('#/sync')}>
            {t('popup.syncOpen')}
          </button>
        </div>
      )}

      {stale && (
        <p className="muted" role="status">
          {t('popup.refreshing')}
        </p>
      )}

      {!agenda ? (
        <p className="muted">{t('popup.loading')}</p>
      ) : agenda.total === 0 ? (
        <section className="empty-day" data-testid="empty-day">
          <h2>{t('popup.emptyTitle')}</h2>
          {upcoming && upcoming.length > 0 ? (
            <>
              <p className="muted">{t('popup.emptyText')}</p>
              <ul className="upcoming">
                {upcoming.map((s) => (
                  <li key={s.contactId}>
                    <TierBadge tier={s.tier} /> <strong>{s.name}</strong>{' '}
                    <span className="muted">
                      · {s.next ? t(`kind.${s.next.kind}`) : ''} ·{' '}
                      {s.nextDue ? dueLabel(s.nextDue, new Date(), locale, tz) : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('popup.emptyNothing')}</p>
          )}
        </section>
      ) : (
        <div className="agenda" data-testid="agenda">
          {sections.map((g) => (
            <section
              key={g.id}
              className="group"
              aria-labelledby={`g-${g.id}`}
              data-testid={`group-${g.id}`}
            >
              <h2 id={`g-${g.id}`}>
                {t(`group.${g.id}`)} <span className="count">{g.count}</span>
              </h2>
              <ul>
                {g.cards.map((card) => (
                  <AgendaCardView
                    key={card.contactId}
                    card={card}
                    today={today}
                    dueText={(d) => dueLabel(d, new Date(), locale, tz)}
                    overdue={(d) => isOverdue(d, new Date(), tz)}
                    snooze={snooze}
                    onDone={(items, input) => void done(items, input)}
                    onSnooze={(items, until) => void later(items, until)}
                    onOpen={() => openDashboard(contactHash(card.contactId))}
                    onCopy={(email) => void copy(email)}
                  />
                ))}
              </ul>
              {g.more > 0 && g.cards.length > 0 && (
                <p className="muted">{t('popup.groupMore', { count: g.more })}</p>
              )}
            </section>
          ))}
          {rows.length < agenda.total && (
            <button type="button" className="link" onClick={() => setLimit(limit + PAGE)}>
              {t('popup.more', { count: Math.min(PAGE, agenda.total - rows.length) })}
            </button>
          )}
        </div>
      )}
      <Toast toast={toast} onClose={closeToast} />
    </main>
  );
}

export function PopupPage() {
  useForwardDataChanges();
  useWatchDataChanges();
  // Settings and the agenda load side by side: the popup is usable as soon as both are there.
  const settings = useSettings();
  const [limit, setLimit] = useState(PAGE);
  const agenda = useAgenda(limit);
  if (!settings) return null;
  return (
    <I18nProvider locale={settings.locale}>
      <Today settings={settings} agenda={agenda} limit={limit} setLimit={setLimit} />
    </I18nProvider>
  );
}
