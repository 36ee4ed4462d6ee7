import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KundennahDB } from '@/lib/db';
import { getDb, getStoredSettings, setSettings } from '@/lib/db';
import { putStoredSettings, restoreDefaultSettings, saveSettings } from '@/lib/ui/dashboard/data';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { HOLIDAY_REGIONS } from '@/lib/core';
import {
  formToSettings,
  holidayCountries,
  isBavarian,
  settingsToForm,
  type SettingsForm,
} from '@/lib/ui/dashboard/settings-form';
import { openFreshDb } from '../../../support/db';

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
      workingDays: [1, 2, 3, 4, 5],
      holidayRegion: '',
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
      expect.arrayContaining([
        'locale',
        'timeZone',
        'notificationTime',
        'contactEveryDays',
        'workingDays',
        'holidayRegion',
      ]),
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
      workingDays: [1, 2, 3, 4, 5, 6],
      holidayRegion: 'DE-BY-KATH',
    };
    const { patch, errors } = formToSettings(form);
    expect(errors).toEqual({});
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    expect(set).toEqual({
      contactEveryDays: { A: 10, B: 45, C: 120 },
      paretoA: 0.755,
      valueHorizonYears: 2.5,
      workingDays: [1, 2, 3, 4, 5, 6],
      holidayRegion: 'DE-BY-KATH',
      locale: 'en',
      timeZone: 'Europe/Vienna',
      notificationTime: '08:30',
      panelMode: { gmail: 'injected', outlook: 'injected', xing: 'injected', linkedin: 'injected' },
    });
    // And the form shows it again as it was typed (percent, decimal comma).
    expect(settingsToForm(set)).toMatchObject({
      paretoA: '75,5',
      valueHorizonYears: '2,5',
      workingDays: [1, 2, 3, 4, 5, 6],
      holidayRegion: 'DE-BY-KATH',
    });
  });

  it('stores working days in weekday order, once each; Monday to Friday is the default', () => {
    const days = (workingDays: number[]) => formToSettings({ ...defaults(), workingDays });
    expect(days([6, 2, 1, 2]).patch.workingDays).toEqual([1, 2, 6]);
    expect(days([7]).patch.workingDays).toEqual([7]);
    expect(days([5, 4, 3, 2, 1]).patch.workingDays).toBeUndefined();
    expect(days([1, 2, 3, 4, 5, 6, 7]).patch.workingDays).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days([1, 2, 3, 4, 5, 6, 7]).errors).toEqual({});
  });

  it('"Keine Feiertage" stores no region; a region of the list is stored by its code', () => {
    expect(
      formToSettings({ ...defaults(), holidayRegion: '' }).patch.holidayRegion,
    ).toBeUndefined();
    for (const code of ['DE', 'DE-BY', 'DE-BY-A', 'AT-9', 'CH-ZH', 'DE-TH-EIC'])
      expect(formToSettings({ ...defaults(), holidayRegion: code })).toEqual({
        patch: expect.objectContaining({ holidayRegion: code }),
        errors: {},
      });
  });

  it('shows a stored region as it is, even one the list does not know', () => {
    expect(settingsToForm({ holidayRegion: 'CH-GE' }).holidayRegion).toBe('CH-GE');
    expect(settingsToForm({ holidayRegion: 'DE-XX' }).holidayRegion).toBe('DE-XX');
    expect(settingsToForm({ workingDays: [6, 1] }).workingDays).toEqual([1, 6]);
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
    ['horizon 51 years', { valueHorizonYears: '51' }, 'valueHorizonYears', 'dash.err.years'],
    ['no working day', { workingDays: [] }, 'workingDays', 'err.workingDays'],
    [
      'a region the list does not know',
      { holidayRegion: 'DE-XX' },
      'holidayRegion',
      'err.holidayRegion',
    ],
    ['a region that is no code', { holidayRegion: 'Bayern' }, 'holidayRegion', 'err.holidayRegion'],
    ['unknown zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'err.timeZone'],
    ['reminder 25:00', { notify: true, notificationTime: '25:00' }, 'notificationTime', 'err.time'],
  ])('%s is refused at its field', (_label, patch, field, key) => {
    const { errors } = formToSettings({ ...defaults(), ...patch });
    expect(errors[field]?.key).toBe(key);
  });

  it('without any working day, the message stands at the working days alone', () => {
    const { errors } = formToSettings({ ...defaults(), workingDays: [], holidayRegion: 'DE-BY' });
    expect(Object.keys(errors)).toEqual(['workingDays']);
  });

  it('a reminder time is not stored while the reminder is off', () => {
    const { patch } = formToSettings({ ...defaults(), notify: false, notificationTime: '07:00' });
    expect(patch.notificationTime).toBeUndefined();
  });
});

