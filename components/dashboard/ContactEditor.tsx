import { MONTHS, PREFERABLE_CHANNELS, type Channel, type Status, type Tier } from '@/lib/model';
import { capitalize } from '@/lib/ui/format';
import {
  SALUTATIONS,
  type ContactForm,
  type DayForm,
  type FieldErrors,
  type FieldMessage,
} from '@/lib/ui/dashboard/form';
import { channelName, formatNumber } from '@/lib/i18n';
import { useI18n } from '../I18n';
import { ContactPicker } from './ContactPicker';
import { Field, FieldGroup, Section, control } from './ui';

type Set = <K extends keyof ContactForm>(key: K, value: ContactForm[K]) => void;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function DayInputs({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: DayForm;
  onChange: (v: DayForm) => void;
  error?: FieldMessage;
}) {
  const { t } = useI18n();
  const invalid = error ? true : undefined;
  const described = error ? `${id}-error` : undefined;
  return (
    <>
      <input
        id={`${id}-day`}
        className="num2"
        inputMode="numeric"
        aria-label={t('dash.day.day')}
        placeholder={t('dash.day.dayPh')}
        value={value.day}
        aria-invalid={invalid}
        aria-describedby={described}
        onChange={(e) => onChange({ ...value, day: e.target.value })}
      />
      <select
        id={`${id}-month`}
        aria-label={t('dash.day.month')}
        value={value.month}
        aria-invalid={invalid}
        aria-describedby={described}
        onChange={(e) => onChange({ ...value, month: e.target.value })}
      >
        <option value="">{t('dash.day.monthPh')}</option>
        {MONTHS.map((m) => (
          <option key={m} value={String(m)}>
            {t(`month.long.${m}`)}
          </option>
        ))}
      </select>
      <input
        id={`${id}-year`}
        className="num4"
        inputMode="numeric"
        aria-label={t('dash.day.year')}
        placeholder={t('dash.day.yearPh')}
        value={value.year}
        aria-invalid={invalid}
        aria-describedby={described}
        onChange={(e) => onChange({ ...value, year: e.target.value })}
      />
    </>
  );
}

function TextField({
  id,
  field,
  label,
  form,
  errors,
  set,
  hint,
  multiline,
  type,
  placeholder,
  className,
}: {
  id: string;
  field: keyof ContactForm;
  label: string;
  form: ContactForm;
  errors: FieldErrors;
  set: Set;
  hint?: string;
  multiline?: boolean;
  type?: string;
  placeholder?: string;
  className?: string;
}) {
  const error = errors[field];
  const value = form[field] as string;
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {multiline ? (
        <textarea
          {...control(id, error)}
          value={value}
          rows={Math.min(6, Math.max(2, value.split('\n').length + 1))}
          placeholder={placeholder}
          onChange={(e) => set(field, e.target.value as never)}
        />
      ) : (
        <input
          {...control(id, error)}
          type={type ?? 'text'}
          value={value}
          placeholder={placeholder}
          onChange={(e) => set(field, e.target.value as never)}
        />
      )}
    </Field>
  );
}

