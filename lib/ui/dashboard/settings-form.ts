// The settings page's form ↔ the stored settings. Stored are only the user's choices (lib/db
// settings.ts): a value equal to its default is not stored, so that "automatic" stays automatic
// (language: follow the browser; time zone: the browser's; reminder: off).
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  TIERS,
  issuesOf,
  type PanelMode,
  type Settings,
  type Tier,
} from '../../model';
import type { Locale } from '../../i18n';
import { HOLIDAY_REGIONS, holidayRegion, holidayRegionName } from '../../core';
import { issuesToErrors, parseWhole, type FieldErrors } from './form';

export const PANEL_SITES = ['gmail', 'outlook', 'xing', 'linkedin'] as const;
export type PanelSite = (typeof PANEL_SITES)[number];

export interface SettingsForm {
  contactEveryDays: Record<Tier, string>;
  feedbackEveryDays: Record<Tier, string>;
  afterPurchaseDays: string;
  birthdayLookaheadDays: string;
  tierMode: Settings['tierMode'];
  /** Percent, e.g. "80". */
  paretoA: string;
  paretoB: string;
  valueHorizonYears: string;
  /** ISO weekdays the user works on (1 = Monday … 7 = Sunday), ascending. */
  workingDays: number[];
  /** A code of HOLIDAY_REGIONS ('DE-BY-KATH'); '' = no public holidays. */
  holidayRegion: string;
  /** '' = the browser's zone. */
  timeZone: string;
  /** '' = follow the browser's language. */
  locale: '' | Locale;
  /** The daily reminder is on (the notifications permission was granted). */
  notify: boolean;
  notificationTime: string;
  panelMode: Record<PanelSite, PanelMode>;
}

export const DEFAULT_NOTIFICATION_TIME = '09:00';

const percent = (share: number) => String(Math.round(share * 1000) / 10).replace('.', ',');

/** The form for what is stored (absent keys show their defaults or "automatic"). */
export function settingsToForm(stored: Partial<Settings>): SettingsForm {
  const s: Settings = { ...DEFAULT_SETTINGS, ...stored };
  const perTier = (v: Record<Tier, number>) =>
    Object.fromEntries(TIERS.map((t) => [t, String(v[t])])) as Record<Tier, string>;
  return {
    contactEveryDays: perTier(s.contactEveryDays),
    feedbackEveryDays: perTier(s.feedbackEveryDays),
    afterPurchaseDays: String(s.afterPurchaseDays),
    birthdayLookaheadDays: String(s.birthdayLookaheadDays),
    tierMode: s.tierMode,
    paretoA: percent(s.paretoA),
    paretoB: percent(s.paretoB),
    valueHorizonYears: String(s.valueHorizonYears).replace('.', ','),
    workingDays: [...new Set(s.workingDays)].sort((a, b) => a - b),
    holidayRegion: stored.holidayRegion ?? '',
    timeZone: stored.timeZone ?? '',
    locale: stored.locale ?? '',
    notify: !!stored.notificationTime,
    notificationTime: stored.notificationTime ?? DEFAULT_NOTIFICATION_TIME,
    panelMode: { ...DEFAULT_SETTINGS.panelMode, ...stored.panelMode },
  };
}

function parseDecimal(text: string): number | undefined | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

// A message for fields whose schema names no `err.*` key.
const FALLBACK: Record<string, string> = {
  afterPurchaseDays: 'dash.err.days0to365',
  birthdayLookaheadDays: 'dash.err.days0to365',
  paretoA: 'dash.err.percent',
  paretoB: 'dash.err.percent',
  valueHorizonYears: 'dash.err.years',
  contactEveryDays: 'err.interval',
  feedbackEveryDays: 'err.interval',
};

