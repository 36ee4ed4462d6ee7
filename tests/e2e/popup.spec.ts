// Today's follow-ups in the popup: order, actions with undo, search, quick add, the badge, and a
// service worker that is stopped between actions.
import type { Page } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { history, readTables, seed } from './seed';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const day = (days: number) => iso(days).slice(0, 10);
/** A calendar day in the browser's zone (the extension's "today" without a zone set). */
const localDay = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
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

/** Dr. Jana Weiß with a follow-up due today besides her overdue promise (same data otherwise). */
function weissFollowUp() {
  const weiss = book()[0]!;
  return {
    ...weiss,
    followUps: [
      {
        id: 'weiss-fu',
        contactId: 'weiss',
        dueAt: day(0),
        note: 'Termin für den Jahresabschluss vereinbaren',
      },
    ],
  };
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
  // A second item of Dr. Jana Weiß joins her card, at her place: one conversation per customer.
  await seed(ext, [weissFollowUp()]);
  const weiss = page.locator('[data-contact="weiss"]');
  await expect(weiss.getByTestId('agenda-part')).toHaveCount(2);
  await expect(weiss.locator('.card-call')).toHaveText('Anruf bei');
  await expect(page.getByTestId('agenda-item').locator('.item-name')).toHaveText(names);
  await expect(page.getByTestId('group-follow-up')).toHaveCount(0);
  await expect(page.getByTestId('due-count')).toContainText('6 Kontakte fällig');
  await page.screenshot({ path: 'docs/popup.png' });
  await page.locator('[data-contact="hofmann"] .item-head').click();
  await expect(page.getByTestId('group-cadence')).toContainText('Oldtimer');
});

test('every action persists, undo restores it, and the badge follows', async ({ ext }) => {
  await seed(ext, book());
  let page = await popup(ext);
  const weiss = page.locator('[data-contact="weiss"]');
  // A promise to be kept by phone: "done" asks for the after-call note; Enter saves it as it is.
  await weiss.getByTestId('item-done').click();
  await expect(weiss.getByLabel('Worum ging es?')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(weiss).toHaveCount(0);
  await expect.poll(() => badge(ext)).toBe('4');
  // Persisted: a fresh popup shows it done.
  await page.close();
  page = await popup(ext);
  await expect(page.locator('[data-contact="weiss"]')).toHaveCount(0);

  // Birthday wished by phone, with a line of text in the after-call note; undo brings it back.
  const brandt = page.locator('[data-contact="brandt"]');
  await brandt.getByTestId('item-done').click();
  await brandt.getByLabel('Worum ging es?').fill('Gratuliert, Grüße an die Familie');
  await brandt.getByTestId('after-call-note').getByRole('button', { name: 'Erledigt' }).click();
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

  // The complaint resolved: "Geklärt" asks what was agreed; saved as it is, it is gone.
  await page.locator('[data-contact="schaefer"]').getByTestId('item-done').click();
  await page.getByTestId('settle-form').getByRole('button', { name: 'Geklärt' }).click();
  await expect(page.locator('[data-contact="schaefer"]')).toHaveCount(0);
  await expect.poll(() => badge(ext)).toBe('3');
});

test('the service worker stopped between actions loses nothing', async ({ ext }) => {
  await seed(ext, book());
  const page = await popup(ext);
  await ext.stopServiceWorker();
  // A call: the after-call note opens with the focus in it; Enter saves.
  await page.locator('[data-contact="hofmann"]').getByTestId('item-done').click();
  await expect(page.getByTestId('after-call-note').getByLabel('Worum ging es?')).toBeFocused();
  await page.keyboard.press('Enter');
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
    await seed(ext, [weissFollowUp()]);
    const weiss = page.locator('[data-contact="weiss"]');
    await expect(weiss.getByTestId('agenda-part')).toHaveCount(2);
    await expect(weiss.locator('.card-call')).toHaveText('Call');
    await expect(weiss.getByTestId('item-done')).toHaveText('All done');
    await page.screenshot({ path: 'docs/popup-en.png' });
  });
});

