// Popup strings in English and German. German must have exactly the English keys (checked by the
// compiler); lib/i18n/index.ts merges the areas.
export const en = {
  'popup.loading': 'Loading today…',
};

export const de: Record<keyof typeof en, string> = {
  'popup.loading': 'Lade den Tag…',
};
