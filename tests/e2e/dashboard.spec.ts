// The dashboard (options page) end to end: contacts table, contact page, insights, duplicates and
// settings against the built extension, in German (the default test locale) and English.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ContactHistory } from '../../lib/model';
import { expect, test, type Extension } from './harness';
import { history, seed, seedOccasions } from './seed';

const DAY = 86_400_000;
/** A calendar day `n` days before today (UTC, like the test machine's zone). */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/** Five customers whose tiers, next touches and warnings are known (see each comment). */
function customers(): ContactHistory[] {
  return [
    // A: 48,000 of 59,300 EUR; personal call 10 days ago → next touch in 4 days, not overdue.
    history({
      contact: {
        id: 'c-jm',
        name: 'Jürgen Müller',
        company: 'Müller Bau GmbH',
        emails: ['juergen.mueller@mueller-bau.de'],
        interests: ['Segeln'],
        createdAt: `${daysAgo(30)}T09:00:00.000Z`,
      },
      purchases: [{ id: 'p-jm', contactId: 'c-jm', at: daysAgo(60), amount: 48000 }],
      interactions: [
        {
          id: 'i-jm-1',
          contactId: 'c-jm',
          at: daysAgo(10),
          channel: 'phone',
          direction: 'out',
          personal: true,
          summary: 'Jahresplanung besprochen',
        },
      ],
    }),
    // B (81 % before her): last personal contact 100 days ago → cadence (45 days) overdue, and
    // silent for more than twice the interval: at risk.
    history({
      contact: {
        id: 'c-as',
        name: 'Anna Schmidt',
        company: 'Schmidt Design',
        emails: ['anna@schmidt-design.de'],
        notes: 'Fährt Oldtimer.',
        createdAt: `${daysAgo(200)}T09:00:00.000Z`,
      },
      purchases: [{ id: 'p-as', contactId: 'c-as', at: daysAgo(90), amount: 9000 }],
      interactions: [
        {
          id: 'i-as-1',
          contactId: 'c-as',
          at: daysAgo(100),
          channel: 'visit',
          direction: 'out',
          personal: true,
        },
      ],
      feedback: [{ id: 'f-as', contactId: 'c-as', at: daysAgo(100), product: 4, complaint: false }],
    }),
    // C (96 % before him).
    history({
      contact: {
        id: 'c-pb',
        name: 'Peter Becker',
        emails: ['peter.becker@example.de'],
        createdAt: `${daysAgo(20)}T09:00:00.000Z`,
      },
      purchases: [{ id: 'p-pb', contactId: 'c-pb', at: daysAgo(40), amount: 2300 }],
      interactions: [
        {
          id: 'i-pb-1',
          contactId: 'c-pb',
          at: daysAgo(5),
          channel: 'email',
          direction: 'in',
          personal: true,
          summary: 'Frage zur Rechnung',
        },
        {
          id: 'i-pb-2',
          contactId: 'c-pb',
          at: daysAgo(3),
          channel: 'phone',
          direction: 'out',
          personal: true,
          summary: 'Rückruf',
        },
      ],
      commitments: [
        {
          id: 'k-pb',
          contactId: 'c-pb',
          text: 'Angebot schicken',
          createdAt: `${daysAgo(3)}T10:00:00.000Z`,
          dueAt: daysAgo(-10),
        },
      ],
    }),
    // Lost for price, no exit conversation yet.
    history({
      contact: {
        id: 'c-cw',
        name: 'Clara Weiß',
        emails: ['clara@weiss.example'],
        status: 'lost',
        lost: { at: daysAgo(8), reason: 'price' },
        createdAt: `${daysAgo(300)}T09:00:00.000Z`,
      },
    }),
    // A prospect added yesterday: nothing due for a long time.
    history({
      contact: {
        id: 'c-lb',
        name: 'Lars Bauer',
        status: 'prospect',
        potential: 20000,
        createdAt: `${daysAgo(1)}T09:00:00.000Z`,
      },
    }),
  ];
}

async function openDashboard(ext: Extension, hash = '#/contacts'): Promise<Page> {
  const page = await ext.openPage(`options.html${hash}`);
  return page;
}

const table = (page: Page) => page.getByTestId('contacts-table');
const rows = (page: Page) => table(page).locator('tbody tr');
const names = (page: Page) => rows(page).locator('td.c-name a').allTextContents();

/** Rows of a table as the extension stores them (read with plain IndexedDB). */
async function readTable<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('kundennah');
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => {
            resolve(get.result as T[]);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }),
    store,
  );
}

