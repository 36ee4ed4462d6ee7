// Import, export and backup strings in English and German. German must have exactly the English
// keys (checked by the compiler); lib/i18n/index.ts merges the areas.
export const en = {
  'io.title': 'Import & backup',
};

export const de: Record<keyof typeof en, string> = {
  'io.title': 'Import & Sicherung',
};