/** Günter Hofmann (A, prefers the phone): a promise overdue and a follow-up due today. */
function guenter() {
  return history({
    contact: {
      id: 'guenter',
      name: 'Günter Hofmann',
      company: 'Hofmann Haustechnik',
      emails: ['guenter@example.de'],
      preferredChannels: ['phone'],
    },
    purchases: [{ id: 'guenter-p', contactId: 'guenter', at: iso(-200), amount: 20_000 }],
    interactions: [
      {
        id: 'guenter-i',
        contactId: 'guenter',
        at: iso(-3),
        channel: 'phone',
        direction: 'out',
        personal: true,
      },
    ],
    feedback: [
      {
        id: 'guenter-ok',
        contactId: 'guenter',
        at: iso(-20),
        product: 5,
        service: 5,
        complaint: false,
      },
    ],
    commitments: [
      {
        id: 'guenter-c',
        contactId: 'guenter',
        text: 'Nachfragen, ob die Zeiterfassung läuft',
        createdAt: iso(-9),
        dueAt: day(-1),
      },
    ],
    followUps: [{ id: 'guenter-fu', contactId: 'guenter', dueAt: day(0), note: 'Grüße an Renate' }],
  });
}

test('one card per person: done per part and for the whole card, each with undo', async ({
  ext,
}) => {
  await seed(ext, [guenter()]);
  const page = await popup(ext);
  const card = page.locator('[data-contact="guenter"]');
  await expect(page.getByTestId('agenda-item')).toHaveCount(1);
  await expect(card.locator('.card-call')).toHaveText('Anruf bei');
  const parts = card.getByTestId('agenda-part');
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(0)).toHaveAttribute('data-kind', 'commitment');
  await expect(parts.nth(0)).toContainText('Zeiterfassung');
  await expect(parts.nth(1)).toHaveAttribute('data-kind', 'follow-up');
  await expect(parts.nth(1)).toContainText('Grüße an Renate');
  // The card stands in the group of its first item; the follow-up has no group of its own.
  await expect(page.getByTestId('group-commitment')).toContainText('Günter Hofmann');
  await expect(page.getByTestId('group-follow-up')).toHaveCount(0);
  await expect(page.getByTestId('due-count')).toContainText('2 Kontakte fällig');

  // One part: a call, so the note opens with the focus in it; Enter saves.
  await parts.nth(1).getByTestId('part-done').click();
  await expect(card.getByTestId('after-call-note').getByLabel('Worum ging es?')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(parts).toHaveCount(0);
  await expect(card).toHaveAttribute('data-kind', 'commitment');
  await expect(card).toContainText('Zeiterfassung');
  await expect.poll(() => badge(ext)).toBe('1');
  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(parts).toHaveCount(2);
  await expect.poll(() => badge(ext)).toBe('2');
  let stored = await readTables(ext, ['commitments', 'followUps', 'interactions']);
  expect(stored.followUps.find((f) => f.id === 'guenter-fu')).not.toHaveProperty('doneAt');

  // The whole card: one conversation, one call logged, one undo.
  await card.getByTestId('item-done').click();
  const note = card.getByTestId('after-call-note');
  await note.getByLabel('Worum ging es?').fill('Zeiterfassung läuft, Grüße ausgerichtet');
  await note.getByRole('button', { name: 'Alles erledigt' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId('empty-day')).toBeVisible();
  await expect.poll(() => badge(ext)).toBe('');
  stored = await readTables(ext, ['commitments', 'followUps', 'interactions']);
  expect(stored.commitments.find((c) => c.id === 'guenter-c')).toHaveProperty('doneAt');
  expect(stored.followUps.find((f) => f.id === 'guenter-fu')).toHaveProperty('doneAt');
  expect(stored.interactions.filter((i) => i.id !== 'guenter-i')).toEqual([
    expect.objectContaining({
      contactId: 'guenter',
      channel: 'phone',
      summary: 'Zeiterfassung läuft, Grüße ausgerichtet',
    }),
  ]);

  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.locator('[data-contact="guenter"]').getByTestId('agenda-part')).toHaveCount(2);
  stored = await readTables(ext, ['commitments', 'followUps', 'interactions']);
  expect(stored.commitments.find((c) => c.id === 'guenter-c')).not.toHaveProperty('doneAt');
  expect(stored.followUps.find((f) => f.id === 'guenter-fu')).not.toHaveProperty('doneAt');
  expect(stored.interactions.map((i) => i.id)).toEqual(['guenter-i']);
});

