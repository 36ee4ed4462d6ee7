// Today's follow-ups in the popup: order, actions with undo, search, quick add, the badge, and a
// service worker that is stopped between actions.
import type { Page } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { history, seed } from './seed';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const day = (days: number) => iso(days).slice(0, 10);
const inDays = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  return { month: d.getMonth() + 1, day: d.getDate() };
};

/** A small book of customers whose agenda order is known by the rules. */
function book() {
  const a = (id: string, name: string, company: string, extra: object = {}, more: object = {}) =>
    history({
      contact: { id, name, company, emails: [`${id}@example.de`], ...extra },
      purchases: [{ id: `${id}-p`, contactId: id, at: iso(-200), amount: 40_000 }],
      interactions: [
        {
          id: `${id}-i`,
          contactId: id,
          at: iso(-3),
          channel: 'phone',
          direction: 'out',
          personal: true,
        },
      ],
      feedback: [
        { id: `${id}-ok`, contactId: id, at: iso(-20), product: 5, service: 4, complaint: false },
      ],
      ...more,
    });
  return [
    // An overdue promise: first.
    a(
      'weiss',
      'Dr. Jana Weiß',
      'Weiß Steuerberatung',
      {},
      {
        commitments: [
          {
            id: 'weiss-c',
            contactId: 'weiss',
            text: 'Angebot schicken',
            createdAt: iso(-10),
            dueAt: day(-2),
          },
        ],
      },
    ),
    // An open complaint: second.
    a(
      'schaefer',
      'Matthias Schäfer',
      'Schäfer & Partner',
      {},
      {
        feedback: [
          {
            id: 'schaefer-f',
            contactId: 'schaefer',
            at: iso(-5),
            product: 2,
            service: 2,
            complaint: true,
            note: 'Lieferung zu spät',
          },
        ],
      },
    ),
    // A birthday in 3 days.
    a('brandt', 'Friedrich Brandt', 'Brandt Maschinenbau', {
      birthday: { ...inDays(3), year: 1966 },
    }),
    // Relationships overdue: an A customer due 26 days ago and a C customer due 80 days ago — the
    // earlier due day comes first (the tier only breaks ties).
    history({
      contact: {
        id: 'hofmann',
        name: 'Renate Hofmann',
        company: 'Hofmann Elektro',
        emails: ['hofmann@example.de'],
        interests: ['Oldtimer'],
      },
      purchases: [{ id: 'hofmann-p', contactId: 'hofmann', at: iso(-100), amount: 30_000 }],
      interactions: [
        {
          id: 'hofmann-i',
          contactId: 'hofmann',
          at: iso(-40),
          channel: 'visit',
          direction: 'out',
          personal: true,
          summary: 'Werkstatt besichtigt',
        },
      ],
      feedback: [
        { id: 'hofmann-ok', contactId: 'hofmann', at: iso(-20), product: 5, complaint: false },
      ],
    }),
    history({
      contact: {
        id: 'kuehn',
        name: 'Dieter Kühn',
        company: 'Kühn Malerbetrieb',
        emails: ['kuehn@example.de'],
      },
      purchases: [{ id: 'kuehn-p', contactId: 'kuehn', at: iso(-300), amount: 500 }],
      interactions: [
        {
          id: 'kuehn-i',
          contactId: 'kuehn',
          at: iso(-200),
          channel: 'email',
          direction: 'out',
          personal: true,
        },
      ],
      feedback: [
        { id: 'kuehn-ok', contactId: 'kuehn', at: iso(-20), product: 4, complaint: false },
      ],
    }),
  ];
}

async function badge(ext: Extension): Promise<string> {
  const sw = await ext.sw();
  return sw.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

async function popup(ext: Extension): Promise<Page> {
  const page = await ext.openPage('popup.html');
  await page.setViewportSize({ width: 420, height: 600 });
  await expect(page.getByTestId('agenda').or(page.getByTestId('empty-day'))).toBeVisible();
  return page;
}

test('shows today’s agenda grouped and in the order of the rules', async ({ ext }) => {
  await seed(ext, book());
  const page = await popup(ext);
  const groups = page.locator('section.group');
  await expect(groups).toHaveCount(4);
  await expect(groups.nth(0)).toHaveAttribute('data-testid', 'group-commitment');
  await expect(groups.nth(1)).toHaveAttribute('data-testid', 'group-complaint');
  await expect(groups.nth(2)).toHaveAttribute('data-testid', 'group-birthday');
  await expect(groups.nth(3)).toHaveAttribute('data-testid', 'group-cadence');
  const names = await page.getByTestId('agenda-item').locator('.item-name').allTextContents();
  expect(names).toEqual([
    'Dr. Jana Weiß',
    'Matthias Schäfer',
    'Friedrich Brandt',
    'Dieter Kühn',
    'Renate Hofmann',
  ]);
  await expect(page.getByTestId('group-complaint')).toContainText('per Telefon');
  await expect(page.getByTestId('due-count')).toContainText('5 Kontakte fällig');
  await expect.poll(() => badge(ext)).toBe('5');
  await page.screenshot({ path: 'docs/popup.png' });
  await page.locator('[data-contact="hofmann"] .item-head').click();
  await expect(page.getByTestId('group-cadence')).toContainText('Oldtimer');
});

test('every action persists, undo restores it, and the badge follows', async ({ ext }) => {
  await seed(ext, book());
  let page = await popup(ext);
  const weiss = page.locator('[data-contact="weiss"]');
  await weiss.getByTestId('item-done').click();
  await expect(weiss).toHaveCount(0);
  await expect.poll(() => badge(ext)).toBe('4');
  // Persisted: a fresh popup shows it done.
  await page.close();
  page = await popup(ext);
  await expect(page.locator('[data-contact="weiss"]')).toHaveCount(0);

  // Birthday wished, with a line of text; undo brings it back.
  const brandt = page.locator('[data-contact="brandt"]');
  await brandt.locator('.item-head').click();
  await brandt.getByLabel('Was ist passiert?').fill('Karte geschickt');
  await brandt.getByTestId('item-done').click();
  await expect(brandt).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('Erledigt: Friedrich Brandt');
  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.locator('[data-contact="brandt"]')).toHaveCount(1);

  // Later: next week hides it today; undo shows it again.
  const kuehn = page.locator('[data-contact="kuehn"]');
  await kuehn.getByTestId('item-later').click();
  await kuehn.getByTestId('snooze-next-week').click();
  await expect(kuehn).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('später');
  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.locator('[data-contact="kuehn"]')).toHaveCount(1);

  // The complaint resolved: gone, and the dashboard record shows it resolved.
  await page.locator('[data-contact="schaefer"]').getByTestId('item-done').click();
  await expect(page.locator('[data-contact="schaefer"]')).toHaveCount(0);
  await expect.poll(() => badge(ext)).toBe('3');
});

