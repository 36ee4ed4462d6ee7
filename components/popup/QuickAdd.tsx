import { useState, type FormEvent } from 'react';
import { useI18n } from '../I18n';
import { FormEnd } from './FormEnd';

export interface QuickAddValues {
  name: string;
  email: string;
  company: string;
}

/** A new contact in three fields; the full editor is in the dashboard. */
export function QuickAdd({
  initial,
  onSave,
  onCancel,
  error,
}: {
  initial: Partial<QuickAddValues>;
  onSave(values: QuickAddValues): void;
  onCancel(): void;
  error?: string;
}) {
  const { t } = useI18n();
  const [v, setV] = useState<QuickAddValues>({
    name: initial.name ?? '',
    email: initial.email ?? '',
    company: initial.company ?? '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(v);
  };
  return (
    <form
      className="mini-form"
      onSubmit={submit}
      data-testid="quick-add"
      aria-label={t('popup.newContact')}
    >
      <label>
        {t('popup.name')}
        <input
          required
          autoFocus
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </label>
      <label>
        {t('popup.email')}
        <input
          type="email"
          value={v.email}
          onChange={(e) => setV({ ...v, email: e.target.value })}
        />
      </label>
      <label>
        {t('popup.company')}
        <input value={v.company} onChange={(e) => setV({ ...v, company: e.target.value })} />
      </label>
      <FormEnd error={error} submit={t('popup.add')} onCancel={onCancel} />
    </form>
  );
}