describe('the list of holiday regions', () => {
  it('groups every region under its country: Deutschland, Österreich, Schweiz', () => {
    const de = holidayCountries('de');
    expect(de.map((c) => c.name)).toEqual(['Deutschland', 'Österreich', 'Schweiz']);
    expect(holidayCountries('en').map((c) => c.name)).toEqual([
      'Germany',
      'Austria',
      'Switzerland',
    ]);
    const codes = de.flatMap((c) => c.options.map((o) => o.code));
    expect([...codes].sort()).toEqual(HOLIDAY_REGIONS.map((r) => r.code).sort());
    for (const c of de) {
      expect(c.options[0]).toMatchObject({ code: c.code, level: 'country' });
      expect(c.options.slice(1).every((o) => o.code.startsWith(`${c.code}-`))).toBe(true);
    }
  });

  it('sorts the states by name, each followed by its municipality regions under its name', () => {
    const germany = holidayCountries('de')[0]!;
    const names = germany.options.map((o) => o.name);
    expect(names.slice(0, 7)).toEqual([
      'Deutschland',
      'Baden-Württemberg',
      'Bayern',
      'Bayern: Stadt Augsburg',
      'Bayern: Überwiegend evangelische Gemeinden',
      'Bayern: Überwiegend katholische Gemeinden',
      'Berlin',
    ]);
    const states = germany.options.filter((o) => o.level === 'state').map((o) => o.name);
    expect(states).toEqual([...states].sort((a, b) => a.localeCompare(b, 'de')));
    expect(states).toHaveLength(16);
    const thuringia = names.indexOf('Thüringen');
    expect(names.slice(thuringia + 1).every((n) => n.startsWith('Thüringen: '))).toBe(true);
    const swiss = holidayCountries('en')[2]!.options;
    expect(swiss.filter((o) => o.level === 'state')).toHaveLength(26);
    expect(swiss[1]!.name).toBe('Canton of Aargau');
  });

  it('gives the Bavarian hint for Bavaria and its regions only', () => {
    expect(isBavarian('DE-BY')).toBe(true);
    expect(isBavarian('DE-BY-EVANG')).toBe(true);
    expect(isBavarian('DE-BY-KATH')).toBe(true);
    expect(isBavarian('DE')).toBe(false);
    expect(isBavarian('DE-BE')).toBe(false);
    expect(isBavarian('')).toBe(false);
  });
});

describe('settings stored through the form', () => {
  let db: KundennahDB;
  beforeEach(async () => {
    db = await openFreshDb();
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

  it('puts back the working days and the region exactly as they were', async () => {
    await setSettings(getDb(), { workingDays: [1, 2, 3, 4], holidayRegion: 'AT-9' });
    const before = await getStoredSettings(getDb());
    const form = settingsToForm(before);
    const { patch, errors } = formToSettings({
      ...form,
      workingDays: [1, 2, 3, 4, 5, 6],
      holidayRegion: '',
    });
    expect(errors).toEqual({});
    const saved = await saveSettings(patch);
    expect(saved).toEqual({ ok: true, value: { workingDays: [1, 2, 3, 4, 5, 6] } });
    await putStoredSettings(before);
    expect(await getStoredSettings(getDb())).toEqual({
      workingDays: [1, 2, 3, 4],
      holidayRegion: 'AT-9',
    });

    // From the defaults: the undo removes both keys again.
    await putStoredSettings({});
    const added = formToSettings({
      ...settingsToForm({}),
      workingDays: [2, 3, 4, 5, 6],
      holidayRegion: 'CH-ZH',
    });
    await saveSettings(added.patch);
    expect(await getStoredSettings(getDb())).toEqual({
      workingDays: [2, 3, 4, 5, 6],
      holidayRegion: 'CH-ZH',
    });
    await putStoredSettings({});
    expect(await getStoredSettings(getDb())).toEqual({});
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
