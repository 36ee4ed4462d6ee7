// Dashboard strings in English and German. German must have exactly the English keys (checked by
// the compiler); lib/i18n/index.ts merges the areas.
export const en = {
  'nav.contacts': 'Contacts',
  'nav.insights': 'Insights',
  'nav.duplicates': 'Duplicates',
  'nav.import': 'Import & backup',
  'nav.settings': 'Settings',
};

export const de: Record<keyof typeof en, string> = {
  'nav.contacts': 'Kontakte',
  'nav.insights': 'Auswertungen',
  'nav.duplicates': 'Dubletten',
  'nav.import': 'Import & Sicherung',
  'nav.settings': 'Einstellungen',
};