test('the service worker stopped between actions loses nothing', async ({ ext }) => {
  await seed(ext, book());
  const page = await popup(ext);
  await ext.stopServiceWorker();
  await page.locator('[data-contact="hofmann"]').getByTestId('item-done').click();
  await expect(page.locator('[data-contact="hofmann"]')).toHaveCount(0);
  await expect.poll(() => badge(ext)).toBe('4');
  await ext.stopServiceWorker();
  await page.locator('[data-contact="kuehn"]').getByTestId('item-done').click();
  await expect(page.locator('[data-contact="kuehn"]')).toHaveCount(0);
  await expect.poll(() => badge(ext)).toBe('3');
  const fresh = await popup(ext);
  await expect(fresh.getByTestId('agenda-item')).toHaveCount(3);
});

test('finds contacts as you type, adds one, and adds a follow-up in words', async ({ ext }) => {
  await seed(ext, book());
  const page = await popup(ext);
  const search = page.getByTestId('contact-search');
  await search.fill('hofm');
  await expect(page.getByTestId('search-results')).toContainText('Renate Hofmann');
  await search.fill('maschinenbau');
  await expect(page.getByTestId('search-results')).toContainText('Friedrich Brandt');
  await search.fill('kuehn@');
  await expect(page.getByTestId('search-results')).toContainText('Dieter Kühn');
  await search.fill('Mueller'); // folded: finds nobody yet, offers to add
  await expect(page.getByTestId('search-results')).toContainText('Kein Kontakt gefunden');
  await page.getByTestId('quick-add-open').click();
  await page.getByTestId('quick-add').getByLabel('E-Mail').fill('petra.mueller@mueller-bau.de');
  await page.getByTestId('quick-add').getByLabel('Firma').fill('Müller Bau');
  await page.getByTestId('quick-add').getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByTestId('toast')).toContainText('Mueller angelegt');
  await page.getByTestId('contact-search').fill('müller');
  await expect(page.getByTestId('search-results')).toContainText('Mueller');

  // A second contact with the same e-mail is refused, naming the existing one.
  await page.getByTestId('new-contact').click();
  await page.getByTestId('quick-add').getByLabel('Name').fill('P. Müller');
  await page.getByTestId('quick-add').getByLabel('E-Mail').fill('Petra.Mueller@mueller-bau.de');
  await page.getByTestId('quick-add').getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByTestId('quick-add')).toContainText('schon in Kundennah: Mueller');
  await page.getByTestId('quick-add').getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByTestId('new-follow-up').click();
  const form = page.getByTestId('follow-up-form');
  await form.getByTestId('contact-search').fill('kühn');
  await form.getByRole('option', { name: /Dieter Kühn/ }).click();
  await form.getByTestId('follow-up-when').fill('in 2 Wochen');
  await expect(form.getByTestId('follow-up-day')).toContainText(
    day(14).split('-').reverse().slice(0, 2).join('.'),
  );
  await form.getByTestId('follow-up-note').fill('wegen Angebot anrufen');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('toast')).toContainText('Wiedervorlage für Dieter Kühn');
});

test('an empty day says so and shows the next touches', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: { id: 'ok', name: 'Lena Fischer', company: 'Fischer Grafik' },
      purchases: [{ id: 'ok-p', contactId: 'ok', at: iso(-30), amount: 900 }],
      interactions: [
        {
          id: 'ok-i',
          contactId: 'ok',
          at: iso(-1),
          channel: 'phone',
          direction: 'out',
          personal: true,
        },
      ],
      feedback: [
        { id: 'ok-f', contactId: 'ok', at: iso(-1), product: 5, service: 5, complaint: false },
      ],
    }),
  ]);
  const page = await popup(ext);
  await expect(page.getByTestId('empty-day')).toContainText('Heute ist nichts fällig');
  await expect(page.getByTestId('empty-day')).toContainText('Lena Fischer');
  await expect.poll(() => badge(ext)).toBe('');
});

test.describe('in English', () => {
  test.use({ uiLocale: 'en-US' });
  test('the popup speaks English', async ({ ext }) => {
    await seed(ext, book());
    const page = await popup(ext);
    await expect(page.getByTestId('group-commitment')).toContainText('Promises');
    await expect(page.getByTestId('due-count')).toContainText('5 touches due');
    await page.screenshot({ path: 'docs/popup-en.png' });
  });
});
