import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { makeT, type Locale, type T } from '@/lib/i18n';

interface I18nValue {
  locale: Locale;
  t: T;
}

const I18nContext = createContext<I18nValue>({ locale: 'en', t: makeT('en') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: makeT(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
