import * as background from './background';
import * as common from './common';
import * as dashboard from './dashboard';
import * as io from './io';
import * as panel from './panel';
import * as popup from './popup';

// One file per area of the UI, so that work on one page does not touch another page's strings.
const AREAS = { common, panel, popup, dashboard, io, background };

const en = Object.assign({}, ...Object.values(AREAS).map((a) => a.en)) as typeof common.en &
  typeof panel.en &
  typeof popup.en &
  typeof dashboard.en &
  typeof io.en &
  typeof background.en;
const de = Object.assign({}, ...Object.values(AREAS).map((a) => a.de)) as Record<
  keyof typeof en,
  string
>;

export type MessageKey = keyof typeof en;

/** Every area's keys, for the test that no key is defined twice. */
export const AREA_KEYS: Record<string, string[]> = Object.fromEntries(
  Object.entries(AREAS).map(([name, a]) => [name, Object.keys(a.en)]),
);

export type Locale = 'de' | 'en';
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { de, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/**
 * Translate a key. `{name}` placeholders take params; a key with `.one`/`.other` variants picks one
 * by `params.count`. Unknown keys come back as written (so plain English passes through).
 */
export function translate(locale: Locale, key: string, params: Params = {}): string {
  const dict = dictionaries[locale];
  let template: string | undefined;
  if (typeof params.count === 'number') {
    const variant = `${key}.${params.count === 1 ? 'one' : 'other'}`;
    if (isMessageKey(variant)) template = dict[variant];
  }
  if (template === undefined) template = isMessageKey(key) ? dict[key] : key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number, digits = 0): string {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

export function formatMoney(locale: Locale, amount: number): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A calendar day (`YYYY-MM-DD`) or instant for people: "22.11.2026" / "22 Nov 2026". */
export function formatDay(locale: Locale, iso: string, timeZone?: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dayOnly ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: dayOnly ? 'UTC' : timeZone,
  }).format(date);
}

export function makeT(locale: Locale) {
  return (key: MessageKey | (string & {}), params?: Params) => translate(locale, key, params);
}
export type T = ReturnType<typeof makeT>;
