import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { translateError } from '@/lib/i18n';
import { runtimeTimeZone } from '@/lib/core';
import { DEFAULT_SETTINGS, PANEL_MODES, TIERS, type PanelMode, type Settings } from '@/lib/model';
import {
  putStoredSettings,
  restoreDefaultSettings,
  saveSettings,
  useStoredSettings,
} from '@/lib/ui/dashboard/data';
import { sameForm, type FieldErrors } from '@/lib/ui/dashboard/form';
import { useLeaveGuard, type LeaveGuard } from '@/lib/ui/dashboard/guarded-route';
import {
  BAVARIA_CATHOLIC,
  PANEL_SITES,
  formToSettings,
  holidayCountries,
  isBavarian,
  settingsToForm,
  type SettingsForm,
} from '@/lib/ui/dashboard/settings-form';
import { holidayRegionName } from '@/lib/core';
import { useI18n } from '../I18n';
import type { PageProps } from './page-props';
import { Field, FieldGroup, SaveBar, Section, control, useNotify } from './ui';

const SITE_NAMES: Record<(typeof PANEL_SITES)[number], string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  xing: 'XING',
  linkedin: 'LinkedIn',
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf(
      'timeZone',
    );
  } catch {
    return [];
  }
}

export function SettingsPage(_props: PageProps) {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const live = useStoredSettings();
  // What this page just stored, until the live query brings it back (no flash of old values).
  const [lastStored, setLastStored] = useState<Partial<Settings> | null>(null);
  useEffect(() => setLastStored(null), [live]);
  const stored = lastStored ?? live;
  const saved = useMemo(() => (stored ? settingsToForm(stored) : null), [stored]);
  const [draft, setDraft] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string>();
  const [permissionNote, setPermissionNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = draft ?? saved;
  const dirty = !!draft && !!saved && !sameForm(draft, saved);
  const zones = useMemo(timeZones, []);
  const countries = useMemo(() => holidayCountries(locale), [locale]);
  const browserZone = runtimeTimeZone();

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) =>
    setDraft((d) => ({ ...(d ?? saved!), [key]: value }));

  const save = useCallback(async (): Promise<boolean> => {
    if (!form) return false;
    const { patch, errors: formErrors } = formToSettings(form);
    setErrors(formErrors);
    if (Object.keys(formErrors).length) return false;
    setBusy(true);
    const before = stored ?? {};
    const result = await saveSettings(patch);
    setBusy(false);
    setSaveError(result.ok || !result.error ? undefined : translateError(locale, result.error));
    if (!result.ok) {
      setErrors(result.errors);
      return false;
    }
    setLastStored(result.value);
    setDraft(null);
    notify({
      text: t('dash.settings.saved'),
      onUndo: () => void putStoredSettings(before).catch(() => undefined),
    });
    return true;
  }, [form, stored, notify, t, locale]);

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const guard = useMemo<LeaveGuard | null>(
    () => (dirty ? { what: t('nav.settings'), save: () => saveRef.current() } : null),
    [dirty, t],
  );
  useLeaveGuard(guard);

  if (!form) return <main className="muted">{t('common.loading')}</main>;

  async function restoreDefaults() {
    const before = await restoreDefaultSettings();
    setLastStored({});
    setDraft(null);
    setErrors({});
    notify({
      text: t('dash.settings.defaultsRestored'),
      onUndo: () => void putStoredSettings(before),
      ttl: 15_000,
    });
  }

  /** Turning the reminder on asks for the notifications permission, from the click itself. */
  function toggleReminder(on: boolean) {
    setPermissionNote(undefined);
    if (!on) {
      set('notify', false);
      return;
    }
    browser.permissions
      .request({ permissions: ['notifications'] })
      .then((granted) => {
        if (granted) set('notify', true);
        else setPermissionNote(t('dash.settings.permissionDenied'));
      })
      .catch(() => setPermissionNote(t('dash.settings.permissionDenied')));
  }

  const whole = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    error = errors[id],
    unit = t('dash.unit.days'),
    hint?: string,
  ) => (
    <Field id={`s-${id}`} label={label} error={error} hint={hint}>
      <span className="with-unit">
        <input
          {...control(`s-${id}`, error)}
          className="num"
          inputMode="numeric"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="muted">{unit}</span>
      </span>
    </Field>
  );

  return (
    <main className="settings-page">
      <header className="page-head">
        <h1>{t('nav.settings')}</h1>
        <div className="head-actions">
          <button
            type="button"
            onClick={() => void restoreDefaults()}
            data-testid="restore-defaults"
          >
            {t('dash.settings.defaults')}
          </button>
        </div>
      </header>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="settings-form"
        className="settings-form"
      >
        <div className="settings-grid">
          <div className="settings-col">
            <Section title={t('dash.settings.rhythm')}>
              <p className="muted small">{t('dash.settings.rhythmLead')}</p>
              <table className="tier-table">
                <thead>
                  <tr>
                    <th scope="col">{t('dash.col.tier')}</th>
                    <th scope="col">{t('dash.settings.contactEvery')}</th>
                    <th scope="col">{t('dash.settings.feedbackEvery')}</th>
                  </tr>
                </thead>
                <tbody>
                  {TIERS.map((tier) => (
                    <tr key={tier}>
                      <th scope="row">{tier}</th>
                      {(['contactEveryDays', 'feedbackEveryDays'] as const).map((key) => {
                        const id = `${key}.${tier}`;
                        const err = errors[id];
                        return (
                          <td key={key}>
                            <span className="with-unit">
                              <input
                                {...control(`s-${id}`, err)}
                                className="num"
                                inputMode="numeric"
                                aria-label={t(`dash.settings.${key}Label`, { tier })}
                                value={form[key][tier]}
                                onChange={(e) => set(key, { ...form[key], [tier]: e.target.value })}
                              />
                              <span className="muted">{t('dash.unit.days')}</span>
                            </span>
                            {err && (
                              <p className="field-error" id={`s-${id}-error`}>
                                {t(err.key)}
                              </p>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="form-grid two">
                {whole(
                  'afterPurchaseDays',
                  t('dash.settings.afterPurchase'),
                  form.afterPurchaseDays,
                  (v) => set('afterPurchaseDays', v),
                  errors.afterPurchaseDays,
                  // "Nach einem Kauf nachfassen nach 3 Tagen": the dative after "nach".
                  t('dash.unit.daysAfter'),
                )}
                {whole(
                  'birthdayLookaheadDays',
                  t('dash.settings.birthdayLookahead'),
                  form.birthdayLookaheadDays,
                  (v) => set('birthdayLookaheadDays', v),
                )}
              </div>
            </Section>

            <Section title={t('dash.settings.workdays')} testId="settings-workdays">
              <FieldGroup
                id="s-workingDays"
                legend={t('dash.settings.workingDays')}
                hint={t('dash.settings.workingDaysHint')}
                error={errors.workingDays}
                className="number-set workdays"
              >
                {WEEKDAYS.map((d) => (
                  <label key={d} className="toggle">
                    <input
                      type="checkbox"
                      checked={form.workingDays.includes(d)}
                      onChange={(e) =>
                        set(
                          'workingDays',
                          e.target.checked
                            ? [...form.workingDays, d].sort((a, b) => a - b)
                            : form.workingDays.filter((x) => x !== d),
                        )
                      }
                    />
                    <span>{t(`weekday.long.${d}`)}</span>
                  </label>
                ))}
              </FieldGroup>
              <Field
                id="s-holidayRegion"
                label={t('dash.settings.holidayRegion')}
                error={errors.holidayRegion}
                hint={
                  <>
                    {t('dash.settings.holidayRegionHint')}
                    {isBavarian(form.holidayRegion) && (
                      <>
                        <br />
                        <span data-testid="holiday-bavaria">
                          {t('dash.settings.holidayBavaria', {
                            region: holidayRegionName(BAVARIA_CATHOLIC, locale),
                          })}
                        </span>
                      </>
                    )}
                  </>
                }
              >
                <select
                  {...control('s-holidayRegion', errors.holidayRegion)}
                  value={form.holidayRegion}
                  onChange={(e) => set('holidayRegion', e.target.value)}
                >
                  <option value="">{t('dash.settings.holidayNone')}</option>
                  {form.holidayRegion &&
                    !countries.some((c) =>
                      c.options.some((o) => o.code === form.holidayRegion),
                    ) && (
                      <option value={form.holidayRegion}>
                        {t('dash.settings.holidayUnknown', { code: form.holidayRegion })}
                      </option>
                    )}
                  {countries.map((country) => (
                    <optgroup key={country.code} label={country.name}>
                      {country.options.map((o) => (
                        <option key={o.code} value={o.code}>
                          {o.level === 'country'
                            ? t('dash.settings.holidayCountry', { country: o.name })
                            : o.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </Field>
            </Section>

            <Section title={t('dash.settings.regional')}>
              <Field
                id="s-locale"
                label={t('dash.settings.language')}
                hint={t('dash.settings.languageHint')}
              >
                <select
                  id="s-locale"
                  value={form.locale}
                  onChange={(e) => set('locale', e.target.value as SettingsForm['locale'])}
                >
                  <option value="">{t('dash.settings.languageAuto')}</option>
                  <option value="de">Deutsch</option>
                  <option value="en">English</option>
                </select>
              </Field>
              <Field
                id="s-timeZone"
                label={t('dash.settings.timeZone')}
                error={errors.timeZone}
                hint={t('dash.settings.timeZoneHint', { zone: browserZone })}
              >
                <input
                  {...control('s-timeZone', errors.timeZone)}
                  list="s-timeZones"
                  value={form.timeZone}
                  placeholder={browserZone}
                  onChange={(e) => set('timeZone', e.target.value)}
                />
                <datalist id="s-timeZones">
                  {zones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </Field>
            </Section>
          </div>
          <div className="settings-col">
            <Section title={t('dash.settings.tiers')}>
              <FieldGroup id="s-tierMode" legend={t('dash.settings.tierMode')} className="stacked">
                {(['revenue', 'value', 'manual'] as const).map((mode) => (
                  <label key={mode} className="radio">
                    <input
                      type="radio"
                      name="tierMode"
                      value={mode}
                      checked={form.tierMode === mode}
                      onChange={() => set('tierMode', mode)}
                    />
                    <span>
                      <strong>{t(`dash.settings.mode.${mode}`)}</strong>
                      <span className="muted small"> — {t(`dash.settings.modeHint.${mode}`)}</span>
                    </span>
                  </label>
                ))}
              </FieldGroup>
              <div className="form-grid two">
                {whole(
                  'paretoA',
                  t('dash.settings.paretoA'),
                  form.paretoA,
                  (v) => set('paretoA', v),
                  errors.paretoA,
                  '%',
                )}
                {whole(
                  'paretoB',
                  t('dash.settings.paretoB'),
                  form.paretoB,
                  (v) => set('paretoB', v),
                  errors.paretoB,
                  '%',
                )}
              </div>
              {whole(
                'valueHorizonYears',
                t('dash.settings.horizon'),
                form.valueHorizonYears,
                (v) => set('valueHorizonYears', v),
                errors.valueHorizonYears,
                t('dash.unit.years'),
                t('dash.settings.horizonHint'),
              )}
            </Section>

            <Section title={t('dash.settings.reminder')}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={form.notify}
                  onChange={(e) => toggleReminder(e.target.checked)}
                  data-testid="reminder-toggle"
                />
                {t('dash.settings.reminderOn')}
              </label>
              {permissionNote && <p className="field-error">{permissionNote}</p>}
              {form.notify && (
                <Field
                  id="s-notificationTime"
                  label={t('dash.settings.reminderTime')}
                  error={errors.notificationTime}
                >
                  <input
                    {...control('s-notificationTime', errors.notificationTime)}
                    type="time"
                    value={form.notificationTime}
                    onChange={(e) => set('notificationTime', e.target.value)}
                  />
                </Field>
              )}
              <p className="muted small">{t('dash.settings.reminderHint')}</p>
              <p className="muted small" data-testid="device-only">
                {t('dash.settings.deviceOnly')}
              </p>
            </Section>

            <Section title={t('dash.settings.panel')}>
              <p className="muted small">
                {t('dash.settings.panelLead')} {t('dash.settings.deviceOnly')}
              </p>
              <div className="form-grid two">
                {PANEL_SITES.map((site) => (
                  <Field key={site} id={`s-panel-${site}`} label={SITE_NAMES[site]}>
                    <select
                      id={`s-panel-${site}`}
                      value={form.panelMode[site]}
                      onChange={(e) =>
                        set('panelMode', { ...form.panelMode, [site]: e.target.value as PanelMode })
                      }
                    >
                      {PANEL_MODES.map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`dash.settings.panelMode.${mode}`)}
                          {DEFAULT_SETTINGS.panelMode[site] === mode
                            ? ` (${t('dash.settings.default')})`
                            : ''}
                        </option>
                      ))}
                    </select>
                  </Field>
                ))}
              </div>
            </Section>
          </div>
        </div>
        <SaveBar
          saveTestId="settings-save"
          dirty={dirty}
          hasErrors={Object.keys(errors).length > 0}
          busy={busy}
          error={saveError}
          onDiscard={() => {
            setDraft(null);
            setErrors({});
            setSaveError(undefined);
          }}
        />
      </form>
    </main>
  );
}
