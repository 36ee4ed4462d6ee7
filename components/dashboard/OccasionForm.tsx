import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { OCCASION_KINDS, type OccasionKind } from '@/lib/model';
import type { FieldErrors } from '@/lib/ui/dashboard/form';
import { useLeaveGuard, type LeaveGuard } from '@/lib/ui/dashboard/guarded-route';
import { addKeywords, type OccasionForm as Form } from '@/lib/ui/dashboard/occasions';
import { useI18n } from '../I18n';
import { Field, control } from './ui';
import { SaveCancel } from '../SaveCancel';

/**
 * Keywords as chips: typing a comma or pressing Enter makes a chip of what was typed; each chip
 * has a button that removes it. Enter in the empty field submits the form.
 */
function KeywordInput({
  id,
  keywords,
  typed,
  onChange,
  onTyped,
  describedBy,
}: {
  id: string;
  keywords: string[];
  typed: string;
  onChange: (keywords: string[]) => void;
  onTyped: (text: string) => void;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' && typed.trim()) {
      e.preventDefault();
      onChange(addKeywords(keywords, typed));
      onTyped('');
    }
  }
  function onInput(value: string) {
    // A comma or semicolon ends a keyword; what follows it is still being typed.
    const cut = Math.max(value.lastIndexOf(','), value.lastIndexOf(';'));
    if (cut < 0) return onTyped(value);
    onChange(addKeywords(keywords, value.slice(0, cut)));
    onTyped(value.slice(cut + 1).trimStart());
  }
  return (
    <div className="keyword-input" onClick={() => input.current?.focus()}>
      {keywords.length > 0 && (
        <ul className="keyword-chips" data-testid="keyword-chips">
          {keywords.map((k) => (
            <li key={k} className="keyword-chip">
              {k}
              <button
                type="button"
                className="icon"
                aria-label={t('dash.occ.removeKeyword', { keyword: k })}
                onClick={() => onChange(keywords.filter((x) => x !== k))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={id}
        value={typed}
        placeholder={t('dash.occ.keywordPh')}
        aria-describedby={describedBy}
        autoComplete="off"
        onKeyDown={onKeyDown}
        onChange={(e) => onInput(e.target.value)}
        onBlur={() => {
          if (!typed.trim()) return;
          onChange(addKeywords(keywords, typed));
          onTyped('');
        }}
      />
    </div>
  );
}

/** Create or change an occasion: kind, title, text, keywords, validity. Enter saves. */
export function OccasionForm({
  initial,
  isNew,
  onSave,
  onCancel,
}: {
  initial: Form;
  isNew: boolean;
  /** Resolves with field messages when the occasion was refused, else null. */
  onSave: (form: Form, typed: string) => Promise<FieldErrors | null>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const dirty = JSON.stringify(form) !== JSON.stringify(initial) || typed.trim() !== '';

  async function save(): Promise<boolean> {
    setBusy(true);
    const refused = await onSave(form, typed);
    setBusy(false);
    setErrors(refused ?? {});
    return !refused;
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    void save();
  }

  // Leaving with an unsaved occasion asks first (the guard saves the form as it is now).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const guard = useMemo<LeaveGuard | null>(
    () =>
      dirty
        ? {
            what: isNew ? t('dash.occ.newWhat') : `„${initial.title}“`,
            save: () => saveRef.current(),
          }
        : null,
    [dirty, isNew, initial.title, t],
  );
  useLeaveGuard(guard);

  return (
    <form
      className="card occasion-form"
      aria-label={t(isNew ? 'dash.occ.new' : 'dash.occ.edit')}
      onSubmit={submit}
      noValidate
      data-testid="occasion-form"
    >
      <h2>{t(isNew ? 'dash.occ.new' : 'dash.occ.edit')}</h2>
      <div className="form-grid occasion-head-fields">
        <Field id="occ-kind" label={t('dash.occ.kind')} error={errors.kind}>
          <select
            {...control('occ-kind', errors.kind)}
            value={form.kind}
            onChange={(e) => set('kind', e.target.value as OccasionKind)}
          >
            {OCCASION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`occasionKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="occ-title" label={`${t('dash.occ.title')} *`} error={errors.title}>
          <input
            {...control('occ-title', errors.title)}
            value={form.title}
            placeholder={t('dash.occ.titlePh')}
            autoComplete="off"
            autoFocus
            onChange={(e) => set('title', e.target.value)}
          />
        </Field>
      </div>
      <Field id="occ-text" label={t('dash.occ.text')} error={errors.text}>
        <textarea
          {...control('occ-text', errors.text)}
          rows={2}
          value={form.text}
          onChange={(e) => set('text', e.target.value)}
        />
      </Field>
      <Field
        id="occ-keywords"
        label={t('dash.occ.keywords')}
        error={errors.keywords}
        hint={t('dash.occ.keywordsHint')}
      >
        <KeywordInput
          id="occ-keywords"
          keywords={form.keywords}
          typed={typed}
          onChange={(k) => set('keywords', k)}
          onTyped={setTyped}
        />
      </Field>
      <div className="form-grid two">
        <Field id="occ-from" label={t('dash.occ.validFrom')} error={errors.validFrom}>
          <input
            {...control('occ-from', errors.validFrom)}
            type="date"
            value={form.validFrom}
            onChange={(e) => set('validFrom', e.target.value)}
          />
        </Field>
        <Field id="occ-until" label={t('dash.occ.validUntil')} error={errors.validUntil}>
          <input
            {...control('occ-until', errors.validUntil)}
            type="date"
            value={form.validUntil}
            onChange={(e) => set('validUntil', e.target.value)}
          />
        </Field>
      </div>
      {errors.form && <p className="field-error">{t(errors.form.key)}</p>}
      <SaveCancel busy={busy} onCancel={onCancel} testId="occasion-save" />
    </form>
  );
}
