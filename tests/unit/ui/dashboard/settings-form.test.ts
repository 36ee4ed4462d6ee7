import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KundennahDB, getDb, getStoredSettings, setSettings } from '@/lib/db';
import { putStoredSettings, restoreDefaultSettings, saveSettings } from '@/lib/ui/dashboard/data';
import { DEFAULT_SETTINGS } from '@/lib/model';
import {
  formToSettings,
  settingsToForm,
  type SettingsForm,
} from '@/lib/ui/dashboard/settings-form';

const defaults = () => settingsToForm({});

describe('settings ↔ form', () => {
  it('shows the defaults, "automatic" language, the browser’s zone and no reminder when nothing is stored', () => {
    const form = defaults();
    expect(form).toMatchObject({
      contactEveryDays: { A: '14', B: '45', C: '120' },
      feedbackEveryDays: { A: '90', B: '180', C: '365' },
      afterPurchaseDays: '3',
      birthdayLookaheadDays: '7',
      tierMode: 'revenue',
      paretoA: '80',
      paretoB: '95',
      valueHorizonYears: '3',
      timeZone: '',
      locale: '',
      notify: false,
      panelMode: {
        gmail: 'injected',
        outlook: 'injected',
        xing: 'injected',
        linkedin: 'sidepanel',
      },
    });
  });

  it('stores nothing for an untouched form (defaults stay defaults, automatic stays automatic)', () => {
    const { patch, errors } = formToSettings(defaults());
    expect(errors).toEqual({});
    expect(Object.values(patch).every((v) => v === undefined)).toBe(true);
    expect(Object.keys(patch)).toEqual(
      expect.arrayContaining(['locale', 'timeZone', 'notificationTime', 'contactEveryDays']),
    );
  });

  it('stores only what differs from the defaults', () => {
    const form: SettingsForm = {
      ...defaults(),
      contactEveryDays: { A: '10', B: '45', C: '120' },
      paretoA: '75,5',
      valueHorizonYears: '2,5',
      locale: 'en',
      timeZone: ' Europe/Vienna ',
      notify: true,
      notificationTime: '08:30',
      panelMode: { ...defaults().panelMode, linkedin: 'injected' },
    };
    const { patch, errors } = formToSettings(form);
    expect(errors).toEqual({});
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    expect(set).toEqual({
      contactEveryDays: { A: 10, B: 45, C: 120 },
      paretoA: 0.755,
      valueHorizonYears: 2.5,
      locale: 'en',
      timeZone: 'Europe/Vienna',
      notificationTime: '08:30',
      panelMode: { gmail: 'injected', outlook: 'injected', xing: 'injected', linkedin: 'injected' },
    });
    // And the form shows it again as it was typed (percent, decimal comma).
    expect(settingsToForm(set)).toMatchObject({ paretoA: '75,5', valueHorizonYears: '2,5' });
  });

  it.each<[string, Partial<SettingsForm>, string, string]>([
    [
      'interval 0',
      { contactEveryDays: { A: '0', B: '45', C: '120' } },
      'contactEveryDays.A',
      'err.interval',
    ],
    [
      'interval blank',
      { feedbackEveryDays: { A: '90', B: '', C: '365' } },
      'feedbackEveryDays.B',
      'err.interval',
    ],
    [
      'interval 1.5',
      { contactEveryDays: { A: '14', B: '45', C: '1,5' } },
      'contactEveryDays.C',
      'err.interval',
    ],
    [
      'after-purchase 400 days',
      { afterPurchaseDays: '400' },
      'afterPurchaseDays',
      'dash.err.days0to365',
    ],
    [
      'look-ahead -1',
      { birthdayLookaheadDays: '-1' },
      'birthdayLookaheadDays',
      'dash.err.days0to365',
    ],
    ['A threshold 100 %', { paretoA: '100' }, 'paretoA', 'dash.err.percent'],
    ['A threshold text', { paretoA: 'viel' }, 'paretoA', 'dash.err.percent'],
    ['A above B', { paretoA: '96' }, 'paretoB', 'err.pareto'],
    ['horizon 0 years', { valueHorizonYears: '0' }, 'valueHorizonYears', 'dash.err.years'],
    ['unknown zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'err.timeZone'],
    ['reminder 25:00', { notify: true, notificationTime: '25:00' }, 'notificationTime', 'err.time'],
  ])('%s is refused at its field', (_label, patch, field, key) => {
    const { errors } = formToSettings({ ...defaults(), ...patch });
    expect(errors[field]?.key).toBe(key);
  });

  it('a reminder time is not stored while the reminder is off', () => {
    const { patch } = formToSettings({ ...defaults(), notify: false, notificationTime: '07:00' });
    expect(patch.notificationTime).toBeUndefined();
  });
});

describe('settings stored through the form', () => {
  let db: KundennahDB;
  beforeEach(async () => {
    db = new KundennahDB(`test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('"automatic" removes the language key; defaults remove theirs', async () => {
    await setSettings(db, { locale: 'en', contactEveryDays: { A: 7, B: 45, C: 120 } });
    const form = settingsToForm(await getStoredSettings(db));
    expect(form.locale).toBe('en');
    const { patch } = formToSettings({
      ...form,
      locale: '',
      contactEveryDays: { A: '14', B: '45', C: '120' },
    });
    await setSettings(db, patch);
    expect(await getStoredSettings(db)).toEqual({});
    expect(DEFAULT_SETTINGS.contactEveryDays.A).toBe(14);
  });
});

describe('undo of a settings change', () => {
  afterEach(async () => {
    await getDb().settings.clear();
  });

  it('puts back exactly what was stored, removing keys the change added', async () => {
    await setSettings(getDb(), { locale: 'en' });
    const before = await getStoredSettings(getDb());
    const saved = await saveSettings({ timeZone: 'Europe/Vienna', locale: undefined });
    expect(saved).toEqual({ ok: true, value: { timeZone: 'Europe/Vienna' } });
    await putStoredSettings(before);
    expect(await getStoredSettings(getDb())).toEqual({ locale: 'en' });
  });

  it('"restore defaults" empties the stored settings and its undo brings them back', async () => {
    await setSettings(getDb(), { paretoA: 0.7, tierMode: 'value' });
    const before = await restoreDefaultSettings();
    expect(await getStoredSettings(getDb())).toEqual({});
    await putStoredSettings(before);
    expect(await getStoredSettings(getDb())).toEqual({ paretoA: 0.7, tierMode: 'value' });
  });

  it('refuses invalid settings with messages per field and stores nothing', async () => {
    const result = await saveSettings({ paretoA: 0.97 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.paretoB?.key).toBe('err.pareto');
    expect(await getStoredSettings(getDb())).toEqual({});
  });
});
