// The panel page (injected iframe and the browser's side panel): data only through the background.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PanelPerson, PanelRequest, ReplyError } from '@/lib/messaging';
import { translateError } from '@/lib/i18n';
import { usePanelConnection } from '@/lib/ui/panel/connection';
import { dayNumberFromIso } from '@/lib/core/days';
import { diagnosisReport } from '@/lib/ui/panel/diagnosis';
import type { PanelGuard } from '@/lib/ui/panel/guard';
import {
  dateLabel,
  dayLabel,
  dueLabel,
  isOverdue,
  relativeLabel,
  shortDateLabel,
  todayIn,
} from '@/lib/ui/format';
import { ContactCardView, type ActionResult, type CardDates } from './ContactCardView';
import { I18nProvider, useI18n } from '../I18n';
import { TierBadge } from '../TierBadge';
import { Toast, type ToastMessage } from '../Toast';
import { NameMatch } from './NameMatch';
import { UnknownPerson } from './UnknownPerson';
import { Unreadable } from './Unreadable';
import './panel.css';
import { contactHash, dashboardPath } from '@/lib/ui/route';

/** Who a person is on this page. For someone unknown the name counts too: a single-page app may
 * show the new address before the new name, and the add form must start from what is on screen. */
function personKey(p: PanelPerson, i: number): string {
  if (p.card) return p.card.contact.id;
  const who = p.fromPage.email ?? p.fromPage.profileUrl ?? `${i}`;
  return `${who}|${p.fromPage.name ?? ''}`;
}

function openInDashboard(contactId: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(dashboardPath(contactHash(contactId))) });
}

