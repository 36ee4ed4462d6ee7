// Every user-visible text of Kundennah, by key, in English and German: one file per area of the UI
// (so that work on one page does not touch another page's strings), merged here. The rules' words
// live in rules.ts; lib/core renders its reasons through `translate` too.
import * as background from './background';
import * as common from './common';
import * as dashboard from './dashboard';
import * as io from './io';
import type { Locale } from './locale';
import { formatNumber } from './numbers';
import * as panel from './panel';
import * as popup from './popup';
import * as rules from './rules';

const AREAS = { common, panel, popup, dashboard, io, background, rules };

const en = Object.assign({}, ...Object.values(AREAS).map((a) => a.en)) as typeof common.en &
  typeof panel.en &
  typeof popup.en &
  typeof dashboard.en &
  typeof io.en &
  typeof background.en &
  typeof rules.en;
const de = Object.assign({}, ...Object.values(AREAS).map((a) => a.de)) as Record<
  keyof typeof en,
  string
>;

export type MessageKey = keyof typeof en;

/** Every area's keys, for the test that no key is defined twice. */
export const AREA_KEYS: Record<string, string[]> = Object.fromEntries(
  Object.entries(AREAS).map(([name, a]) => [name, Object.keys(a.en)]),
);

export type Params = Record<string, string | number>;

const dictionaries: Readonly<Record<Locale, Record<MessageKey, string>>> = Object.freeze({
  de,
  en,
});

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Translate a key. `{name}` placeholders take params (numbers are formatted for the language); a
 * key with `.one`/`.other` variants picks one by `params.count`. Unknown keys come back as written
 * (so plain English passes through).
 */
export function translate(locale: Locale, key: string, params?: Params): string {
  const dict = dictionaries[locale] ?? dictionaries.en;
  let template: string | undefined;
  if (params && typeof params.count === 'number') {
    const variant = `${key}.${params.count === 1 ? 'one' : 'other'}`;
    if (isMessageKey(variant)) template = dict[variant];
  }
  if (template === undefined) template = isMessageKey(key) ? dict[key] : key;
  if (!params || template.indexOf('{') < 0) return template;
  return template.replace(PLACEHOLDER, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

export function makeT(locale: Locale) {
  return (key: MessageKey | (string & {}), params?: Params) => translate(locale, key, params);
}
export type T = ReturnType<typeof makeT>;
