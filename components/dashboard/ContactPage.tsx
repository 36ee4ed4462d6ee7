import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { reliabilityRecord } from '@/lib/core';
import { todayIn } from '@/lib/ui/format';
import { channelName, translateError } from '@/lib/i18n';
import { historyOf, type Contact, type ContactHistory } from '@/lib/model';
import {
  CONTACT_FIELD_LABELS,
  contactFieldOf,
  contactToForm,
  checkContact,
  formValueText,
  mergeContactForms,
  sameForm,
  type ContactForm,
  type FieldErrors,
} from '@/lib/ui/dashboard/form';
import {
  HISTORY_TABLES,
  deletePerson,
  deleteTimelineRecord,
  downloadText,
  exportFileName,
  personExport,
  restoreHistories,
  restoreTimelineRecord,
  saveContact,
  saveTimelineRecord,
  useHistory,
  useNow,
  useSummary,
  type SummaryRow,
} from '@/lib/ui/dashboard/data';
import {
  formToRecord,
  recordCounts,
  timelineOf,
  type TimelineEntry,
} from '@/lib/ui/dashboard/timeline';
import { setLeaveGuard, useLeaveGuard, type LeaveGuard } from '@/lib/ui/dashboard/guarded-route';
import { dueLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { TierBadge } from '../TierBadge';
import { BringCard, ConcernsCard, ReferralsLine } from './ContactBring';
import { ContactEditor } from './ContactEditor';
import { LostCard, type LostPatch } from './LostCard';
import { Timeline, type TimelineHandlers } from './Timeline';
import type { PageProps } from './page-props';
import { Dialog, SaveBar, Section, useDashSettings, useNotify } from './ui';
import { contactHash } from '@/lib/ui/route';
import { ContactMerged, ContactSpace } from './ContactSpace';

function NextTouchCard({ summary, now }: { summary: SummaryRow; now: Date }) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const next = summary.next;
  const overdue = !!next && next.due < todayIn(now, settings.timeZone);
  return (
    <Section
      title={t('dash.contact.next')}
      className={`next-card${overdue ? ' overdue' : ''}`}
      testId="next-touch"
    >
      {next ? (
        <div data-kind={next.kind}>
          <p className="next-head">
            <strong>{t(`kind.${next.kind}`)}</strong>{' '}
            <span className="muted">
              {t('panel.via', { channel: channelName(locale, next.channel) })} ·{' '}
            </span>
            <span className={overdue ? 'warn-text' : 'muted'}>
              {dueLabel(next.due, now, locale, settings.timeZone)}
            </span>
          </p>
          <ul className="reasons">
            {next.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {next.talkingPoints.length > 0 && (
            <details>
              <summary>{t('panel.talkingPoints')}</summary>
              <ul className="talking-points">
                {next.talkingPoints.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ) : (
        <p className="muted">{t('panel.noTouch')}</p>
      )}
    </Section>
  );
}

/** Fields both the editor and another writer changed: named with the stored value, one click each. */
function ConflictNote({
  name,
  conflicts,
  onTake,
}: {
  name: string;
  conflicts: { key: keyof ContactForm; stored: ContactForm[keyof ContactForm] }[];
  onTake: (key: keyof ContactForm) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="card conflict-note" role="alert" data-testid="edit-conflict">
      <p>
        <strong>{t('dash.conflict.title', { name })}</strong>
      </p>
      <p>{t('dash.conflict.lead')}</p>
      <ul>
        {conflicts.map((c) => {
          const field = t(CONTACT_FIELD_LABELS[c.key]);
          return (
            <li key={c.key}>
              {t('dash.conflict.row', { field, value: formValueText(c.stored) })}{' '}
              <button
                type="button"
                aria-label={t('dash.conflict.takeLabel', { field })}
                onClick={() => onTake(c.key)}
              >
                {t('dash.conflict.take')}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t('dash.conflict.hint')}</p>
    </div>
  );
}

function DeleteDialog({
  history,
  onConfirm,
  onClose,
}: {
  history: ContactHistory;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const counts = recordCounts(history);
  const parts = HISTORY_TABLES.filter((k) => counts[k] > 0).map((k) =>
    t(`dash.count.${k}`, { count: counts[k] }),
  );
  return (
    <Dialog
      open
      alert
      title={t('dash.delete.title', { name: history.contact.name })}
      onClose={onClose}
      testId="delete-dialog"
    >
      <p>{t('dash.delete.lead', { name: history.contact.name })}</p>
      <p data-testid="delete-what">
        <strong>{parts.length ? parts.join(', ') : t('dash.delete.nothingElse')}</strong>
      </p>
      <p className="muted small">{t('dash.delete.hint')}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="danger-solid"
          onClick={onConfirm}
          data-testid="delete-confirm"
        >
          {t('dash.delete.confirm')}
        </button>
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

export function ContactPage({ contactId, go }: PageProps & { contactId: string }) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const notify = useNotify();
  const now = useNow();
  const today = todayIn(now, settings.timeZone);
  const history = useHistory(contactId);
  const summary = useSummary(contactId);
  // What this page just saved, until the live query brings it back (no flash of the old values).
  const [lastSaved, setLastSaved] = useState<Contact | null>(null);
  const live = history?.contact;
  const contact =
    lastSaved && live && lastSaved.id === live.id && lastSaved.updatedAt > live.updatedAt
      ? lastSaved
      : live;

  const saved = useMemo(() => (contact ? contactToForm(contact, locale) : null), [contact, locale]);
  const [draft, setDraft] = useState<ContactForm | null>(null);
  // The version of the contact the draft started from: saving checks it is still the stored one.
  const [draftBase, setDraftBase] = useState<Contact | null>(null);
  const [conflicts, setConflicts] = useState<
    { key: keyof ContactForm; stored: ContactForm[keyof ContactForm] }[]
  >([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string>();
  const [duplicates, setDuplicates] = useState<{ id: string; name: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const form = draft ?? saved;
  const dirty = !!draft && !!saved && !sameForm(draft, saved);

  const set = useCallback(
    <K extends keyof ContactForm>(key: K, value: ContactForm[K]) => {
      setDraftBase((b) => b ?? contact ?? null);
      setDraft((d) => ({ ...(d ?? saved!), [key]: value }));
    },
    [saved, contact],
  );

  const save = useCallback(async (): Promise<boolean> => {
    if (!contact || !form) return false;
    // Saved elsewhere meanwhile (the panel linked an e-mail, another tab saved): merge field by
    // field and save again; fields both sides changed are shown, and the user decides (issue 15).
    let before = draftBase ?? contact;
    let mine = form;
    for (let attempt = 0; ; attempt++) {
      const checked = checkContact(before, mine, locale);
      setErrors(checked.errors);
      setDuplicates([]);
      if (Object.keys(checked.errors).length) return false;
      setSaving(true);
      const result = await saveContact(before.id, checked.patch, contactFieldOf, before.updatedAt);
      setSaving(false);
      if (!result.ok && result.changed && attempt < 3) {
        const stored = contactToForm(result.changed, locale);
        const merge = mergeContactForms(contactToForm(before, locale), mine, stored);
        before = result.changed;
        mine = merge.form;
        setDraftBase(before);
        setDraft(mine);
        if (merge.conflicts.length) {
          setConflicts(merge.conflicts.map((key) => ({ key, stored: stored[key] })));
          return false;
        }
        continue;
      }
      setSaveError(result.ok || !result.error ? undefined : translateError(locale, result.error));
      if (!result.ok) {
        setErrors(result.errors);
        setDuplicates(result.duplicates ?? []);
        return false;
      }
      setLastSaved(result.value);
      setDraft(null);
      setDraftBase(null);
      setConflicts([]);
      const replaced = before;
      notify({
        text: t('dash.contact.saved', { name: result.value.name }),
        onUndo: () => {
          // The restored contact is older than the copy kept above: stop preferring that copy.
          setLastSaved(null);
          void restoreHistories([historyOf(replaced)]);
        },
      });
      return true;
    }
  }, [contact, draftBase, form, locale, notify, t]);

  // Leaving with unsaved changes asks first (the guard's save is always the latest).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const guard = useMemo<LeaveGuard | null>(
    () => (dirty ? { what: contact?.name ?? '', save: () => saveRef.current() } : null),
    [dirty, contact?.name],
  );
  useLeaveGuard(guard);

  if (history === undefined) return <main className="muted">{t('common.loading')}</main>;
  if (history === null || !contact || !form)
    return (
      <main className="card empty-state" data-testid="contact-missing">
        <p>{t('dash.contact.missing')}</p>
        <a href="#/contacts">{t('dash.contact.back')}</a>
      </main>
    );

  const entries = timelineOf(history, settings.timeZone);
  const tier = summary?.tier ?? contact.tierOverride ?? 'C';
  const reliability = reliabilityRecord(history, settings, now);

  const timelineHandlers: TimelineHandlers = {
    async onSave(recordForm, original) {
      const { record, errors: formErrors } = formToRecord(recordForm, {
        contactId: contact.id,
        original,
        now: new Date(),
        locale,
        timeZone: settings.timeZone,
      });
      if (Object.keys(formErrors).length) return formErrors;
      const result = await saveTimelineRecord(recordForm.table, record);
      if (!result.ok) return result.errors;
      const kind = t(`dash.kind.${recordForm.table}`);
      const { saved: row, before } = result.value;
      notify({
        text: t(before ? 'dash.timeline.updated' : 'dash.timeline.added', { kind }),
        onUndo: () =>
          void (before
            ? restoreTimelineRecord(recordForm.table, before)
            : deleteTimelineRecord(recordForm.table, row.id)),
      });
      return null;
    },
    onDelete(entry) {
      void deleteTimelineRecord(entry.table, entry.id).then((row) => {
        if (!row) return;
        notify({
          text: t('dash.timeline.deleted', { kind: t(`dash.kind.${entry.table}`) }),
          onUndo: () => void restoreTimelineRecord(entry.table, row),
        });
      });
    },
    onDone(entry: TimelineEntry) {
      const stamp = new Date().toISOString();
      const patched =
        entry.table === 'feedback'
          ? { ...entry.record, resolvedAt: stamp }
          : { ...entry.record, doneAt: stamp };
      void saveTimelineRecord(entry.table, patched).then((result) => {
        if (!result.ok) return;
        notify({
          text: t(entry.table === 'feedback' ? 'dash.timeline.resolved' : 'dash.timeline.done'),
          onUndo: () => void restoreTimelineRecord(entry.table, entry.record),
        });
      });
    },
  };

  async function saveLost(lost: LostPatch, message: string): Promise<FieldErrors | null> {
    const before = contact!;
    const result = await saveContact(before.id, { status: 'lost', lost }, contactFieldOf);
    if (!result.ok) return result.errors;
    setDraft((d) => (d ? { ...d, status: 'lost' } : d));
    notify({ text: message, onUndo: () => void restoreHistories([historyOf(before)]) });
    return null;
  }

  async function reactivate() {
    const before = contact!;
    const result = await saveContact(before.id, { status: 'active', lost: undefined });
    if (!result.ok) return;
    setDraft((d) => (d ? { ...d, status: 'active' } : d));
    notify({
      text: t('dash.lost.reactivated', { name: before.name }),
      onUndo: () => void restoreHistories([historyOf(before)]),
    });
  }

  async function remove() {
    setConfirmDelete(false);
    const name = contact!.name;
    const deleted = await deletePerson(contact!.id);
    setDraft(null);
    // Unsaved edits of a person who is gone have nothing left to guard.
    setLeaveGuard(null);
    go(['contacts']);
    notify({
      text: t('dash.delete.done', { name }),
      onUndo: () => void restoreHistories([deleted]),
      ttl: 15_000,
    });
  }

  function exportPerson() {
    downloadText(exportFileName(contact!.name, today), personExport(history!, new Date()));
    notify({ text: t('dash.export.done', { name: contact!.name }) });
  }

  return (
    <main className="contact-page" data-testid="contact-page">
      <header className="page-head contact-head">
        <div>
          <a href="#/contacts" className="back">
            ← {t('nav.contacts')}
          </a>
          <div className="title-line">
            <h1>{contact.name}</h1>
            <TierBadge tier={tier} reason={summary?.tierReason} />
            {contact.status !== 'active' && (
              <span className={`pill status-${contact.status}`}>
                {t(`status.${contact.status}`)}
              </span>
            )}
            {contact.close && (
              <span className="pill close" data-testid="close-pill">
                {t('dash.field.close')}
              </span>
            )}
          </div>
          <p className="muted sub-head">
            {[contact.position, contact.company].filter(Boolean).join(' · ') || '\u00a0'}
          </p>
          {summary?.tierReason && (
            <p className="tier-reason" data-testid="tier-reason">
              {summary.tierReason}
            </p>
          )}
          <ReferralsLine history={history} now={now} />
          <ContactSpace contact={contact} />
          <ContactMerged contactId={contact.id} />
        </div>
        <div className="head-actions">
          <button type="button" onClick={exportPerson} data-testid="export-person">
            {t('dash.export.button')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => setConfirmDelete(true)}
            data-testid="delete-person"
          >
            {t('dash.delete.button')}
          </button>
        </div>
      </header>

      <div className="contact-grid">
        <div className="contact-main">
          {summary && summary.risks.length > 0 && (
            <div className="risks card" role="note" data-testid="risks">
              <strong>{t('panel.warnings')}</strong>
              <ul>
                {summary.risks.map((r) => (
                  <li key={r.kind}>{r.text}</li>
                ))}
              </ul>
            </div>
          )}
          {summary ? (
            <NextTouchCard summary={summary} now={now} />
          ) : (
            <p className="muted">{t('dash.computing')}</p>
          )}
          <ConcernsCard history={history} today={today} />
          <BringCard history={history} today={today} />
          <LostCard
            key={`${contact.status}-${contact.lost?.exitConversationAt ?? ''}`}
            contact={contact}
            today={today}
            timeZone={settings.timeZone}
            onMarkLost={(lost) => saveLost(lost, t('dash.lost.marked', { name: contact.name }))}
            onExitConversation={(lost) => saveLost(lost, t('dash.exit.saved'))}
            onReactivate={() => void reactivate()}
          />
          <Section
            title={t('dash.contact.timeline')}
            actions={
              reliability.total > 0 ? (
                <span className="muted small" title={reliability.details.join('\n')}>
                  {reliability.sentence}
                </span>
              ) : undefined
            }
          >
            <Timeline
              entries={entries}
              today={today}
              timeZone={settings.timeZone}
              handlers={timelineHandlers}
            />
          </Section>
        </div>

        <form
          className="contact-side"
          aria-label={t('dash.contact.facts')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          data-testid="contact-form"
        >
          <div className="card name-card">
            <label htmlFor="c-name">{t('contacts.name')}</label>
            <input
              id="c-name"
              className="name-input"
              value={form.name}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'c-name-error' : undefined}
              onChange={(e) => set('name', e.target.value)}
            />
            {errors.name && (
              <p className="field-error" id="c-name-error">
                {t(errors.name.key)}
              </p>
            )}
          </div>
          <ContactEditor
            form={form}
            errors={errors}
            set={set}
            lost={contact.status === 'lost'}
            contactId={contact.id}
            horizonYears={settings.valueHorizonYears}
            tierIntervals={{
              tier,
              contact: settings.contactEveryDays[tier],
              feedback: settings.feedbackEveryDays[tier],
            }}
          />
          {conflicts.length > 0 && (
            <ConflictNote
              name={contact.name}
              conflicts={conflicts}
              onTake={(key) => {
                const taken = conflicts.find((c) => c.key === key);
                if (taken) set(key, taken.stored as never);
                setConflicts((cs) => cs.filter((c) => c.key !== key));
              }}
            />
          )}
          {duplicates.length > 0 && (
            <p className="field-error" role="alert">
              {t('dash.add.duplicate')}{' '}
              {duplicates.map((d) => (
                <a key={d.id} href={contactHash(d.id)}>
                  {d.name}
                </a>
              ))}
            </p>
          )}
          <SaveBar
            testId="save-bar"
            saveTestId="contact-save"
            dirty={dirty}
            hasErrors={Object.keys(errors).length > 0}
            busy={saving}
            error={saveError}
            onDiscard={() => {
              setDraft(null);
              setDraftBase(null);
              setConflicts([]);
              setErrors({});
              setSaveError(undefined);
            }}
          />
        </form>
      </div>
      {confirmDelete && (
        <DeleteDialog
          history={history}
          onConfirm={() => void remove()}
          onClose={() => setConfirmDelete(false)}
        />
      )}
    </main>
  );
}
