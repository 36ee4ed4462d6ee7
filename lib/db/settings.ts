import { DEFAULT_SETTINGS, SettingsSchema, validate, type Settings } from '../model';
import { guardWrite } from './errors';
import type { KundennahDB } from './database';

/** The language a new user sees: the browser's, German unless it is clearly not German. */
export function localeFromLanguage(language: string | undefined): Settings['locale'] {
  return language && !language.toLowerCase().startsWith('de') ? 'en' : 'de';
}

/** What the user chose, without defaults (the settings page shows "automatic" for absent keys). */
export async function getStoredSettings(db: KundennahDB): Promise<Partial<Settings>> {
  return (await db.settings.get('settings'))?.values ?? {};
}

/** Effective settings: defaults, then the browser's language, then what the user chose. */
export function effectiveSettings(stored: Partial<Settings>, browserLanguage?: string): Settings {
  return {
    ...DEFAULT_SETTINGS,
    locale: localeFromLanguage(browserLanguage),
    ...stored,
  };
}

export async function getSettings(db: KundennahDB, browserLanguage?: string): Promise<Settings> {
  return effectiveSettings(await getStoredSettings(db), browserLanguage);
}

/**
 * Store the user's choices. Keys set to undefined go back to their default (for `locale`:
 * the browser's language). Validated as a whole before anything is written.
 */
export async function setSettings(
  db: KundennahDB,
  patch: Partial<Settings>,
): Promise<Partial<Settings>> {
  const stored = { ...(await getStoredSettings(db)), ...patch };
  for (const k of Object.keys(stored) as (keyof Settings)[])
    if (stored[k] === undefined) delete stored[k];
  validate(SettingsSchema, { ...DEFAULT_SETTINGS, ...stored }, 'settings');
  await guardWrite(() =>
    db.settings.put({ id: 'settings', values: stored, updatedAt: new Date().toISOString() }),
  );
  return stored;
}

/**
 * Everything back to its default. The row stays, empty: with sync on, a reset travels to the
 * user's other devices as every setting of the user going back to its default.
 */
export async function resetSettings(db: KundennahDB): Promise<void> {
  await guardWrite(() =>
    db.settings.put({ id: 'settings', values: {}, updatedAt: new Date().toISOString() }),
  );
}