test.describe('contacts', () => {
  test('search, filters and sort work on the summaries, and a reload keeps the view', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext);
    await expect(rows(page)).toHaveCount(5);
    expect(await names(page)).toEqual([
      'Anna Schmidt',
      'Clara Weiß',
      'Jürgen Müller',
      'Lars Bauer',
      'Peter Becker',
    ]);
    await expect(page.getByTestId('result-count')).toHaveText('5 Kontakte');

    // Search as you type: "mueller" finds "Müller"; notes are searched too.
    const search = page.getByTestId('contact-search');
    await search.pressSequentially('mueller');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Jürgen Müller');
    await expect(page.getByTestId('result-count')).toHaveText('1 von 5 Kontakten');
    expect(page.url()).toContain('q=mueller');
    await search.fill('oldtimer');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Anna Schmidt');
    await search.fill('niemand');
    await expect(page.getByTestId('no-matches')).toBeVisible();
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).first().click();
    await expect(rows(page)).toHaveCount(5);

    // Tier, status, at risk, overdue.
    await page.getByTestId('filter-tier-A').click();
    expect(await names(page)).toEqual(['Jürgen Müller']);
    await page.getByTestId('filter-tier-B').click();
    expect(await names(page)).toEqual(['Anna Schmidt', 'Jürgen Müller']);
    await page.getByTestId('filter-tier-A').click();
    await page.getByTestId('filter-tier-B').click();
    await page.getByTestId('filter-status').selectOption({ label: 'Verloren' });
    expect(await names(page)).toEqual(['Clara Weiß']);
    await page.getByTestId('filter-status').selectOption({ label: 'Alle Status' });
    await page.getByTestId('filter-overdue').click();
    await expect(rows(page)).toHaveCount(2);
    expect(await names(page)).toEqual(['Anna Schmidt', 'Clara Weiß']);
    await page.getByTestId('filter-overdue').click();
    await page.getByTestId('filter-risk').click();
    expect(await names(page)).toEqual(['Anna Schmidt', 'Clara Weiß']);
    await expect(rows(page).first().getByTestId('risk-flag')).toContainText('1');
    await expect(rows(page).nth(1).getByTestId('risk-flag')).toContainText('1');
    await page.getByTestId('filter-risk').click();

    // Sort: by next touch (most overdue first), by name descending.
    await page.getByTestId('sort-next').click();
    await expect(table(page).locator('th[aria-sort="ascending"]')).toContainText(
      'Nächster Kontakt',
    );
    expect((await names(page))[0]).toBe('Anna Schmidt');
    await page.getByTestId('sort-name').click();
    await page.getByTestId('sort-name').click();
    await expect(table(page).locator('th[aria-sort="descending"]')).toContainText('Name');
    expect(await names(page)).toEqual([
      'Peter Becker',
      'Lars Bauer',
      'Jürgen Müller',
      'Clara Weiß',
      'Anna Schmidt',
    ]);

    // The view lives in the URL: a reload brings it back.
    await page.getByTestId('filter-tier-C').click();
    await search.fill('e');
    await expect(rows(page)).toHaveCount(2);
    const url = page.url();
    expect(url).toMatch(/tier=C/);
    expect(url).toContain('dir=desc');
    await page.reload();
    await expect(page.getByTestId('contact-search')).toHaveValue('e');
    await expect(page.getByTestId('filter-tier-C')).toHaveAttribute('aria-pressed', 'true');
    await expect(table(page).locator('th[aria-sort="descending"]')).toContainText('Name');
    expect(await names(page)).toEqual(['Peter Becker', 'Clara Weiß']);
  });

  test('rows are reachable by keyboard and Enter opens the contact', async ({ ext }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext);
    await expect(rows(page)).toHaveCount(5);
    // One row is focusable at a time; arrows, End and Enter work from there.
    await rows(page).first().focus();
    await expect(rows(page).first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(rows(page).nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(rows(page).nth(4)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lars Bauer');
    expect(page.url()).toContain('#/contacts/c-lb');
    // Only one row is in the tab order (roving focus).
    await page.goBack();
    await expect(rows(page)).toHaveCount(5);
    await expect(table(page).locator('tbody tr[tabindex="0"]')).toHaveCount(1);
  });

  test('a long list: only the rows in view exist, every row is counted, a short result shows all', async ({
    ext,
  }) => {
    // 400 people: the table shows a window of them (virtualized) but counts them all; the first
    // screen read from the name index is the one the full sort keeps (no jump when it takes over).
    const last = ['Özdemir', 'Abel', 'Müller', 'Zürn', 'van der Berg'];
    const many = Array.from({ length: 400 }, (_, i) =>
      history({
        contact: {
          id: `c-${i}`,
          name: `Person ${String(i).padStart(3, '0')} ${last[i % last.length]}`,
          createdAt: `${daysAgo(30)}T09:00:00.000Z`,
        },
      }),
    );
    await seed(ext, many);
    const page = await openDashboard(ext);
    await expect(table(page)).toHaveAttribute('aria-rowcount', '401');
    await expect(table(page)).not.toHaveAttribute('aria-busy', /.*/);
    expect((await names(page)).slice(0, 3)).toEqual([
      'Person 000 Özdemir',
      'Person 001 Abel',
      'Person 002 Müller',
    ]);
    expect(await rows(page).count()).toBeLessThan(100);
    // A search starts the list at its top again, also when it was scrolled.
    const scroller = page.locator('.table-scroll');
    await scroller.evaluate((el) => el.scrollTo({ top: 4000 }));
    await expect(rows(page).first()).not.toContainText('Person 000');
    // "Zürn" leaves 80 people: a short list renders every row (the browser's find sees them all).
    await page.getByTestId('contact-search').fill('zuern');
    await expect(page.getByTestId('result-count')).toHaveText('80 von 400 Kontakten');
    await expect(rows(page)).toHaveCount(80);
    await expect(rows(page).last()).toContainText('Person 398 Zürn');
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(rows(page).first()).toContainText('Person 003 Zürn');
  });

  test('the empty state says what to do; a new contact is added and opened, a duplicate refused', async ({
    ext,
  }) => {
    const page = await openDashboard(ext);
    const empty = page.getByTestId('empty-state');
    await expect(empty).toContainText('Noch keine Kontakte');
    await expect(empty.getByRole('button', { name: 'Kontakt anlegen' })).toBeVisible();
    await expect(empty.getByRole('link', { name: 'Datei importieren' })).toHaveAttribute(
      'href',
      '#/import',
    );
    await expect(empty.getByTestId('load-demo')).toBeVisible();

    await empty.getByRole('button', { name: 'Kontakt anlegen' }).click();
    const form = page.getByTestId('add-contact-form');
    await form.getByRole('button', { name: 'Anlegen und öffnen' }).click();
    await expect(form).toContainText('Ein Name ist nötig.');
    await expect(form.getByLabel('Name *')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Name *').fill('Maria Neumann');
    await form.getByLabel('Firma').fill('Neumann Consulting');
    await form.getByLabel('E-Mail').fill('maria@neumann.example');
    await form.getByRole('button', { name: 'Anlegen und öffnen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maria Neumann');
    await expect(page.getByTestId('toast')).toContainText('Maria Neumann angelegt.');

    await page.getByRole('link', { name: 'Kontakte', exact: true }).click();
    await expect(rows(page)).toHaveCount(1);
    await page.getByTestId('add-contact').click();
    await form.getByLabel('Name *').fill('M. Neumann');
    await form.getByLabel('E-Mail').fill('Maria@Neumann.example');
    await form.getByRole('button', { name: 'Anlegen und öffnen' }).click();
    await expect(form.getByRole('alert')).toContainText('schon in Kundennah');
    await form.getByRole('alert').getByRole('button', { name: 'Maria Neumann' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maria Neumann');
    expect((await readTable(page, 'contacts')).length).toBe(1);
  });
});

test.describe('the contact page', () => {
  test('edits every group of fields; a reload keeps the changes', async ({ ext }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext, '#/contacts/c-as');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anna Schmidt');
    const personal = page.getByTestId('section-personal');
    await personal.getByLabel('Tag').first().fill('12');
    await personal.getByLabel('Monat').first().selectOption({ label: 'März' });
    await personal.getByLabel('Anrede', { exact: true }).selectOption('Du');
    await personal.getByLabel('Partnerin oder Partner', { exact: true }).fill('Tom');
    await personal.getByLabel('Interessen', { exact: true }).fill('Oldtimer, Jazz');
    await personal.getByLabel('Vorlieben').fill('Espresso');
    const channels = page.getByTestId('section-channels');
    // Only ways of reaching someone can be preferred (the panel's "Ergänzen" offers the same).
    const add = channels.getByTestId('channel-add');
    await expect(add.locator('option', { hasText: 'Geschenk' })).toHaveCount(0);
    await expect(add.locator('option', { hasText: 'Brief' })).toHaveCount(1);
    await channels.getByTestId('channel-add').selectOption({ label: 'XING' });
    await channels.getByTestId('channel-add').selectOption({ label: 'Telefon' });
    await channels.getByRole('button', { name: 'Telefon nach oben' }).click();
    await channels.getByRole('checkbox', { name: 'Dez.' }).check();
    await channels.getByRole('checkbox', { name: 'Sa', exact: true }).check();
    await channels.getByLabel('Persönlicher Kontakt alle … Tage').fill('30');
    const business = page.getByTestId('section-business');
    await business.getByLabel('Position').fill('Inhaberin');
    await business.getByLabel('Telefonnummern').fill('+49 30 1234567');
    await business.getByLabel('Potenzial (EUR pro Jahr)').fill('15.000');
    await business.getByLabel('Stufe von Hand').selectOption('A');
    await expect(page.getByTestId('save-bar')).toContainText('Ungespeicherte Änderungen');
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('toast')).toContainText('Änderungen an Anna Schmidt gespeichert');
    await expect(page.getByTestId('save-bar')).toContainText('Alles gespeichert');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anna Schmidt');
    await expect(personal.getByLabel('Tag').first()).toHaveValue('12');
    await expect(personal.getByLabel('Monat').first()).toHaveValue('3');
    await expect(personal.getByLabel('Anrede', { exact: true })).toHaveValue('Du');
    await expect(personal.getByLabel('Interessen', { exact: true })).toHaveValue('Oldtimer, Jazz');
    await expect(channels.getByTestId('channel-order')).toHaveText(/1\.\s*Telefon.*2\.\s*XING/);
    await expect(channels.getByRole('checkbox', { name: 'Dez.' })).toBeChecked();
    await expect(channels.getByRole('checkbox', { name: 'Sa', exact: true })).toBeChecked();
    await expect(business.getByLabel('Potenzial (EUR pro Jahr)')).toHaveValue('15000');
    // The manual tier wins, and the tier's reason says so.
    await expect(page.getByTestId('tier-badge').first()).toHaveText('A');
    const [stored] = (await readTable<ContactHistory['contact']>(page, 'contacts')).filter(
      (c) => c.id === 'c-as',
    );
    expect(stored).toMatchObject({
      birthday: { day: 12, month: 3 },
      address: 'Du',
      partner: { name: 'Tom' },
      interests: ['Oldtimer', 'Jazz'],
      preferences: 'Espresso',
      preferredChannels: ['phone', 'xing'],
      avoid: { months: [12], weekdays: [6] },
      plan: { contactEveryDays: 30 },
      position: 'Inhaberin',
      phones: ['+49 30 1234567'],
      potential: 15000,
      tierOverride: 'A',
    });
  });

  test('refuses 31 April with a message next to the birthday and saves nothing', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext, '#/contacts/c-jm');
    const birthday = page.getByRole('group', { name: 'Geburtstag', exact: true });
    await birthday.getByLabel('Tag').fill('31');
    await birthday.getByLabel('Monat').selectOption({ label: 'April' });
    await page.getByTestId('section-personal').getByLabel('Notizen').fill('Neue Notiz');
    await page.getByTestId('contact-save').click();
    await expect(birthday.getByTestId('field-error')).toHaveText(
      'Diesen Tag gibt es in dem Monat nicht.',
    );
    await expect(birthday.getByLabel('Tag')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('save-bar')).toContainText('Bitte die markierten Felder');
    const [stored] = (await readTable<ContactHistory['contact']>(page, 'contacts')).filter(
      (c) => c.id === 'c-jm',
    );
    expect(stored!.birthday).toBeUndefined();
    expect(stored!.notes).toBeUndefined();
    // Nothing typed is lost: the form still holds it, and 30 April saves.
    await expect(page.getByTestId('section-personal').getByLabel('Notizen')).toHaveValue(
      'Neue Notiz',
    );
    await birthday.getByLabel('Tag').fill('30');
    await page.getByTestId('contact-save').click();
    await expect(birthday.getByTestId('field-error')).toHaveCount(0);
    await expect(page.getByTestId('save-bar')).toContainText('Alles gespeichert');
  });

  test('unsaved changes are never lost silently', async ({ ext }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext, '#/contacts/c-jm');
    const notes = page.getByTestId('section-personal').getByLabel('Notizen');
    await notes.fill('Wichtig: Segeltörn im Juni');
    await page.getByRole('link', { name: 'Auswertungen' }).click();
    const dialog = page.getByTestId('leave-dialog');
    await expect(dialog).toContainText('Ihre Änderungen an Jürgen Müller');
    await dialog.getByRole('button', { name: 'Hierbleiben' }).click();
    await expect(notes).toHaveValue('Wichtig: Segeltörn im Juni');
    expect(page.url()).toContain('#/contacts/c-jm');

    // Closing or reloading the tab asks the browser's way.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.reload({ timeout: 5_000 }).catch(() => undefined);
    expect(await asked).toBe('beforeunload');

    await page.getByRole('link', { name: 'Auswertungen' }).click();
    await dialog.getByRole('button', { name: 'Speichern und weiter' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auswertungen');
    await page.goto(ext.url('options.html#/contacts/c-jm'));
    await expect(notes).toHaveValue('Wichtig: Segeltörn im Juni');

    await notes.fill('verworfen');
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await dialog.getByRole('button', { name: 'Änderungen verwerfen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
    await page.goBack();
    await expect(notes).toHaveValue('Wichtig: Segeltörn im Juni');
  });

  test('timeline: add, edit, delete with undo; promises done; next touch and tier with reasons', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext, '#/contacts/c-pb');
    await expect(page.getByTestId('tier-reason')).toContainText('C');
    await expect(page.getByTestId('next-touch')).toContainText('Nächster persönlicher Kontakt');
    const entries = page.getByTestId('timeline-entry');
    await expect(entries).toHaveCount(4);

    // Add an interaction.
    await page.getByTestId('add-interactions').click();
    const editor = page.getByTestId('record-editor');
    await editor.getByLabel('Kanal').selectOption({ label: 'Treffen' });
    await editor.getByLabel('Worum ging es?').fill('Workshop geplant');
    await editor.getByTestId('record-save').click();
    await expect(page.getByTestId('toast')).toContainText('Interaktion hinzugefügt.');
    await expect(entries).toHaveCount(5);
    await expect(entries.first()).toContainText('Treffen · ausgehend');
    await expect(entries.first()).toContainText('Workshop geplant');

    // Edit it.
    await entries.first().getByRole('button', { name: 'Bearbeiten' }).click();
    await editor.getByLabel('Worum ging es?').fill('Workshop für März geplant');
    await editor.getByTestId('record-save').click();
    await expect(page.getByTestId('toast')).toContainText('Interaktion geändert.');
    await expect(entries.first()).toContainText('Workshop für März geplant');

    // An invalid purchase amount is refused next to the field.
    await page.getByTestId('add-purchases').click();
    await editor.getByLabel('Betrag (EUR)').fill('viel');
    await editor.getByTestId('record-save').click();
    await expect(editor.getByTestId('field-error')).toHaveText('Kein gültiger Betrag.');
    await editor.getByLabel('Betrag (EUR)').fill('1.250,50');
    await editor.getByLabel('Was').fill('Workshop');
    await editor.getByTestId('record-save').click();
    await expect(entries).toHaveCount(6);
    await expect(page.getByTestId('timeline')).toContainText('1.250,50 €');

    // Feedback is rated on the labelled scale, never by numbers (1 reads as the best grade).
    await page.getByTestId('add-feedback').click();
    const scale = editor.getByLabel('Produkt');
    await expect(scale.locator('option')).toHaveText([
      '—',
      'sehr zufrieden',
      'zufrieden',
      'geht so',
      'unzufrieden',
      'sehr unzufrieden',
    ]);
    await scale.selectOption({ label: 'sehr zufrieden' });
    await editor.getByTestId('record-save').click();
    await expect(entries).toHaveCount(7);
    expect(
      (await readTable<{ product?: number }>(page, 'feedback')).some((f) => f.product === 5),
    ).toBe(true);

    // Delete, then undo.
    const call = entries.filter({ hasText: 'Rückruf' });
    await call.getByRole('button', { name: 'Löschen' }).click();
    await expect(page.getByTestId('toast')).toContainText('Interaktion gelöscht.');
    await expect(entries.filter({ hasText: 'Rückruf' })).toHaveCount(0);
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(entries.filter({ hasText: 'Rückruf' })).toHaveCount(1);
    expect(
      (await readTable<{ id: string }>(page, 'interactions')).some((r) => r.id === 'i-pb-2'),
    ).toBe(true);

    // The open promise is marked done.
    const promise = entries.filter({ hasText: 'Angebot schicken' });
    await expect(promise).toContainText('bis');
    await promise.getByRole('button', { name: 'Erledigt' }).click();
    await expect(promise).toContainText('erledigt');
  });

  test('mark as lost, then the insights count it by reason until the exit conversation', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext, '#/contacts/c-pb');
    await page.getByTestId('mark-lost').click();
    const form = page.getByTestId('lost-form');
    await form.getByLabel('Grund').selectOption({ label: 'Wettbewerber' });
    await form.getByLabel('Notiz').fill('Hat intern jemanden eingestellt');
    await page.getByTestId('lost-save').click();
    await expect(page.getByTestId('lost-summary')).toContainText('Grund: Wettbewerber');
    await expect(page.getByTestId('lost-card')).toContainText('Noch kein Abschiedsgespräch');

    await page.getByRole('link', { name: 'Auswertungen' }).click();
    const lost = page.getByTestId('insights-lost');
    await expect(lost).toContainText('Verlorene Kunden (2)');
    const byReason = lost.getByTestId('lost-by-reason');
    await expect(byReason.locator('li[data-key="competitor"]')).toContainText('Wettbewerber');
    await expect(byReason.locator('li[data-key="competitor"]')).toContainText('1 · 2.300 €');
    await expect(byReason.locator('li[data-key="price"]')).toContainText('Preis');
    await expect(lost.getByTestId('lost-no-exit')).toContainText('Peter Becker');

    // The exit conversation: what we learned.
    await lost.getByRole('link', { name: 'Peter Becker' }).click();
    await page.getByTestId('record-exit').click();
    await page
      .getByLabel('Was wir gelernt haben')
      .fill('Preis war nicht das Problem, die Reaktionszeit schon.');
    await page.getByTestId('exit-save').click();
    await expect(page.getByTestId('exit-conversation')).toContainText('Reaktionszeit');
    await page.getByRole('link', { name: 'Auswertungen' }).click();
    await expect(lost.getByTestId('lost-no-exit')).not.toContainText('Peter Becker');
    await expect(lost).toContainText('Reaktionszeit');
  });

  test('exports one person as a JSON file, and deletes one person with undo', async ({ ext }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext, '#/contacts/c-pb');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-person').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kundennah-peter-becker-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported.format).toBe('kundennah-backup');
    expect(exported.tables.contacts.map((c: { id: string }) => c.id)).toEqual(['c-pb']);
    expect(exported.tables.interactions.map((r: { id: string }) => r.id).sort()).toEqual([
      'i-pb-1',
      'i-pb-2',
    ]);
    expect(exported.tables.commitments[0].text).toBe('Angebot schicken');
    expect(exported.tables.purchases[0].amount).toBe(2300);
    // Nobody else's data.
    expect(JSON.stringify(exported)).not.toContain('Müller');

    await page.getByTestId('delete-person').click();
    const dialog = page.getByTestId('delete-dialog');
    await expect(dialog).toContainText('Peter Becker löschen?');
    await expect(dialog.getByTestId('delete-what')).toHaveText(
      '2 Interaktionen, 1 Versprechen, 1 Kauf',
    );
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peter Becker');
    await page.getByTestId('delete-person').click();
    await dialog.getByTestId('delete-confirm').click();
    await expect(page.getByTestId('toast')).toContainText(
      'Peter Becker und alles, was dazugehört, gelöscht.',
    );
    await expect(rows(page)).toHaveCount(4);
    expect(await names(page)).not.toContain('Peter Becker');
    expect(
      (await readTable<{ contactId: string }>(page, 'interactions')).map((r) => r.contactId),
    ).not.toContain('c-pb');

    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(rows(page)).toHaveCount(5);
    await rows(page).filter({ hasText: 'Peter Becker' }).click();
    await expect(page.getByTestId('timeline-entry')).toHaveCount(4);
  });
});