/** `contactEveryDays.A` stays as it is (one field per tier); everything else by its key. */
function fieldOf(path: (string | number)[]): { field: string } {
  const [head, tier] = path;
  if ((head === 'contactEveryDays' || head === 'feedbackEveryDays') && typeof tier === 'string')
    return { field: `${head}.${tier}` };
  return { field: String(head ?? 'form') };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to store for a form: every key the page manages, undefined where the value is the default
 * or "automatic" (setSettings removes those keys), and the problems per field.
 */
export function formToSettings(form: SettingsForm): {
  patch: Partial<Settings>;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const whole = (field: string, text: string, fallback: number): number => {
    const p = parseWhole(text);
    if (!p.ok || p.value === undefined) {
      errors[field] = { key: FALLBACK[field.split('.')[0]!] ?? 'dash.err.invalid' };
      return fallback;
    }
    return p.value;
  };
  const perTier = (key: 'contactEveryDays' | 'feedbackEveryDays') =>
    Object.fromEntries(
      TIERS.map((t) => [t, whole(`${key}.${t}`, form[key][t], DEFAULT_SETTINGS[key][t])]),
    ) as Record<Tier, number>;
  const share = (field: 'paretoA' | 'paretoB') => {
    const v = parseDecimal(form[field]);
    if (v === undefined || v === null) {
      errors[field] = { key: 'dash.err.percent' };
      return DEFAULT_SETTINGS[field];
    }
    return Math.round(v * 10) / 1000;
  };
  const years = parseDecimal(form.valueHorizonYears);
  if (years === undefined || years === null) errors.valueHorizonYears = { key: 'dash.err.years' };
  const workingDays = [...new Set(form.workingDays)].sort((a, b) => a - b);
  if (!workingDays.length) errors.workingDays = { key: 'err.workingDays' };
  // Only a region of the list counts: a code the holiday library does not know would silently
  // mean "no holidays".
  const region = form.holidayRegion.trim() ? holidayRegion(form.holidayRegion) : undefined;
  if (form.holidayRegion.trim() && !region) errors.holidayRegion = { key: 'err.holidayRegion' };

  const full: Settings = {
    ...DEFAULT_SETTINGS,
    contactEveryDays: perTier('contactEveryDays'),
    feedbackEveryDays: perTier('feedbackEveryDays'),
    afterPurchaseDays: whole('afterPurchaseDays', form.afterPurchaseDays, 3),
    birthdayLookaheadDays: whole('birthdayLookaheadDays', form.birthdayLookaheadDays, 7),
    tierMode: form.tierMode,
    paretoA: share('paretoA'),
    paretoB: share('paretoB'),
    valueHorizonYears: typeof years === 'number' ? years : DEFAULT_SETTINGS.valueHorizonYears,
    workingDays: workingDays.length ? workingDays : DEFAULT_SETTINGS.workingDays,
    panelMode: { ...form.panelMode },
  };
  const timeZone = form.timeZone.trim();
  const checked = SettingsSchema.safeParse({
    ...full,
    ...(timeZone ? { timeZone } : {}),
    ...(region ? { holidayRegion: region.code } : {}),
    ...(form.notify ? { notificationTime: form.notificationTime.trim() } : {}),
  });
  const modelErrors = checked.success
    ? {}
    : issuesToErrors(issuesOf(checked.error), fieldOf, FALLBACK);

  const patch: Partial<Settings> = {};
  const keys = [
    'contactEveryDays',
    'feedbackEveryDays',
    'afterPurchaseDays',
    'birthdayLookaheadDays',
    'tierMode',
    'paretoA',
    'paretoB',
    'valueHorizonYears',
    'workingDays',
    'panelMode',
  ] as const;
  for (const k of keys)
    (patch as Record<string, unknown>)[k] = same(full[k], DEFAULT_SETTINGS[k])
      ? undefined
      : full[k];
  patch.holidayRegion = region?.code;
  patch.timeZone = timeZone || undefined;
  patch.locale = form.locale || undefined;
  patch.notificationTime = form.notify ? form.notificationTime.trim() : undefined;
  return { patch, errors: { ...modelErrors, ...errors } };
}

// ---------------------------------------------------------------------------------------------
// Public holidays: the regions of the list, by country

export interface HolidayOption {
  code: string;
  /** What the list shows: "Bayern", "Bayern: Überwiegend katholische Gemeinden". */
  name: string;
  level: 'country' | 'state' | 'region';
}

export interface HolidayCountry {
  code: string;
  /** "Deutschland" / "Germany". */
  name: string;
  /** The country as a whole first, then its states by name, each followed by its regions. */
  options: HolidayOption[];
}

/**
 * The holiday regions grouped by country (Deutschland, Österreich, Schweiz, in the library's
 * order), states sorted by name, a state's municipality regions right after it. The country itself
 * stands for its nationwide holidays only; its option's name is the country's (the page says so).
 */
export function holidayCountries(locale: Locale): HolidayCountry[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byName = (a: HolidayOption, b: HolidayOption) => collator.compare(a.name, b.name);
  const option = (code: string, level: HolidayOption['level']): HolidayOption => ({
    code,
    name: holidayRegionName(code, locale),
    level,
  });
  return HOLIDAY_REGIONS.filter((r) => r.level === 'country').map((country) => {
    const states = HOLIDAY_REGIONS.filter((r) => r.parent === country.code)
      .map((r) => option(r.code, 'state'))
      .sort(byName);
    const options = [option(country.code, 'country')];
    for (const state of states)
      options.push(
        state,
        ...HOLIDAY_REGIONS.filter((r) => r.parent === state.code)
          .map((r) => option(r.code, 'region'))
          .sort(byName),
      );
    return { code: country.code, name: country[locale], options };
  });
}

/** Whether the Bavarian hint applies: Bavaria or one of its regions is chosen. */
export function isBavarian(code: string): boolean {
  return code === 'DE-BY' || code.startsWith('DE-BY-');
}

/** The region for Mariä Himmelfahrt in Bavaria, by its name in the list. */
export const BAVARIA_CATHOLIC = 'DE-BY-KATH';
