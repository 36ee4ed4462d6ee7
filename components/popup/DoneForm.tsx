import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DoneInput } from '@/lib/ui/popup/agenda-actions';
import type { DoneForm as DoneFormKind } from '@/lib/ui/popup/cards';
import {
  defaultPromiseDue,
  emptyNoteDraft,
  emptySettleDraft,
  noteFromDraft,
  settlementFromDraft,
  type NoteDraft,
  type SettleDraft,
} from '@/lib/ui/note';
import { AfterCallFields } from '../AfterCallFields';
import { useI18n } from '../I18n';
import { FormEnd } from './FormEnd';

interface Props {
  form: DoneFormKind;
  today: string;
  /** What the user typed into the item's line already: the note's summary. */
  summary?: string;
  /** The button that saves: "Erledigt" / "Geklärt" / "Alles erledigt". */
  submit: string;
  onSave(input: DoneInput): void;
  onCancel(): void;
}

/**
 * What "done" asks: for a complaint, what was agreed and whether a goodwill gesture was made; after
 * a conversation, the after-call note. Opens with the focus in its first field; Enter saves,
 * Escape closes without saving.
 */
export function DoneForm({ form, today, summary, submit, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const [note, setNote] = useState<NoteDraft>(() => emptyNoteDraft(summary));
  const [settle, setSettle] = useState<SettleDraft>(emptySettleDraft);
  const patchNote = (p: Partial<NoteDraft>) => setNote((n) => ({ ...n, ...p }));

  const save = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      ...(form.note ? { note: noteFromDraft(note) } : {}),
      ...(form.settle ? { settle: settlementFromDraft(settle) } : {}),
    });
  };
  const onKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  };
  const title = form.note ? t('note.title') : t('popup.settleTitle');

  return (
    <form
      className="mini-form done-form"
      onSubmit={save}
      onKeyDown={onKey}
      aria-label={title}
      data-testid={form.note ? 'after-call-note' : 'settle-form'}
    >
      {form.settle && (
        <>
          <label>
            {t('popup.settleAgreed')}
            <input
              autoFocus
              value={settle.resolution}
              maxLength={1000}
              onChange={(e) => setSettle({ ...settle, resolution: e.target.value })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settle.goodwillGiven}
              onChange={(e) => setSettle({ ...settle, goodwillGiven: e.target.checked })}
            />
            {t('popup.settleGoodwill')}
          </label>
          {settle.goodwillGiven && (
            <label className="tick-detail">
              {t('popup.settleGoodwillWhat')}
              <input
                required
                autoFocus
                value={settle.goodwill}
                maxLength={500}
                onChange={(e) => setSettle({ ...settle, goodwill: e.target.value })}
              />
            </label>
          )}
        </>
      )}
      {form.note && (
        <>
          <label>
            {t('note.summary')}
            <input
              autoFocus={!form.settle}
              value={note.summary}
              maxLength={500}
              onChange={(e) => patchNote({ summary: e.target.value })}
            />
          </label>
          <AfterCallFields
            draft={note}
            onChange={patchNote}
            promiseDefaultDue={defaultPromiseDue(today)}
          />
        </>
      )}
      <p className="muted small">{t('note.hint')}</p>
      <FormEnd error={undefined} submit={submit} onCancel={onCancel} />
    </form>
  );
}
