/** The languages Kundennah speaks (one type for the whole app). */
export type Locale = 'de' | 'en';

export const LOCALES: readonly Locale[] = ['de', 'en'];

/** 'de' for German browsers and settings ("de-AT"), 'en' for English ones, else `fallback`. */
export function localeOf(value: unknown, fallback: Locale = 'de'): Locale {
  if (typeof value !== 'string') return fallback;
  const v = value.toLowerCase();
  return v.startsWith('en') ? 'en' : v.startsWith('de') ? 'de' : fallback;
}
