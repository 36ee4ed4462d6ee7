import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  REMINDER_ALARM,
  nextReminderAt,
  reminderText,
  scheduleReminder,
  showReminder,
} from '@/lib/background/reminder';
import { showBadgeCount, showBadgeText } from '@/lib/background/badge';
import { emailFrom } from '@/lib/background/menus';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import type { AgendaRow } from '@/lib/db';

const berlin: Settings = {
  ...DEFAULT_SETTINGS,
  timeZone: 'Europe/Berlin',
  notificationTime: '08:30',
};

describe('the daily reminder', () => {
  it.each([
    ['before the time: today', '2026-11-22T06:00:00.000Z', '2026-11-22T07:30:00.000Z'],
    ['after the time: tomorrow', '2026-11-22T09:00:00.000Z', '2026-11-23T07:30:00.000Z'],
    ['across the switch to summer time', '2026-03-28T12:00:00.000Z', '2026-03-29T06:30:00.000Z'],
  ])('%s', (_l, now, expected) => {
    expect(new Date(nextReminderAt('08:30', new Date(now), 'Europe/Berlin')).toISOString()).toBe(
      expected,
    );
  });

  it('is scheduled as an alarm only when the user turned it on', async () => {
    const now = new Date('2026-11-22T06:00:00.000Z');
    await scheduleReminder(berlin, now);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(
      Date.parse('2026-11-22T07:30:00.000Z'),
    );
    await scheduleReminder({ ...berlin, notificationTime: undefined }, now);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  const row = (name: string, reason: string) => ({ name, reasons: [reason] }) as AgendaRow;

  it('says how many are due and names the first three', () => {
    const rows = [
      row('Anna', 'Versprechen überfällig'),
      row('Bernd', 'Geburtstag'),
      row('Clara', 'Feedback'),
      row('Dieter', 'x'),
    ];
    expect(reminderText(rows, 5, 'de')).toEqual({
      title: 'Kundennah: heute 5 Kontakte fällig',
      message: 'Anna: Versprechen überfällig\nBernd: Geburtstag\nClara: Feedback\n… und 2 weitere',
    });
    expect(reminderText(rows.slice(0, 1), 1, 'en').title).toBe('Kundennah: 1 touch due today');
  });

  it('shows nothing without the permission or without anything due', async () => {
    const create = vi.fn();
    (fakeBrowser as unknown as { notifications: object }).notifications = { create };
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    expect(await showReminder([row('Anna', 'x')], 1, 'de')).toBe(false);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await showReminder([], 0, 'de')).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect(await showReminder([row('Anna', 'Versprechen')], 1, 'de')).toBe(true);
    expect(create).toHaveBeenCalledWith(
      'kundennah-today',
      expect.objectContaining({ title: 'Kundennah: heute 1 Kontakt fällig' }),
    );
  });
});

describe('the toolbar badge', () => {
  it('shows the count, nothing for zero, 99+ for many', async () => {
    await showBadgeCount(7);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7');
    await showBadgeCount(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await showBadgeCount(250);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('99+');
    await showBadgeText('✓', 'Kontakt festgehalten');
    expect(await fakeBrowser.action.getTitle({})).toBe('Kontakt festgehalten');
  });
});

describe('the context menu', () => {
  it.each([
    [
      { linkUrl: 'mailto:Anna.Schmidt@Schmidt-Partner.de?subject=Hallo' },
      'anna.schmidt@schmidt-partner.de',
    ],
    [{ linkUrl: 'mailto:%22Anna%22%20%3Canna@x.de%3E' }, 'anna@x.de'],
    [
      { selectionText: '  Bitte an jonas.weber@schmidt-partner.de schreiben ' },
      'jonas.weber@schmidt-partner.de',
    ],
    [{ selectionText: 'Jonas Weber' }, undefined],
  ])('%j → %s', (info, email) => expect(emailFrom(info)).toBe(email));
});
