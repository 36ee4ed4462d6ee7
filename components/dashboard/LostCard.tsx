import { useState, type FormEvent } from 'react';
import { lostReasonName } from '@/lib/i18n';
import { LOST_REASONS, type Contact, type LostReason } from '@/lib/model';
import type { FieldErrors } from '@/lib/ui/dashboard/form';
import { capitalize, dayLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { Field, Section, control } from './ui';
import { SaveCancel } from '../SaveCancel';

export type LostPatch = NonNullable<Contact['lost']>;

/**
 * A lost customer (PRODUCT.md point 6): when and why they left, and the exit conversation — call
 * them to find out, and write down what we learned. For everyone else: "mark as lost".
 */
export function LostCard({
  contact,
  today,
  timeZone,
  onMarkLost,
  onExitConversation,
  onReactivate,
}: {
  contact: Contact;
  today: string;
  timeZone?: string;
  onMarkLost: (lost: LostPatch) => Promise<FieldErrors | null>;
  onExitConversation: (lost: LostPatch) => Promise<FieldErrors | null>;
  onReactivate: () => void;
}) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'view' | 'lost' | 'exit'>('view');
  const [at, setAt] = useState(today);
  const [reason, setReason] = useState<LostReason>(contact.lost?.reason ?? 'unknown');
  const [note, setNote] = useState(contact.lost?.note ?? '');
  const [learned, setLearned] = useState(contact.lost?.learned ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const lost = contact.status === 'lost' ? contact.lost : undefined;
  const isLost = contact.status === 'lost';

  async function submitLost(e: FormEvent) {
    e.preventDefault();
    // Changing the facts of a loss keeps its exit conversation.
    const refused = await onMarkLost({
      ...(isLost ? lost : {}),
      at,
      reason,
      note: note.trim() ? note : undefined,
    });
    if (refused) setErrors(refused);
    else setMode('view');
  }
  async function submitExit(e: FormEvent) {
    e.preventDefault();
    const base: LostPatch = lost ?? { at: today, reason: 'unknown' };
    const refused = await onExitConversation({
      ...base,
      exitConversationAt: at,
      ...(learned.trim() ? { learned } : { learned: undefined }),
    });
    if (refused) setErrors(refused);
    else setMode('view');
  }

  if (!isLost && mode !== 'lost')
    return (
      <div className="lost-action">
        <button
          type="button"
          onClick={() => {
            setAt(today);
            setErrors({});
            setMode('lost');
          }}
          data-testid="mark-lost"
        >
          {t('dash.lost.mark')}
        </button>
      </div>
    );

  return (
    <Section title={t('dash.lost.title')} className="lost-card" testId="lost-card">
      {mode === 'lost' ? (
        <form onSubmit={(e) => void submitLost(e)} noValidate data-testid="lost-form">
          <div className="form-grid two">
            <Field id="lost-at" label={t('dash.lost.at')} error={errors.at ?? errors.lost}>
              <input
                {...control('lost-at', errors.at ?? errors.lost)}
                type="date"
                value={at}
                onChange={(e) => setAt(e.target.value)}
              />
            </Field>
            <Field id="lost-reason" label={t('dash.lost.reason')}>
              <select
                id="lost-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value as LostReason)}
              >
                {LOST_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {capitalize(lostReasonName(locale, r))}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field id="lost-note" label={t('dash.lost.note')}>
            <textarea
              id="lost-note"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" data-testid="lost-save">
              {t(isLost ? 'common.save' : 'dash.lost.save')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p data-testid="lost-summary">
            {t('dash.lost.since', {
              day: lost?.at ? dayLabel(lost.at, locale, timeZone) : t('common.none'),
              reason: lostReasonName(locale, lost?.reason),
            })}
          </p>
          {lost?.note && <p className="muted">{lost.note}</p>}
          {lost?.exitConversationAt && mode !== 'exit' ? (
            <div className="exit-done" data-testid="exit-conversation">
              <h3>
                {t('dash.exit.doneOn', {
                  day: dayLabel(lost.exitConversationAt, locale, timeZone),
                })}
              </h3>
              {lost.learned ? (
                <p>{lost.learned}</p>
              ) : (
                <p className="muted">{t('dash.exit.nothing')}</p>
              )}
            </div>
          ) : mode === 'exit' ? (
            <form onSubmit={(e) => void submitExit(e)} noValidate data-testid="exit-form">
              <p className="muted small">{t('dash.exit.guide')}</p>
              <Field id="exit-at" label={t('dash.exit.at')} error={errors.at ?? errors.lost}>
                <input
                  {...control('exit-at', errors.at ?? errors.lost)}
                  type="date"
                  value={at}
                  onChange={(e) => setAt(e.target.value)}
                />
              </Field>
              <Field id="exit-learned" label={t('dash.exit.learned')}>
                <textarea
                  id="exit-learned"
                  rows={3}
                  value={learned}
                  onChange={(e) => setLearned(e.target.value)}
                />
              </Field>
              <SaveCancel onCancel={() => setMode('view')} testId="exit-save" />
            </form>
          ) : (
            <p className="warn-text">{t('dash.exit.missing')}</p>
          )}
          {mode === 'view' && (
            <div className="form-actions">
              <button
                type="button"
                className={lost?.exitConversationAt ? undefined : 'primary'}
                onClick={() => {
                  setAt(lost?.exitConversationAt?.slice(0, 10) ?? today);
                  setLearned(lost?.learned ?? '');
                  setErrors({});
                  setMode('exit');
                }}
                data-testid="record-exit"
              >
                {t(lost?.exitConversationAt ? 'dash.exit.edit' : 'dash.exit.record')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setAt(lost?.at?.slice(0, 10) ?? today);
                  setErrors({});
                  setMode('lost');
                }}
                data-testid="edit-lost"
              >
                {t('dash.lost.edit')}
              </button>
              <button type="button" onClick={onReactivate} data-testid="reactivate">
                {t('dash.lost.reactivate')}
              </button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
