import { useState, type FormEvent } from 'react';
import type { SummaryRow } from '@/lib/ui/popup/data';
import { useI18n } from '../I18n';
import { FormEnd } from './FormEnd';
import { ContactSearch } from './ContactSearch';

interface Props {
  useResults(query: string): SummaryRow[] | undefined;
  parseWhen(text: string): string | null;
  dayLabel(day: string): string;
  onSave(contact: SummaryRow, due: string, note: string): void;
  onCancel(): void;
  initial?: SummaryRow;
}

/** "Call Müller next Tuesday": who, when (in words or a date), what. */
export function FollowUpForm({
  useResults,
  parseWhen,
  dayLabel,
  onSave,
  onCancel,
  initial,
}: Props) {
  const { t } = useI18n();
  const [contact, setContact] = useState<SummaryRow | undefined>(initial);
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const due = when.trim() ? parseWhen(when) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!contact) return setError(t('popup.chooseContact'));
    if (!due) return setError(t('popup.whenUnknown'));
    onSave(contact, due, note);
  };

  return (
    <form
      className="mini-form"
      onSubmit={submit}
      data-testid="follow-up-form"
      aria-label={t('popup.newFollowUp')}
    >
      {contact ? (
        <p>
          {t('popup.contact')}: <strong>{contact.name}</strong>{' '}
          <button type="button" className="link" onClick={() => setContact(undefined)}>
            ×
          </button>
        </p>
      ) : (
        <ContactSearch
          useResults={useResults}
          label={t('popup.contact')}
          onChoose={setContact}
          autoFocus
        />
      )}
      <label>
        {t('popup.when')}
        <input
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          data-testid="follow-up-when"
        />
      </label>
      {when.trim() && (
        <p className={due ? 'muted' : 'field-error'} aria-live="polite" data-testid="follow-up-day">
          {due ? t('popup.whenIs', { day: dayLabel(due) }) : t('popup.whenUnknown')}
        </p>
      )}
      <label>
        {t('popup.note')}
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="follow-up-note"
        />
      </label>
      <FormEnd error={error} submit={t('popup.save')} onCancel={onCancel} />
    </form>
  );
}