/** Klara Kaufmann (A, by phone): the relationship is overdue, a call is due. */
function kaufmann() {
  return history({
    contact: {
      id: 'kaufmann',
      name: 'Klara Kaufmann',
      company: 'Kaufmann Logistik',
      emails: ['klara@kaufmann-logistik.de'],
      preferredChannels: ['phone'],
    },
    purchases: [{ id: 'kaufmann-p', contactId: 'kaufmann', at: iso(-150), amount: 18_000 }],
    interactions: [
      {
        id: 'kaufmann-i',
        contactId: 'kaufmann',
        at: iso(-30),
        channel: 'phone',
        direction: 'out',
        personal: true,
      },
    ],
    feedback: [
      { id: 'kaufmann-ok', contactId: 'kaufmann', at: iso(-30), product: 4, complaint: false },
    ],
  });
}

test('the after-call note stores the call, the labelled ratings, both answers, price pressure and a promise', async ({
  ext,
}) => {
  await seed(ext, [kaufmann()]);
  const page = await popup(ext);
  const card = page.locator('[data-contact="kaufmann"]');
  await expect(card).toHaveAttribute('data-kind', 'cadence');
  await card.getByTestId('item-done').click();
  const note = card.getByTestId('after-call-note');
  await expect(note.getByLabel('Worum ging es?')).toBeFocused();
  // Escape closes it without saving, back on "Erledigt".
  await page.keyboard.press('Escape');
  await expect(note).toHaveCount(0);
  await expect(card.getByTestId('item-done')).toBeFocused();
  expect((await readTables(ext, ['interactions'])).interactions).toHaveLength(1);

  await page.keyboard.press('Enter');
  await expect(note.getByLabel('Worum ging es?')).toBeFocused();
  await note.getByLabel('Worum ging es?').fill('Jahresplanung 2027 besprochen');
  const work = note.getByTestId('scale-product');
  const advice = note.getByTestId('scale-service');
  // A labelled scale, never bare numbers.
  await expect(work).toContainText(
    'sehr zufrieden' + 'zufrieden' + 'geht so' + 'unzufrieden' + 'sehr unzufrieden',
  );
  await expect(work).not.toContainText(/[0-9]/);
  await expect(work.getByRole('radio')).toHaveCount(5);
  await work.getByText('sehr zufrieden', { exact: true }).click();
  await advice.getByText('zufrieden', { exact: true }).click();
  await expect(work.getByRole('radio', { name: 'sehr zufrieden', exact: true })).toBeChecked();
  await expect(advice.getByRole('radio', { name: 'zufrieden', exact: true })).toBeChecked();
  await note
    .getByLabel('Wie können wir Sie noch besser unterstützen?')
    .fill('Kurze Schulung für die neuen Disponenten');
  await note.getByLabel('Was sollten wir verbessern?').fill('Rechnungen früher schicken');
  await note.getByLabel('Preisdruck oder Rabattwunsch').check();
  await note.getByLabel('Versprechen gegeben').check();
  await expect(note.getByLabel('Was haben Sie versprochen?')).toBeFocused();
  await note.getByLabel('Was haben Sie versprochen?').fill('Zwei Schulungstermine vorschlagen');
  await expect(note.getByLabel('Bis wann?')).toHaveValue(localDay(7));
  await note.getByLabel('Bis wann?').fill(localDay(5));
  await note.getByLabel('Bis wann?').blur();
  await card.screenshot({ path: 'docs/after-call-note.png' });

  await note.getByRole('button', { name: 'Erledigt' }).click();
  await expect(card).toHaveCount(0);
  const stored = await readTables(ext, ['interactions', 'feedback', 'commitments']);
  expect(stored.interactions.filter((i) => i.id !== 'kaufmann-i')).toEqual([
    expect.objectContaining({
      contactId: 'kaufmann',
      channel: 'phone',
      direction: 'out',
      personal: true,
      summary: 'Jahresplanung 2027 besprochen',
    }),
  ]);
  expect(stored.feedback.filter((f) => f.id !== 'kaufmann-ok')).toEqual([
    expect.objectContaining({
      contactId: 'kaufmann',
      product: 5,
      service: 4,
      support: 'Kurze Schulung für die neuen Disponenten',
      improve: 'Rechnungen früher schicken',
      pricePressure: true,
      complaint: false,
    }),
  ]);
  expect(stored.commitments).toEqual([
    expect.objectContaining({
      contactId: 'kaufmann',
      text: 'Zwei Schulungstermine vorschlagen',
      dueAt: localDay(5),
    }),
  ]);

  // One undo takes back the call, the feedback and the promise.
  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.locator('[data-contact="kaufmann"]')).toHaveCount(1);
  const after = await readTables(ext, ['interactions', 'feedback', 'commitments']);
  expect(after.interactions.map((i) => i.id)).toEqual(['kaufmann-i']);
  expect(after.feedback.map((f) => f.id)).toEqual(['kaufmann-ok']);
  expect(after.commitments).toEqual([]);
});

