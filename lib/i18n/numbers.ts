// Numbers, amounts and shares for people, written by hand rather than with Intl so that a text is
// the same on every machine (ICU versions differ in spaces and abbreviations) and cheap enough for
// thousands of agenda items. The one number formatter of the app.
import type { Locale } from './locale';

const NBSP = '\u00a0';

function group(digits: string, sep: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** de "1.234,5", en "1,234.5": at most `digits` decimals (trailing zeros dropped). */
export function formatNumber(locale: Locale, n: number, digits = 0): string {
  if (!Number.isFinite(n)) return String(n);
  // Small whole numbers (counts, days, ratings) are the common case: no rounding, no grouping.
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const scale = 10 ** digits;
  const rounded = Math.round(Math.abs(n) * scale) / scale;
  const [whole = '0', fraction = ''] = rounded.toFixed(digits).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  const [thousands, decimal] = locale === 'de' ? ['.', ','] : [',', '.'];
  return `${sign}${group(whole, thousands)}${trimmed ? decimal + trimmed : ''}`;
}

/**
 * An amount in euros: de "48.200 €", en "€48,200"; with cents when it has any ("1.250,50 €",
 * "€1,250.50"), or always whole euros with `whole`.
 */
export function formatMoney(locale: Locale, euros: number, whole = false): string {
  if (!Number.isFinite(euros)) return String(euros);
  const cents = Math.round(euros * 100);
  const showCents = !whole && cents % 100 !== 0;
  const units = Math.abs(showCents ? Math.trunc(cents / 100) : Math.round(cents / 100));
  const sign = cents < 0 && (units !== 0 || showCents) ? '-' : '';
  const de = locale === 'de';
  let digits = group(String(units), de ? '.' : ',');
  if (showCents) {
    const c = Math.abs(cents) % 100;
    digits += (de ? ',' : '.') + (c < 10 ? `0${c}` : String(c));
  }
  return locale === 'de' ? `${sign}${digits}${NBSP}€` : `${sign}€${digits}`;
}

/** Whole euros from integer cents (the rules compute in cents). */
export function formatCents(locale: Locale, cents: number): string {
  return formatMoney(locale, Math.round(cents / 100), true);
}

/** A share 0..1 as percent with at most one decimal: de "80 %", en "80%". */
export function formatPercent(locale: Locale, share: number): string {
  const text = formatNumber(locale, share * 100, 1);
  return locale === 'de' ? `${text}${NBSP}%` : `${text}%`;
}