test.describe('relationship, partner, expected years, working days and holidays', () => {
  test('the three contact fields and the two settings are stored, refused when invalid, and undone', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await openDashboard(ext, '#/contacts/c-as');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anna Schmidt');
    const personal = page.getByTestId('section-personal');
    const business = page.getByTestId('section-business');
    const close = personal.getByRole('checkbox', { name: 'Persönliche Beziehung' });
    const salutation = personal.getByRole('combobox', { name: 'Anrede (Partnerin oder Partner)' });
    const years = business.getByLabel('Erwartete Dauer der Zusammenarbeit (Jahre)');
    const storedAnna = async () =>
      (await readTable<ContactHistory['contact']>(page, 'contacts')).find((c) => c.id === 'c-as')!;

    // What each field means, next to it; the years fall back to the setting (3 by default).
    await expect(close).not.toBeChecked();
    await expect(personal).toContainText(
      'Geburtstage werden auch ohne Kontakt im letzten Jahr vorgeschlagen',
    );
    await expect(salutation).toHaveValue('');
    expect(await salutation.locator('option').allTextContents()).toEqual(['–', 'Frau', 'Herr']);
    await expect(years).toHaveAttribute('placeholder', '3');
    await expect(business).toContainText('Für den Kundenwert; leer: Einstellung (3 Jahre)');

    await close.check();
    await personal.getByLabel('Partnerin oder Partner', { exact: true }).fill('Tom');
    await salutation.selectOption({ label: 'Herr' });
    // 60 years is refused next to the field, and nothing is saved.
    await years.fill('60');
    await page.getByTestId('contact-save').click();
    await expect(page.locator('#c-expected-years-error')).toHaveText(
      'Eine Zahl von Jahren über 0, höchstens 50.',
    );
    await expect(years).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('save-bar')).toContainText('Bitte die markierten Felder');
    expect((await storedAnna()).close).toBeUndefined();
    await years.fill('2,5');
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('toast')).toContainText('Änderungen an Anna Schmidt gespeichert');
    await expect(page.locator('#c-expected-years-error')).toHaveCount(0);
    await expect(page.getByTestId('close-pill')).toHaveText('Persönliche Beziehung');

    // The settings: Saturday as a working day, the holidays of Catholic Bavaria.
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
    const workdays = page.getByTestId('settings-workdays');
    const day = (name: string) => workdays.getByRole('checkbox', { name, exact: true });
    for (const name of ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'])
      await expect(day(name)).toBeChecked();
    await expect(day('Samstag')).not.toBeChecked();
    await expect(day('Sonntag')).not.toBeChecked();
    await expect(workdays).toContainText(
      'Ein Termin, der wegen der Zeiten eines Kunden verschoben wird, landet auf einem Ihrer Arbeitstage',
    );
    const region = page.getByLabel('Feiertage von');
    await expect(region).toHaveValue('');
    await expect(region.locator('option:checked')).toHaveText('Keine Feiertage');
    expect(
      await region.locator('optgroup').evaluateAll((g) => g.map((x) => x.getAttribute('label'))),
    ).toEqual(['Deutschland', 'Österreich', 'Schweiz']);
    await expect(workdays).toContainText(
      'Gesetzliche Feiertage dieser Region zählen als freie Tage',
    );
    await expect(page.getByTestId('holiday-bavaria')).toHaveCount(0);
    await region.selectOption({ label: 'Bayern' });
    await expect(page.getByTestId('holiday-bavaria')).toContainText(
      'nur in überwiegend katholischen Gemeinden ein Feiertag: dort „Bayern: Überwiegend katholische Gemeinden“ wählen',
    );
    await region.selectOption({ label: 'Bayern: Überwiegend katholische Gemeinden' });
    await day('Samstag').check();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('toast')).toContainText('Einstellungen gespeichert.');
    const storedSettings = () => readTable<{ values: Record<string, unknown> }>(page, 'settings');
    expect((await storedSettings())[0]!.values).toEqual({
      workingDays: [1, 2, 3, 4, 5, 6],
      holidayRegion: 'DE-BY-KATH',
    });

    await page.reload();
    await expect(day('Samstag')).toBeChecked();
    await expect(day('Sonntag')).not.toBeChecked();
    await expect(region).toHaveValue('DE-BY-KATH');

    // At least one working day.
    for (const name of ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'])
      await day(name).uncheck();
    await page.getByTestId('settings-save').click();
    await expect(page.locator('#s-workingDays-error')).toHaveText('Mindestens ein Arbeitstag.');
    await page.getByRole('button', { name: 'Verwerfen' }).click();
    await expect(day('Montag')).toBeChecked();

    // Undo of a change puts back exactly what was stored.
    await region.selectOption({ label: 'Keine Feiertage' });
    await day('Sonntag').check();
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('toast')).toContainText('Einstellungen gespeichert.');
    await expect
      .poll(async () => (await storedSettings())[0]?.values)
      .toEqual({ workingDays: [1, 2, 3, 4, 5, 6, 7] });
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect
      .poll(async () => (await storedSettings())[0]?.values)
      .toEqual({ workingDays: [1, 2, 3, 4, 5, 6], holidayRegion: 'DE-BY-KATH' });
    await expect(region).toHaveValue('DE-BY-KATH');
    await expect(day('Sonntag')).not.toBeChecked();

    // The contact after a reload: as saved.
    await page.goto(ext.url('options.html#/contacts/c-as'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anna Schmidt');
    await expect(close).toBeChecked();
    await expect(salutation).toHaveValue('Herr');
    await expect(years).toHaveValue('2,5');
    expect(await storedAnna()).toMatchObject({
      close: true,
      partner: { name: 'Tom', salutation: 'Herr' },
      expectedYears: 2.5,
    });

    // Undo of a contact change brings the three back.
    await close.uncheck();
    await salutation.selectOption({ label: '–' });
    await years.fill('');
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('toast')).toContainText('Änderungen an Anna Schmidt gespeichert');
    await expect(page.getByTestId('close-pill')).toHaveCount(0);
    const cleared = await storedAnna();
    expect(cleared.close).toBeUndefined();
    expect(cleared.expectedYears).toBeUndefined();
    expect(cleared.partner).toEqual({ name: 'Tom' });
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(close).toBeChecked();
    await expect(salutation).toHaveValue('Herr');
    await expect(years).toHaveValue('2,5');
    expect(await storedAnna()).toMatchObject({
      close: true,
      partner: { name: 'Tom', salutation: 'Herr' },
      expectedYears: 2.5,
    });
  });

  test('a birthday is suggested for a personal relationship without any contact in the last year', async ({
    ext,
  }) => {
    /** A day of the year `n` days from today (UTC, like the test machine's zone). */
    const inDays = (n: number) => {
      const d = new Date(Date.now() + n * DAY);
      return { day: d.getUTCDate(), month: d.getUTCMonth() + 1 };
    };
    await seed(ext, [
      // Her birthday is in 3 days; our last call was 400 days ago: no relationship, no wish.
      history({
        contact: {
          id: 'c-gv',
          name: 'Greta Vogel',
          company: 'Vogel Reisen',
          birthday: inDays(3),
          createdAt: `${daysAgo(500)}T09:00:00.000Z`,
        },
        interactions: [
          {
            id: 'i-gv-1',
            contactId: 'c-gv',
            at: daysAgo(400),
            channel: 'phone',
            direction: 'out',
            personal: true,
            summary: 'Reiseplanung',
          },
        ],
      }),
      // Close, never contacted; his partner's birthday is in 4 days.
      history({
        contact: {
          id: 'c-hk',
          name: 'Hans Kurz',
          close: true,
          partner: { name: 'Sabine', birthday: inDays(4) },
          createdAt: `${daysAgo(30)}T09:00:00.000Z`,
        },
      }),
    ]);
    const page = await openDashboard(ext, '#/contacts/c-gv');
    const next = page.getByTestId('next-touch');
    await expect(next.locator('[data-kind]')).toHaveAttribute('data-kind', 'cadence');
    await expect(next).not.toContainText('Geburtstag');

    await page
      .getByTestId('section-personal')
      .getByRole('checkbox', { name: 'Persönliche Beziehung' })
      .check();
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('toast')).toContainText('Änderungen an Greta Vogel gespeichert');
    await expect(next.locator('[data-kind]')).toHaveAttribute('data-kind', 'birthday');
    await expect(next.locator('.next-head')).toContainText('Geburtstag');
    await expect(next.locator('.reasons')).toContainText('Geburtstag');
    await page.reload();
    await expect(next.locator('[data-kind]')).toHaveAttribute('data-kind', 'birthday');

    // The partner's birthday follows the partner's salutation.
    await page.goto(ext.url('options.html#/contacts/c-hk'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hans Kurz');
    await expect(page.getByTestId('close-pill')).toHaveText('Persönliche Beziehung');
    await expect(next.locator('[data-kind]')).toHaveAttribute('data-kind', 'partner-birthday');
    await expect(next.locator('.reasons')).toContainText('(Partnerin oder Partner)');
    await page
      .getByTestId('section-personal')
      .getByRole('combobox', { name: 'Anrede (Partnerin oder Partner)' })
      .selectOption({ label: 'Frau' });
    await page.getByTestId('contact-save').click();
    await expect(next.locator('.reasons')).toContainText('Geburtstag der Partnerin Sabine');
  });
});

