// The optional daily reminder: at the chosen time, a notification with today's count and the first
// items; a click opens the popup's content in a tab. Off until the user turns it on (settings), and
// only while the notifications permission is granted.
import { browser } from 'wxt/browser';
import { addDays, toEpoch, todayIn } from '../core';
import type { AgendaRow } from '../db';
import { translate, type Locale } from '../i18n';
import type { Settings } from '../model';

export const REMINDER_ALARM = 'kundennah-daily-reminder';
export const REMINDER_NOTIFICATION = 'kundennah-today';

/** The next instant of `HH:MM` in the user's zone after `now` (wall-clock time; DST-proof). */
export function nextReminderAt(time: string, now: Date, timeZone?: string): number {
  const today = todayIn(now, timeZone);
  const at = toEpoch(`${today}T${time}`, timeZone);
  return at > now.getTime() ? at : toEpoch(`${addDays(today, 1)}T${time}`, timeZone);
}

export async function scheduleReminder(settings: Settings, now: Date): Promise<void> {
  await browser.alarms.clear(REMINDER_ALARM);
  if (!settings.notificationTime) return;
  await browser.alarms.create(REMINDER_ALARM, {
    when: nextReminderAt(settings.notificationTime, now, settings.timeZone),
  });
}

/** Title and lines of the reminder (pure, for tests). */
export function reminderText(rows: AgendaRow[], total: number, locale: Locale) {
  const lines = rows.slice(0, 3).map((r) => `${r.name}: ${r.reasons[0] ?? ''}`);
  if (total > 3) lines.push(translate(locale, 'bg.reminderMore', { count: total - 3 }));
  return {
    title: translate(locale, 'bg.reminderTitle', { count: total }),
    message: lines.join('\n'),
  };
}

export async function showReminder(
  rows: AgendaRow[],
  total: number,
  locale: Locale,
): Promise<boolean> {
  if (total === 0) return false;
  const allowed = await browser.permissions.contains({ permissions: ['notifications'] });
  if (!allowed || !browser.notifications) return false;
  const { title, message } = reminderText(rows, total, locale);
  await browser.notifications.create(REMINDER_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
  return true;
}

/** The popup's content in a tab (a notification cannot open the popup itself). */
export async function openToday(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
}