/** Preferred channels, in order: add, move up or down, remove. */
function ChannelOrder({ value, onChange }: { value: Channel[]; onChange: (v: Channel[]) => void }) {
  const { t, locale } = useI18n();
  const move = (i: number, d: number) => {
    const next = [...value];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    onChange(next);
  };
  const left = PREFERABLE_CHANNELS.filter((c) => !value.includes(c));
  return (
    <FieldGroup id="c-channels" legend={t('dash.field.channels')} hint={t('dash.hint.channels')}>
      <ol className="channel-order" data-testid="channel-order">
        {value.map((c, i) => (
          <li key={c}>
            <span className="rank">{i + 1}.</span> {capitalize(channelName(locale, c))}
            <span className="row-actions">
              <button
                type="button"
                className="icon"
                disabled={i === 0}
                aria-label={t('dash.channels.up', { channel: channelName(locale, c) })}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                disabled={i === value.length - 1}
                aria-label={t('dash.channels.down', { channel: channelName(locale, c) })}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon"
                aria-label={t('dash.channels.remove', { channel: channelName(locale, c) })}
                onClick={() => onChange(value.filter((x) => x !== c))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      {left.length > 0 && (
        <select
          aria-label={t('dash.channels.add')}
          value=""
          onChange={(e) => e.target.value && onChange([...value, e.target.value as Channel])}
          data-testid="channel-add"
        >
          <option value="">{t('dash.channels.add')}</option>
          {left.map((c) => (
            <option key={c} value={c}>
              {capitalize(channelName(locale, c))}
            </option>
          ))}
        </select>
      )}
    </FieldGroup>
  );
}

/** Toggle buttons for a set of numbers (months, weekdays). */
function NumberSet({
  id,
  legend,
  values,
  selected,
  label,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  values: readonly number[];
  selected: number[];
  label: (n: number) => string;
  onChange: (v: number[]) => void;
  error?: FieldMessage;
}) {
  return (
    <FieldGroup id={id} legend={legend} error={error} className="number-set">
      {values.map((n) => (
        <label key={n} className="toggle">
          <input
            type="checkbox"
            checked={selected.includes(n)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...selected, n].sort((a, b) => a - b)
                  : selected.filter((x) => x !== n),
              )
            }
          />
          <span>{label(n)}</span>
        </label>
      ))}
    </FieldGroup>
  );
}

/**
 * Every field of a contact, grouped the way a person thinks of them: personal, channels and times,
 * business. The lost state has its own card on the page.
 */
export function ContactEditor({
  form,
  errors,
  set,
  tierIntervals,
  horizonYears,
  lost,
  contactId,
}: {
  form: ContactForm;
  errors: FieldErrors;
  set: Set;
  /** The contact's tier intervals (shown as what applies when no override is set). */
  tierIntervals: { tier: Tier; contact: number; feedback: number };
  /** The settings' value horizon: the expected years of a contact without its own. */
  horizonYears: number;
  lost: boolean;
  /** The contact edited (never offered as who recommended them). */
  contactId: string;
}) {
  const { t, locale } = useI18n();
  const p = { form, errors, set };
  const horizon = formatNumber(locale, horizonYears, 2);
  return (
    <div className="editor">
      <Section title={t('dash.section.personal')} testId="section-personal">
        <div className="form-grid two">
          <FieldGroup
            id="c-birthday"
            legend={t('dash.field.birthday')}
            error={errors.birthday}
            className="birthday"
          >
            <DayInputs
              id="c-birthday"
              value={form.birthday}
              onChange={(v) => set('birthday', v)}
              error={errors.birthday}
            />
          </FieldGroup>
          <Field id="c-address" label={t('dash.field.address')} error={errors.address}>
            <select
              {...control('c-address', errors.address)}
              value={form.address}
              onChange={(e) => set('address', e.target.value as ContactForm['address'])}
            >
              <option value="">{t('dash.address.unknown')}</option>
              <option value="Sie">{t('dash.address.sie')}</option>
              <option value="Du">{t('dash.address.du')}</option>
            </select>
          </Field>
          <div className="field check-field span-all">
            <label className="check">
              <input
                id="c-close"
                type="checkbox"
                checked={form.close}
                aria-describedby="c-close-hint"
                onChange={(e) => set('close', e.target.checked)}
              />
              {t('dash.field.close')}
            </label>
            <p className="hint" id="c-close-hint">
              {t('dash.hint.close')}
            </p>
          </div>
          <div className="partner-line">
            <Field
              id="c-partner-salutation"
              label={
                <>
                  {t('dash.field.partnerSalutation')}
                  <span className="sr-only"> {t('dash.field.partnerSalutationOf')}</span>
                </>
              }
              error={errors.partnerSalutation}
            >
              <select
                {...control('c-partner-salutation', errors.partnerSalutation)}
                value={form.partnerSalutation}
                onChange={(e) =>
                  set('partnerSalutation', e.target.value as ContactForm['partnerSalutation'])
                }
              >
                <option value="">{t('dash.salutation.none')}</option>
                {SALUTATIONS.map((s) => (
                  <option key={s} value={s}>
                    {t(`dash.salutation.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <TextField id="c-partner" field="partnerName" label={t('dash.field.partner')} {...p} />
          </div>
          <FieldGroup
            id="c-partner-birthday"
            legend={t('dash.field.partnerBirthday')}
            error={errors.partnerBirthday ?? errors.partnerName}
            className="birthday"
          >
            <DayInputs
              id="c-partner-birthday"
              value={form.partnerBirthday}
              onChange={(v) => set('partnerBirthday', v)}
              error={errors.partnerBirthday}
            />
          </FieldGroup>
        </div>
        <TextField
          id="c-interests"
          field="interests"
          label={t('dash.field.interests')}
          hint={t('dash.hint.interests')}
          {...p}
        />
        <TextField
          id="c-preferences"
          field="preferences"
          label={t('dash.field.preferences')}
          placeholder={t('dash.ph.preferences')}
          {...p}
        />
        <TextField id="c-howWeMet" field="howWeMet" label={t('dash.field.howWeMet')} {...p} />
        <ContactPicker
          id="c-referred-by"
          label={t('dash.field.referredBy')}
          value={form.referredBy}
          excludeId={contactId}
          onChange={(id) => set('referredBy', id)}
          hint={t('dash.referredBy.hint')}
          error={errors.referredBy}
          testId="referred-by"
        />
        <TextField id="c-notes" field="notes" label={t('dash.field.notes')} multiline {...p} />
      </Section>

      <Section title={t('dash.section.channels')} testId="section-channels">
        <ChannelOrder
          value={form.preferredChannels}
          onChange={(v) => set('preferredChannels', v)}
        />
        <NumberSet
          id="c-avoid-months"
          legend={t('dash.field.avoidMonths')}
          values={MONTHS}
          selected={form.avoidMonths}
          label={(m) => t(`month.${m}`)}
          onChange={(v) => set('avoidMonths', v)}
          error={errors.avoidMonths}
        />
        <NumberSet
          id="c-avoid-weekdays"
          legend={t('dash.field.avoidWeekdays')}
          values={WEEKDAYS}
          selected={form.avoidWeekdays}
          label={(d) => t(`weekday.${d}`)}
          onChange={(v) => set('avoidWeekdays', v)}
          error={errors.avoidWeekdays}
        />
        <FieldGroup
          id="c-avoid-hours"
          legend={t('dash.field.avoidHours')}
          error={errors.avoidHours}
          hint={t('dash.hint.avoidHours')}
        >
          <label className="inline">
            {t('dash.hours.from')}
            <input
              className="num2"
              inputMode="numeric"
              value={form.avoidFrom}
              aria-invalid={errors.avoidHours ? true : undefined}
              aria-describedby={errors.avoidHours ? 'c-avoid-hours-error' : undefined}
              onChange={(e) => set('avoidFrom', e.target.value)}
            />
          </label>
          <label className="inline">
            {t('dash.hours.to')}
            <input
              className="num2"
              inputMode="numeric"
              value={form.avoidTo}
              aria-invalid={errors.avoidHours ? true : undefined}
              aria-describedby={errors.avoidHours ? 'c-avoid-hours-error' : undefined}
              onChange={(e) => set('avoidTo', e.target.value)}
            />
          </label>
          <span className="muted">{t('dash.hours.unit')}</span>
        </FieldGroup>
        <div className="form-grid two">
          <TextField
            id="c-contact-every"
            field="contactEveryDays"
            label={t('dash.field.contactEvery')}
            placeholder={t('dash.ph.tierDefault', {
              days: tierIntervals.contact,
              tier: tierIntervals.tier,
            })}
            {...p}
          />
          <TextField
            id="c-feedback-every"
            field="feedbackEveryDays"
            label={t('dash.field.feedbackEvery')}
            placeholder={t('dash.ph.tierDefault', {
              days: tierIntervals.feedback,
              tier: tierIntervals.tier,
            })}
            {...p}
          />
        </div>
      </Section>

      <Section title={t('dash.section.business')} testId="section-business">
        <div className="form-grid two">
          <TextField id="c-company" field="company" label={t('contacts.company')} {...p} />
          <TextField id="c-position" field="position" label={t('dash.field.position')} {...p} />
        </div>
        <TextField
          id="c-headline"
          field="headline"
          label={t('dash.field.headline')}
          hint={t('dash.hint.headline')}
          {...p}
        />
        <div className="form-grid two">
          <TextField
            id="c-emails"
            field="emails"
            label={t('dash.field.emails')}
            hint={t('dash.hint.onePerLine')}
            multiline
            {...p}
          />
          <TextField
            id="c-phones"
            field="phones"
            label={t('dash.field.phones')}
            hint={t('dash.hint.onePerLine')}
            multiline
            {...p}
          />
        </div>
        <TextField
          id="c-profiles"
          field="profileUrls"
          label={t('dash.field.profiles')}
          hint={t('dash.hint.profiles')}
          multiline
          {...p}
        />
        <div className="form-grid two">
          <Field id="c-status" label={t('dash.field.status')} error={errors.status}>
            <select
              {...control('c-status', errors.status)}
              value={form.status}
              disabled={lost}
              onChange={(e) => set('status', e.target.value as Status)}
            >
              <option value="prospect">{t('status.prospect')}</option>
              <option value="active">{t('status.active')}</option>
              {lost && <option value="lost">{t('status.lost')}</option>}
            </select>
          </Field>
          <Field
            id="c-tier"
            label={t('dash.field.tierOverride')}
            error={errors.tierOverride}
            hint={t('dash.hint.tierOverride')}
          >
            <select
              {...control('c-tier', errors.tierOverride)}
              value={form.tierOverride}
              onChange={(e) => set('tierOverride', e.target.value as ContactForm['tierOverride'])}
            >
              <option value="">{t('dash.tier.auto')}</option>
              <option value="A">A</option>
              <option value="B">B</option>
              <option value="C">C</option>
            </select>
          </Field>
          <TextField
            id="c-potential"
            field="potential"
            label={t('dash.field.potential')}
            hint={t('dash.hint.potential')}
            {...p}
          />
          <TextField
            id="c-estimate"
            field="annualRevenueEstimate"
            label={t('dash.field.estimate')}
            hint={t('dash.hint.estimate')}
            {...p}
          />
          <TextField
            id="c-expected-years"
            field="expectedYears"
            label={t('dash.field.expectedYears')}
            hint={t('dash.hint.expectedYears', { count: horizonYears, years: horizon })}
            placeholder={horizon}
            {...p}
          />
        </div>
      </Section>
    </div>
  );
}