test.describe('insights', () => {
  test('the charts show each tier’s share, the Pareto line, risks, overdue and birthdays', async ({
    ext,
  }) => {
    const list = customers();
    // A birthday in 5 days for the partner of Jürgen Müller.
    const soon = new Date(Date.now() + 5 * DAY);
    list[0]!.contact.partner = {
      name: 'Sabine',
      birthday: { day: soon.getUTCDate(), month: soon.getUTCMonth() + 1 },
    };
    await seed(ext, list);
    const page = await openDashboard(ext, '#/insights');
    const chart = page.getByTestId('tier-chart');
    await expect(chart).toBeVisible();
    // 48,000 of 59,300 EUR = 80.9 % for A, 9,000 = 15.2 % for B, 2,300 = 3.9 % for C.
    await expect(chart.getByTestId('tier-bar-A')).toHaveAttribute('data-share', '0.8094');
    await expect(chart.getByTestId('tier-bar-A')).toHaveAttribute(
      'aria-label',
      'Stufe A: 80,9\u00a0% des Umsatzes',
    );
    await expect(chart.getByTestId('tier-share-B')).toContainText('15,2 %');
    await expect(chart.getByTestId('tier-share-C')).toContainText('3,9 %');
    // The A bar is the longest: its width follows the share.
    const width = async (t: string) =>
      Number(await chart.getByTestId(`tier-bar-${t}`).getAttribute('width'));
    expect(await width('A')).toBeGreaterThan(await width('B'));
    expect(await width('B')).toBeGreaterThan(await width('C'));
    await expect(page.getByTestId('pareto-chart')).toHaveAttribute('data-units', '3');
    await expect(page.getByTestId('pareto-caption')).toHaveText(
      '1 von 3 zahlenden Kunden (33,3 %) bringen 80,9 % des Umsatzes.',
    );
    await expect(page.getByTestId('insights-risk')).toContainText('Clara Weiß');
    await expect(page.getByTestId('insights-overdue')).toContainText('Anna Schmidt');
    await expect(page.getByTestId('insights-overdue')).not.toContainText('Jürgen Müller');
    await expect(page.getByTestId('insights-birthdays')).toContainText(
      'Sabine, Partnerin oder Partner von Jürgen Müller',
    );
  });
});