function Panel({ connection }: { connection: ReturnType<typeof usePanelConnection> }) {
  const { t, locale } = useI18n();
  const { view, request } = connection;
  const [selected, setSelected] = useState<string>();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [answering, setAnswering] = useState(false);
  const closeToast = useCallback(() => setToast(null), []);
  const timeZone = view?.timeZone;
  const notice = connection.notice;
  useEffect(() => {
    if (notice) setToast({ id: notice.id, text: notice.text });
  }, [notice]);

  const dates: CardDates = useMemo(() => {
    const now = new Date();
    return {
      today: todayIn(now, timeZone),
      dayLabel: (d) => dayLabel(d, locale, timeZone),
      date: (d) => dateLabel(d, locale, timeZone),
      relative: (d) => relativeLabel(d, now, locale, timeZone),
      short: (d) => shortDateLabel(d, now, locale, timeZone),
      daysSince: (day) =>
        dayNumberFromIso(todayIn(now, timeZone)) - dayNumberFromIso(day.slice(0, 10)),
      due: (d) =>
        dueLabel(d.length > 10 ? todayIn(new Date(d), timeZone) : d, now, locale, timeZone),
      overdue: (d) => isOverdue(d, now, timeZone),
    };
    // Recomputed with every view so that "today" follows the clock across midnight.
  }, [locale, timeZone, view]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!view) return <p className="muted pad">{t('panel.offline')}</p>;
  // Nobody readable on a thread or profile: say so; a contact known by the page's link stays below.
  const unreadable = view.unreadable && (
    <Unreadable
      report={diagnosisReport({
        diagnosis: view.unreadable,
        context: view.context,
        extension: browser.runtime.getManifest().version,
        userAgent: navigator.userAgent,
      })}
    />
  );
  if (unreadable && !view.people.some((p) => p.card))
    return <main className="panel">{unreadable}</main>;
  if (!view.people.length)
    return (
      <p className="empty" data-testid="no-person">
        {t('panel.noPerson')}
      </p>
    );

  const keys = view.people.map(personKey);
  const current = Math.max(0, selected ? keys.indexOf(selected) : 0);
  const person = view.people[current]!;

  const errorText = (e: ReplyError | undefined) => (e ? translateError(view.locale, e) : '');

  async function send(
    req: PanelRequest,
    done: string,
    undoable: boolean,
    /** What to say when the request changed nothing (the record was there already). */
    unchanged?: string,
  ): Promise<ActionResult> {
    const reply = await request(req);
    if (reply.ok) {
      const created = reply.created;
      const also = reply.also;
      setToast({
        id: crypto.randomUUID(),
        text: unchanged && !created ? unchanged : done,
        onUndo:
          undoable && created
            ? () => void request({ action: 'undo', created, ...(also ? { also } : {}) })
            : undefined,
      });
      return { ok: true };
    }
    if (reply.error?.code === 'logged-today') return { ok: false, ask: true };
    return { ok: false, message: errorText(reply.error) };
  }

  return (
    <main className="panel">
      {unreadable}
      {view.people.length > 1 && (
        <nav aria-label={t('panel.people')} className="people" data-testid="people">
          {view.people.map((p, i) => (
            <button
              key={keys[i]}
              type="button"
              aria-pressed={i === current}
              onClick={() => setSelected(keys[i])}
            >
              {p.card ? p.card.contact.name : (p.fromPage.name ?? p.fromPage.email)}{' '}
              {p.card ? <TierBadge tier={p.card.tier} /> : <span className="muted">+</span>}
            </button>
          ))}
        </nav>
      )}
      {person.card ? (
        <ContactCardView
          key={keys[current]}
          card={person.card}
          dates={dates}
          logChannel={view.logChannel}
          onOpen={() => openInDashboard(person.card!.contact.id)}
          onOpenContact={openInDashboard}
          onLog={({ summary, channel, again, note, broughtOccasionId }) =>
            send(
              {
                action: 'log-contact',
                contactId: person.card!.contact.id,
                summary,
                channel,
                again,
                ...(note ? { channel: note.channel, note: note.note } : {}),
                ...(broughtOccasionId ? { broughtOccasionId } : {}),
              },
              t('panel.logged'),
              true,
            )
          }
          onLogMessage={(message) =>
            send(
              { action: 'log-message', contactId: person.card!.contact.id, message },
              t('panel.messageTaken'),
              true,
              t('panel.messageKnown'),
            )
          }
          onGiven={(given) =>
            send(
              { action: 'log-given', contactId: person.card!.contact.id, ...given },
              t('panel.givenSaved', { what: t(`brought.${given.kind}`) }),
              true,
            )
          }
          onAttach={(occasion) =>
            send(
              {
                action: 'attach-occasion',
                contactId: person.card!.contact.id,
                occasionId: occasion.id,
              },
              t('panel.attached', { title: occasion.title }),
              true,
            )
          }
          onPromise={(text, dueAt) =>
            send(
              { action: 'add-commitment', contactId: person.card!.contact.id, text, dueAt },
              t('panel.promiseSaved'),
              true,
            )
          }
          onFeedback={(f) =>
            send(
              { action: 'add-feedback', contactId: person.card!.contact.id, ...f },
              t('panel.feedbackSaved'),
              true,
            )
          }
          onPosition={(take) => {
            const change = person.card!.positionChange;
            return send(
              {
                action: take ? 'take-position' : 'decline-position',
                contactId: person.card!.contact.id,
                ...(change?.headline ? { headline: change.headline } : {}),
                ...(change?.company ? { company: change.company } : {}),
              },
              t(
                !take
                  ? 'panel.positionDeclined'
                  : change?.replaces
                    ? 'panel.positionTaken'
                    : 'panel.positionFilled',
              ),
              true,
            );
          }}
          onFillFacts={(facts) =>
            send(
              { action: 'fill-facts', contactId: person.card!.contact.id, ...facts },
              t('panel.factsSaved'),
              true,
            )
          }
        />
      ) : person.sameName?.length ? (
        <NameMatch
          key={keys[current]}
          person={person}
          busy={answering}
          onAnswer={async (contact, same) => {
            setAnswering(true);
            const r = await send(
              {
                action: 'confirm-name',
                contactId: contact.id,
                name: person.fromPage.name ?? contact.name,
                same,
              },
              same ? t('panel.sameNameLinked', { name: contact.name }) : t('panel.sameNameDenied'),
              true,
            );
            setAnswering(false);
            if (!r.ok && r.message)
              setToast({ id: crypto.randomUUID(), text: t('panel.error', { message: r.message }) });
            // The confirmed contact's card is the one to see now.
            if (r.ok && same) setSelected(contact.id);
          }}
        />
      ) : (
        <UnknownPerson
          key={keys[current]}
          person={person}
          prefill={{
            company: view.context?.company,
            headline: view.context?.kind === 'profile' ? view.context.headline : undefined,
          }}
          onShow={openInDashboard}
          onAdd={async (draft, force) => {
            const reply = await request({ action: 'add-person', person: draft, force });
            if (reply.ok) {
              const created = reply.created;
              setToast({
                id: crypto.randomUUID(),
                text: t('panel.added', { name: draft.name }),
                onUndo: created ? () => void request({ action: 'undo', created }) : undefined,
              });
              return { ok: true };
            }
            if (reply.error?.code === 'duplicate' && reply.error.existingIds?.[0])
              return {
                ok: false,
                existing: {
                  id: reply.error.existingIds[0],
                  name: reply.error.existingNames?.[0] ?? '',
                },
              };
            return { ok: false, message: errorText(reply.error) };
          }}
          onLink={async (contactId, name) =>
            send(
              { action: 'link-person', contactId, person: person.fromPage },
              t('panel.linked', { name }),
              false,
            )
          }
        />
      )}
      <Toast toast={toast} onClose={closeToast} />
    </main>
  );
}

/** `guard`: the injected panel's key and visibility check (lib/ui/panel/guard.ts). */
export function PanelPage({ guard }: { guard?: PanelGuard }) {
  const connection = usePanelConnection(guard);
  // Until the first view names the user's language, follow the browser.
  const locale =
    connection.view?.locale ?? (navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en');
  return (
    <I18nProvider locale={locale}>
      <Panel connection={connection} />
    </I18nProvider>
  );
}
