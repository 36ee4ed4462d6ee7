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
import * as sync from './sync';

const AREAS = { common, panel, popup, dashboard, io, background, rules, sync };

const en = Object.assign({}, ...Object.values(AREAS).map((a) => a.en)) as typeof common.en &
  typeof panel.en &
  typeof popup.en &
  typeof dashboard.en &
  typeof io.en &
  typeof background.en &
  typeof rules.en &
  typeof sync.en;
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
 * A template split once into literal text and parameter names (even indexes text, odd indexes
 * names): the rules fill the same few templates tens of thousands of times per recomputation.
 */
type Compiled = readonly string[];
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let parts = compiled.get(template);
  if (!parts) {
    const out: string[] = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      out.push(template.slice(last, m.index), m[1] as string);
      last = (m.index as number) + m[0].length;
    }
    out.push(template.slice(last));
    parts = out;
    // Templates are the dictionaries' values and the rare unknown text: a bounded set.
    if (compiled.size < 10_000) compiled.set(template, parts);
  }
  return parts;
}

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
  const parts = compile(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const v = params[name];
    out += v === undefined ? `{${name}}` : typeof v === 'number' ? formatNumber(locale, v) : v;
    out += parts[i + 1] as string;
  }
  return out;
}

export function makeT(locale: Locale) {
  return (key: MessageKey | (string & {}), params?: Params) => translate(locale, key, params);
}
export type T = ReturnType<typeof makeT>;