test.describe('insights: recommendations and occasions', () => {
  test('who recommended whom with the revenue it brought; each occasion with what followed', async ({
    ext,
  }) => {
    const at = (n: number) => new Date(Date.now() - n * DAY).toISOString();
    await seed(ext, [
      history({ contact: { id: 'r-1', name: 'Sven Richter', emails: ['sven@physio.de'] } }),
      history({
        contact: { id: 'r-2', name: 'Felix Graf', emails: ['graf@praxis.de'], referredBy: 'r-1' },
        purchases: [{ id: 'p-r2', contactId: 'r-2', at: daysAgo(20), amount: 1500 }],
      }),
      history({
        contact: { id: 'r-3', name: 'Mia Brandt', emails: ['mia@brandt.de'], referredBy: 'r-1' },
        interactions: [
          {
            id: 'i-r3',
            contactId: 'r-3',
            at: at(40),
            channel: 'email',
            direction: 'out',
            personal: true,
            brought: { kind: 'occasion', occasionId: 'o-check', text: 'Checkliste IT-Sicherheit' },
          },
          {
            id: 'i-r3b',
            contactId: 'r-3',
            at: at(38),
            channel: 'email',
            direction: 'in',
            personal: true,
            summary: 'Danke für die Checkliste',
          },
        ],
      }),
    ]);
    const stamp = at(60);
    const occasion = (id: string, title: string) =>
      ({ id, kind: 'tip', title, createdAt: stamp, updatedAt: stamp }) as const;
    await seedOccasions(ext, [
      occasion('o-check', 'Checkliste IT-Sicherheit'),
      occasion('o-abend', 'Kundenabend: KI im Mittelstand'),
    ]);
    const page = await openDashboard(ext, '#/insights');
    const referrers = page.getByTestId('insights-referrers');
    await expect(referrers.getByRole('row', { name: /Sven Richter/ })).toContainText(
      /Sven Richter\s*2\s*1\s*1\.500\s€/,
    );
    const occasions = page.getByTestId('insights-occasions');
    await expect(occasions.getByRole('row', { name: /Checkliste IT-Sicherheit/ })).toContainText(
      '0 gekauft, 1 geantwortet',
    );
    await expect(occasions.getByRole('row', { name: /Kundenabend/ })).toContainText(/0\s*0/);
  });
});