test('a complaint settled: what was agreed and the goodwill gesture are kept, a follow-up asks a week later, one undo takes all back', async ({
  ext,
}) => {
  await seed(ext, book());
  const page = await popup(ext);
  const card = page.locator('[data-contact="schaefer"]');
  await card.getByTestId('item-done').click();
  const form = card.getByTestId('settle-form');
  await expect(form.getByLabel('Was wurde vereinbart?')).toBeFocused();
  await form.getByLabel('Was wurde vereinbart?').fill('Restlieferung kommt Freitag per Express');
  await form.getByLabel('Kulanz gewährt').check();
  await form.getByLabel('Welche Kulanz?').fill('Expressversand geht auf uns');
  await form.getByRole('button', { name: 'Geklärt' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('Matthias Schäfer: geklärt');

  const stored = await readTables(ext, ['feedback', 'followUps', 'interactions']);
  expect(stored.feedback.find((f) => f.id === 'schaefer-f')).toMatchObject({
    complaint: true,
    resolvedAt: expect.any(String),
    resolution: 'Restlieferung kommt Freitag per Express',
    goodwill: 'Expressversand geht auf uns',
  });
  expect(stored.followUps).toEqual([
    expect.objectContaining({
      contactId: 'schaefer',
      dueAt: localDay(7),
      note: 'Passt jetzt alles?',
    }),
  ]);
  expect(
    stored.interactions.filter((i) => i.contactId === 'schaefer' && i.id !== 'schaefer-i'),
  ).toEqual([
    expect.objectContaining({
      channel: 'phone',
      summary: 'Restlieferung kommt Freitag per Express',
    }),
  ]);

  await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(page.locator('[data-contact="schaefer"]')).toHaveCount(1);
  const after = await readTables(ext, ['feedback', 'followUps', 'interactions']);
  const complaint = after.feedback.find((f) => f.id === 'schaefer-f')!;
  expect(complaint).not.toHaveProperty('resolvedAt');
  expect(complaint).not.toHaveProperty('resolution');
  expect(complaint).not.toHaveProperty('goodwill');
  expect(after.followUps).toEqual([]);
  expect(after.interactions.filter((i) => i.contactId === 'schaefer').map((i) => i.id)).toEqual([
    'schaefer-i',
  ]);
});
