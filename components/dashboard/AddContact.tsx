import { useState, type FormEvent } from 'react';
import type { ContactInput, Status } from '@/lib/model';
import {
  EMPTY_CONTACT_FORM,
  checkContact,
  type ContactForm,
  type FieldErrors,
} from '@/lib/ui/dashboard/form';
import type { WriteResult } from '@/lib/ui/dashboard/data';
import type { Contact } from '@/lib/model';
import { useI18n } from '../I18n';
import { ContactPicker } from './ContactPicker';
import { Field, control } from './ui';
import { SaveCancel } from '../SaveCancel';

/** The short form for a new contact: who, where, how to reach them. The rest is on their page. */
export function AddContact({
  onSubmit,
  onCancel,
  onOpen,
}: {
  onSubmit: (input: Partial<ContactInput>) => Promise<WriteResult<Contact>>;
  onCancel: () => void;
  /** Open an existing contact (when the new one would duplicate it). */
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<ContactForm>(EMPTY_CONTACT_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [duplicates, setDuplicates] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ContactForm>(key: K, value: ContactForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const stamp = new Date().toISOString();
    const checked = checkContact({ id: 'new', createdAt: stamp, updatedAt: stamp }, form, locale);
    setErrors(checked.errors);
    setDuplicates([]);
    if (Object.keys(checked.errors).length) return;
    setBusy(true);
    const result = await onSubmit(checked.patch);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.errors);
      setDuplicates(result.duplicates ?? []);
    }
  }

  return (
    <form
      className="card add-contact"
      aria-label={t('dash.add.title')}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="add-contact-form"
    >
      <h2>{t('dash.add.title')}</h2>
      <div className="form-grid four">
        <Field id="add-name" label={`${t('contacts.name')} *`} error={errors.name}>
          <input
            {...control('add-name', errors.name)}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            autoFocus
            autoComplete="off"
          />
        </Field>
        <Field id="add-company" label={t('contacts.company')} error={errors.company}>
          <input
            {...control('add-company', errors.company)}
            value={form.company}
            onChange={(e) => set('company', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="add-email" label={t('contacts.email')} error={errors.emails}>
          <input
            {...control('add-email', errors.emails)}
            type="email"
            value={form.emails}
            onChange={(e) => set('emails', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="add-phone" label={t('dash.field.phone')} error={errors.phones}>
          <input
            {...control('add-phone', errors.phones)}
            type="tel"
            value={form.phones}
            onChange={(e) => set('phones', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="add-status" label={t('dash.field.status')}>
          <select
            id="add-status"
            value={form.status}
            onChange={(e) => set('status', e.target.value as Status)}
          >
            <option value="active">{t('status.active')}</option>
            <option value="prospect">{t('status.prospect')}</option>
          </select>
        </Field>
      </div>
      <div className="form-grid two">
        <ContactPicker
          id="add-referred-by"
          label={t('dash.field.referredBy')}
          value={form.referredBy}
          onChange={(id) => set('referredBy', id)}
          hint={t('dash.referredBy.hint')}
          error={errors.referredBy}
          testId="add-referred-by"
        />
      </div>
      {duplicates.length > 0 && (
        <p className="field-error" role="alert">
          {t('dash.add.duplicate')}{' '}
          {duplicates.map((d) => (
            <button key={d.id} type="button" className="link" onClick={() => onOpen(d.id)}>
              {d.name}
            </button>
          ))}
        </p>
      )}
      <SaveCancel
        busy={busy}
        onCancel={onCancel}
        saveLabel={t('dash.add.save')}
        testId="add-contact-save"
      />
    </form>
  );
}