test.describe('duplicates', () => {
  test('merges two records of one person, keeps every interaction, and undo splits them again', async ({
    ext,
  }) => {
    const one = history({
      contact: {
        id: 'd-1',
        name: 'Jürgen Müller',
        company: 'Müller Bau GmbH',
        emails: ['juergen@mueller-bau.de'],
      },
      interactions: [1, 2].map((n) => ({
        id: `i-d1-${n}`,
        contactId: 'd-1',
        at: daysAgo(n * 10),
        channel: 'phone' as const,
        direction: 'out' as const,
        personal: true,
        summary: `Telefonat ${n}`,
      })),
    });
    const two = history({
      contact: {
        id: 'd-2',
        name: 'J. Müller',
        company: 'Müller Bau',
        emails: ['Juergen@Mueller-Bau.de'],
        phones: ['+49 89 123'],
      },
      interactions: [1, 2, 3].map((n) => ({
        id: `i-d2-${n}`,
        contactId: 'd-2',
        at: daysAgo(n * 7),
        channel: 'email' as const,
        direction: 'in' as const,
        personal: true,
        summary: `Mail ${n}`,
      })),
      purchases: [{ id: 'p-d2', contactId: 'd-2', at: daysAgo(30), amount: 500 }],
    });
    const others = [
      history({ contact: { id: 'o-1', name: 'Anna Schmidt', company: 'Schmidt Design' } }),
      history({ contact: { id: 'o-2', name: 'Anna Schmitt', company: 'Schmidt Design GmbH' } }),
    ];
    await seed(ext, [one, two, ...others]);
    const page = await openDashboard(ext, '#/duplicates');
    const groups = page.getByTestId('duplicate-group');
    await expect(groups).toHaveCount(2);

    // "Not the same person" is remembered.
    const annas = groups.filter({ hasText: 'Anna Schmitt' });
    await expect(annas).toContainText('ähnlicher Name, gleiche Firma');
    await annas.getByTestId('not-duplicate').click();
    await expect(groups).toHaveCount(1);
    expect((await readTable<{ id: string }>(page, 'notDuplicates')).map((r) => r.id)).toEqual([
      'o-1|o-2',
    ]);

    // Side by side; keep the first record, merge the second into it.
    const group = groups.first();
    await expect(group).toContainText('gleiche E-Mail');
    await expect(group.locator('thead')).toContainText('Jürgen Müller');
    await expect(group.locator('thead')).toContainText('J. Müller');
    await group.getByRole('radio').first().check();
    await group.getByTestId('merge').click();
    await expect(page.getByTestId('toast')).toContainText(
      'J. Müller in Jürgen Müller zusammengeführt; 4 Einträge übernommen.',
    );
    await expect(page.getByTestId('no-duplicates')).toBeVisible();
    const interactions = await readTable<{ id: string; contactId: string }>(page, 'interactions');
    expect(
      interactions
        .filter((r) => r.contactId === 'd-1')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['i-d1-1', 'i-d1-2', 'i-d2-1', 'i-d2-2', 'i-d2-3']);
    expect((await readTable<{ id: string }>(page, 'contacts')).map((c) => c.id)).not.toContain(
      'd-2',
    );

    // Undo: both records again, each with its own interactions.
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(groups).toHaveCount(1);
    const after = await readTable<{ id: string; contactId: string }>(page, 'interactions');
    expect(after.filter((r) => r.contactId === 'd-2')).toHaveLength(3);

    // Merge again and find every interaction on the survivor's page.
    await group.getByRole('radio').first().check();
    await group.getByTestId('merge').click();
    await expect(page.getByTestId('no-duplicates')).toBeVisible();
    await page.goto(ext.url('options.html#/contacts/d-1'));
    await expect(page.getByTestId('timeline-entry')).toHaveCount(6);
    await expect(page.getByTestId('section-business').getByLabel('E-Mail-Adressen')).toHaveValue(
      'juergen@mueller-bau.de',
    );
    await expect(page.getByTestId('section-business').getByLabel('Telefonnummern')).toHaveValue(
      '+49 89 123',
    );
    await page.reload();
    await page.goto(ext.url('options.html#/duplicates'));
    await expect(page.getByTestId('no-duplicates')).toBeVisible();
  });
});

test.describe('settings', () => {
  test('invalid values are refused next to the field; defaults come back with undo', async ({
    ext,
  }) => {
    const page = await openDashboard(ext, '#/settings');
    const a = page.getByLabel('Persönlicher Kontakt alle … Tage für Stufe A');
    await expect(a).toHaveValue('14');
    await a.fill('0');
    await page.getByLabel('A bis').fill('96');
    await page.getByTestId('settings-save').click();
    await expect(page.locator('#s-contactEveryDays\\.A-error')).toHaveText(
      'Eine ganze Zahl von Tagen, mindestens 1.',
    );
    await expect(page.locator('#s-paretoB-error')).toHaveText(
      'Die B-Schwelle muss über der A-Schwelle liegen.',
    );
    expect(await readTable(page, 'settings')).toEqual([]);

    await a.fill('10');
    await page.getByLabel('A bis').fill('75');
    await page.getByRole('combobox', { name: 'Zeitzone' }).fill('Mars/Olympus');
    await page.getByTestId('settings-save').click();
    await expect(page.locator('#s-timeZone-error')).toHaveText('Unbekannte Zeitzone.');
    await page.getByRole('combobox', { name: 'Zeitzone' }).fill('Europe/Berlin');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('toast')).toContainText('Einstellungen gespeichert.');
    expect(await readTable(page, 'settings')).toEqual([
      {
        id: 'settings',
        values: {
          contactEveryDays: { A: 10, B: 45, C: 120 },
          paretoA: 0.75,
          timeZone: 'Europe/Berlin',
        },
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      },
    ]);
    await page.reload();
    await expect(a).toHaveValue('10');

    // Language: English now; "automatic" removes the key again.
    await page.getByLabel('Sprache', { exact: true }).selectOption('en');
    await page.getByTestId('settings-save').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByRole('link', { name: 'Contacts' })).toBeVisible();

    await page.getByTestId('restore-defaults').click();
    await expect(page.getByTestId('toast')).toContainText('Default settings restored.');
    await expect(a).toHaveValue('14');
    // Nothing of the user's choices is left (the row stays, empty: a reset travels with sync).
    await expect
      .poll(async () =>
        (await readTable<{ values: object }>(page, 'settings')).map((r) => r.values),
      )
      .toEqual([{}]);
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByLabel('Personal contact every … days for tier A')).toHaveValue('10');
  });
});

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });
  test('the dashboard speaks English', async ({ ext }) => {
    const page = await openDashboard(ext);
    await expect(page.getByTestId('empty-state')).toContainText('No contacts yet');
    await seed(ext, customers());
    await page.reload();
    await expect(rows(page)).toHaveCount(5);
    await expect(table(page).locator('thead')).toContainText('Next touch');
    await expect(page.getByTestId('result-count')).toHaveText('5 contacts');
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect(page.getByTestId('tier-chart').getByTestId('tier-bar-A')).toHaveAttribute(
      'aria-label',
      'Tier A: 80.9% of revenue',
    );
    await expect(page.getByTestId('pareto-caption')).toHaveText(
      '1 of 3 paying customers (33.3%) bring 80.9% of revenue.',
    );
  });
});
