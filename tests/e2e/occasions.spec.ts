// What to bring, in the dashboard, end to end: an occasion recorded on the "Anlässe" page, the
// contacts it fits with the reasons in their own words, attached to their next touch ("Vormerken")
// and found on the contact page; concerns (Themen) noted, closed, reopened and deleted in the
// contact page; "Empfohlen von" chosen in the editor and in the add form. German and English.
import type { Page } from '@playwright/test';
import type { ContactHistory } from '../../lib/model';
import { expect, test, type Extension } from './harness';
import { history, readTables, seed, seedOccasions } from './seed';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
/** A day as the German dashboard writes it ("12.10.2026"). */
const deDay = (iso: string) => iso.split('-').reverse().join('.');

/** Three customers and a lost one; the comments say what an occasion about going digital finds. */
function customers(): ContactHistory[] {
  const concernDay = daysAgo(50);
  return [
    // A: what moves her (a concern) and an interest both fit; the best match.
    history({
      contact: {
        id: 'c-km',
        name: 'Katrin Meier',
        company: 'Meier Steuerberatung',
        emails: ['katrin@meier-stb.de'],
        interests: ['Digitalisierung', 'Jazz'],
        concerns: [{ id: 'k-km', text: 'ERP-Auswahl bis Q3', notedAt: concernDay }],
        createdAt: `${daysAgo(400)}T09:00:00.000Z`,
      },
      purchases: [{ id: 'p-km', contactId: 'c-km', at: daysAgo(80), amount: 30000 }],
      interactions: [
        {
          id: 'i-km',
          contactId: 'c-km',
          at: daysAgo(20),
          channel: 'phone',
          direction: 'out',
          personal: true,
        },
      ],
    }),
    // Fits by the shared first part of a compound: "Fördermittel" ~ "Förderprogramm".
    history({
      contact: {
        id: 'c-tw',
        name: 'Thomas Wagner',
        company: 'Wagner Elektro',
        position: 'Inhaber',
        interests: ['Angeln'],
        concerns: [
          { id: 'k-tw', text: 'Fördermittel für die neue Werkstatt', notedAt: daysAgo(10) },
        ],
        createdAt: `${daysAgo(300)}T09:00:00.000Z`,
      },
      purchases: [{ id: 'p-tw', contactId: 'c-tw', at: daysAgo(100), amount: 4000 }],
    }),
    // Fits nothing.
    history({
      contact: {
        id: 'c-sb',
        name: 'Sabine Braun',
        company: 'Praxis Braun',
        interests: ['Golf'],
        createdAt: `${daysAgo(200)}T09:00:00.000Z`,
      },
    }),
    // Would fit, but lost customers are not offered occasions.
    history({
      contact: {
        id: 'c-lo',
        name: 'Lothar Ott',
        interests: ['Digitalisierung'],
        status: 'lost',
        lost: { at: daysAgo(30), reason: 'price' },
        createdAt: `${daysAgo(500)}T09:00:00.000Z`,
      },
    }),
  ];
}

type Row = Record<string, unknown>;
const contactRow = async (ext: Extension, id: string) =>
  (await readTables(ext, ['contacts'])).contacts.find((c) => c.id === id) as Row;

async function recordOccasion(
  page: Page,
  o: { kind?: string; title: string; keywords: string[]; text?: string },
  labels = {
    kind: 'Art',
    title: 'Titel *',
    text: 'Worum geht es? (optional)',
    keywords: 'Stichwörter',
  },
) {
  const form = page.getByTestId('occasion-form');
  await expect(form).toBeVisible();
  if (o.kind) await form.getByLabel(labels.kind).selectOption({ label: o.kind });
  await form.getByLabel(labels.title).fill(o.title);
  if (o.text) await form.getByLabel(labels.text).fill(o.text);
  const keywords = form.getByLabel(labels.keywords);
  // One by a comma, the last one by Enter: both make a chip.
  await keywords.fill(
    o.keywords
      .slice(0, -1)
      .map((k) => `${k},`)
      .join(''),
  );
  await keywords.pressSequentially(o.keywords.at(-1) ?? '');
  await keywords.press('Enter');
  await expect(form.getByTestId('keyword-chips').locator('li')).toHaveCount(o.keywords.length);
  await page.getByTestId('occasion-save').click();
}

test.describe('occasions (Anlässe)', () => {
  test('record an occasion, see whom it fits and why, attach it, find it on the contact', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await ext.openPage('options.html#/occasions');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anlässe');
    await expect(page.getByRole('link', { name: 'Anlässe' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // The empty state says what to do.
    await expect(page.getByTestId('occasions-empty')).toContainText('Halten Sie fest');
    await page.getByRole('button', { name: 'Ersten Anlass festhalten' }).click();
    // A title is needed.
    await page.getByTestId('occasion-save').click();
    await expect(page.getByTestId('occasion-form')).toContainText('Ein kurzer Titel fehlt.');

    await recordOccasion(page, {
      kind: 'Förderprogramm',
      title: 'Förderprogramm go-digital',
      text: 'Bis zu 50 % Zuschuss für Beratung zur Digitalisierung.',
      keywords: ['Digitalisierung', 'ERP'],
    });
    await expect(page.getByTestId('toast')).toContainText(
      'Anlass „Förderprogramm go-digital“ gespeichert.',
    );
    const detail = page.getByTestId('occasion-detail');
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Förderprogramm go-digital');
    await expect(detail).toContainText('Förderprogramm · ohne Ablaufdatum');
    await expect(page.getByTestId('occasion-item')).toHaveCount(1);
    await expect(page).toHaveURL(/#\/occasions\/[\w-]+$/);

    // Whom it fits, best first, with the reasons in the contacts' own words; the lost customer
    // and the one it does not fit are not listed.
    const matches = page.getByTestId('occasion-match');
    await expect(page.getByTestId('occasion-fits')).toHaveText('Passt zu 2 Kontakten');
    await expect(matches).toHaveCount(2);
    await expect(matches.nth(0)).toContainText('Katrin Meier');
    await expect(matches.nth(0).getByTestId('match-fit')).toHaveText(
      `passt zu: ERP-Auswahl bis Q3 (Thema seit ${deDay(daysAgo(50))}), Digitalisierung (Interesse)`,
    );
    await expect(matches.nth(1)).toContainText('Thomas Wagner');
    await expect(matches.nth(1).getByTestId('match-fit')).toContainText(
      'Fördermittel für die neue Werkstatt (Thema seit',
    );
    await expect(page.getByTestId('occasion-matches')).not.toContainText('Sabine Braun');
    await expect(page.getByTestId('occasion-matches')).not.toContainText('Lothar Ott');
    await expect(page.getByTestId('occasion-planned')).toContainText(
      'Noch für niemanden vorgemerkt',
    );

    // Choose both (one with the keyboard) and attach; undo; attach again.
    const attach = page.getByTestId('occasion-attach');
    await expect(attach).toBeDisabled();
    await matches.nth(0).getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await expect(attach).toHaveText('Vormerken (1)');
    await matches.nth(1).getByRole('checkbox', { name: 'Thomas Wagner' }).check();
    await expect(attach).toHaveText('Vormerken (2)');
    await attach.click();
    const toast = page.getByTestId('toast');
    await expect(toast).toContainText('„Förderprogramm go-digital“ für 2 Kontakte vorgemerkt.');
    await expect(page.getByTestId('planned-marker')).toHaveCount(2);
    await expect(page.getByTestId('occasion-planned')).toContainText('Vorgemerkt für 2 Kontakte:');
    await toast.getByRole('button', { name: 'Rückgängig' }).click();
    await expect(page.getByTestId('planned-marker')).toHaveCount(0);
    await expect.poll(async () => (await contactRow(ext, 'c-km')).plannedOccasions).toBeUndefined();
    await page.getByLabel('Alle angezeigten auswählen').check();
    await attach.click();
    await expect(page.getByTestId('planned-marker')).toHaveCount(2);
    await expect(page.getByTestId('occasion-item')).toContainText('vorgemerkt: 2');
    const stored = await readTables(ext, ['contacts', 'occasions']);
    expect(stored.occasions).toHaveLength(1);
    const occasionId = String(stored.occasions[0]!.id);
    expect(stored.occasions[0]).toMatchObject({
      kind: 'funding',
      title: 'Förderprogramm go-digital',
      keywords: ['Digitalisierung', 'ERP'],
    });
    for (const id of ['c-km', 'c-tw'])
      expect(stored.contacts.find((c) => c.id === id)?.plannedOccasions).toEqual([
        { occasionId, at: expect.any(String) },
      ]);

    // On the contact page: attached for the next touch, which brings it along.
    await page.getByRole('link', { name: 'Katrin Meier öffnen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katrin Meier');
    const bring = page.getByTestId('bring');
    await expect(bring.getByTestId('planned-occasion')).toHaveText(
      /Förderprogramm go-digital\s*Förderprogramm · ohne Ablaufdatum/,
    );
    await expect(page.getByTestId('next-touch')).toContainText('Förderprogramm go-digital', {
      timeout: 20_000,
    });
    // Detached from here, and undone.
    await bring
      .getByRole('button', { name: '„Förderprogramm go-digital“ nicht mehr vormerken' })
      .click();
    await expect(bring.getByTestId('bring-none')).toBeVisible();
    await expect(bring.getByTestId('bring-select')).toHaveValue(occasionId);
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(bring.getByTestId('planned-occasion')).toHaveCount(1);

    // Editing keeps it; deleting takes it off every contact, and undo puts it back.
    await page.goto(ext.url(`options.html#/occasions/${occasionId}`));
    await page.getByTestId('occasion-edit').click();
    await page.getByTestId('occasion-form').getByLabel('Gültig bis').fill(daysAgo(-30));
    await page.getByTestId('occasion-save').click();
    await expect(page.getByTestId('occasion-detail')).toContainText(
      `gültig bis ${deDay(daysAgo(-30))}`,
    );
    await page.getByTestId('occasion-delete').click();
    await expect(page.getByTestId('occasions-empty')).toBeVisible();
    await expect.poll(async () => (await contactRow(ext, 'c-tw')).plannedOccasions).toBeUndefined();
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(page.getByTestId('planned-marker')).toHaveCount(2);
    await expect.poll(async () => (await contactRow(ext, 'c-tw')).plannedOccasions).toHaveLength(1);
  });

  test('who it was already brought to is named and not offered it again', async ({ ext }) => {
    const [katrin, ...rest] = customers();
    katrin!.interactions.push({
      id: 'i-km-brought',
      contactId: 'c-km',
      at: `${daysAgo(5)}T10:00:00.000Z`,
      channel: 'phone',
      direction: 'out',
      personal: true,
      brought: { kind: 'occasion', occasionId: 'o-erp', text: 'Leitfaden ERP-Auswahl' },
    });
    await seed(ext, [katrin!, ...rest]);
    const stamp = `${daysAgo(10)}T09:00:00.000Z`;
    await seedOccasions(ext, [
      {
        id: 'o-erp',
        kind: 'tip',
        title: 'Leitfaden ERP-Auswahl',
        keywords: ['ERP'],
        createdAt: stamp,
        updatedAt: stamp,
      },
    ]);
    const page = await ext.openPage('options.html#/occasions/o-erp');
    await expect(page.getByTestId('occasion-brought')).toHaveText(
      'Schon mitgebracht: 1 – Katrin Meier',
    );
    await expect(page.getByTestId('occasion-item')).toContainText('mitgebracht: 1 · vorgemerkt: 0');
    await expect(page.getByTestId('occasion-no-matches')).toContainText(
      'Passt zu keinem weiteren Kontakt',
    );
    // Her timeline says what the call brought; her page offers the occasion no more.
    await page.goto(ext.url('options.html#/contacts/c-km'));
    await expect(page.getByTestId('brought')).toHaveText(
      'Mitgebracht: Anlass: Leitfaden ERP-Auswahl',
    );
    await expect(page.getByTestId('bring').getByTestId('bring-select')).toHaveCount(0);
    await expect(page.getByTestId('bring')).toContainText('Anlässe festhalten');
  });

  test('concerns on the contact page: note one with an end, close, reopen, delete with undo', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await ext.openPage('options.html#/contacts/c-sb');
    const card = page.getByTestId('concerns');
    await expect(card.getByTestId('concerns-empty')).toHaveText(
      'Noch kein Thema notiert. Was bewegt Sabine Braun gerade?',
    );
    await card.getByLabel('Thema', { exact: true }).fill('Praxisumzug im April');
    await card.getByLabel('Bis (optional)').fill(daysAgo(-60));
    await card.getByLabel('Thema', { exact: true }).press('Enter');
    await expect(page.getByTestId('toast')).toContainText('Thema notiert.');
    // Undo of the first concern leaves the contact as it was; noted again.
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(card.getByTestId('concerns-empty')).toBeVisible();
    await expect.poll(async () => 'concerns' in (await contactRow(ext, 'c-sb'))).toBe(false);
    await card.getByLabel('Thema', { exact: true }).fill('Praxisumzug im April');
    await card.getByLabel('Bis (optional)').fill(daysAgo(-60));
    await card.getByRole('button', { name: 'Thema notieren' }).click();
    await expect(card.getByTestId('concern')).toHaveCount(1);
    await card.getByLabel('Thema', { exact: true }).fill('Tochter studiert in Wien');
    await card.getByRole('button', { name: 'Thema notieren' }).click();
    const open = card.getByTestId('concern-list').getByTestId('concern');
    await expect(open).toHaveCount(2);
    // The latest first; each with the day it was noted and its end.
    await expect(open.nth(0)).toContainText('Tochter studiert in Wien');
    await expect(open.nth(1)).toContainText('Praxisumzug im April');
    await expect(open.nth(1)).toContainText(
      `notiert am ${deDay(daysAgo(0))} · bis ${deDay(daysAgo(-60))}`,
    );

    await card
      .getByRole('button', { name: '„Praxisumzug im April“ als erledigt markieren' })
      .click();
    await expect(page.getByTestId('toast')).toContainText('Thema als erledigt markiert.');
    await expect(open).toHaveCount(1);
    await card.getByTestId('concerns-closed-toggle').click();
    const closed = card.getByTestId('concern-closed-list').getByTestId('concern');
    await expect(closed).toHaveText(/Praxisumzug im April.*erledigt am/);
    let stored = await contactRow(ext, 'c-sb');
    expect(stored.concerns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'Praxisumzug im April', closedAt: daysAgo(0) }),
      ]),
    );
    await card.getByRole('button', { name: '„Praxisumzug im April“ wieder öffnen' }).click();
    await expect(open).toHaveCount(2);

    await card.getByRole('button', { name: '„Tochter studiert in Wien“ löschen' }).click();
    await expect(open).toHaveCount(1);
    await page.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(open).toHaveCount(2);
    stored = await contactRow(ext, 'c-sb');
    expect((stored.concerns as Row[]).map((c) => [c.text, c.closedAt])).toEqual([
      ['Praxisumzug im April', undefined],
      ['Tochter studiert in Wien', undefined],
    ]);
    // An end before the day it was noted is refused next to the field.
    await card.getByLabel('Thema', { exact: true }).fill('Jahresabschluss');
    await card.getByLabel('Bis (optional)').fill(daysAgo(3));
    await card.getByRole('button', { name: 'Thema notieren' }).click();
    await expect(card.getByTestId('field-error')).toHaveText(
      'Das Ende kann nicht vor dem Tag liegen, an dem das Thema notiert wurde.',
    );
    await expect(open).toHaveCount(2);
  });

  test('“Empfohlen von” links to another contact, never to oneself; the referrer sees it', async ({
    ext,
  }) => {
    await seed(ext, customers());
    const page = await ext.openPage('options.html#/contacts/c-sb');
    const picker = page.getByTestId('referred-by');
    const search = picker.getByRole('combobox', { name: 'Empfohlen von' });
    await search.fill('Sabine');
    await expect(picker.getByText('Kein Kontakt gefunden.')).toBeVisible();
    await search.fill('kat mei');
    await expect(picker.getByRole('option')).toHaveText(['Katrin Meier · Meier Steuerberatung']);
    await search.press('Enter');
    await expect(picker.getByTestId('picked')).toContainText('Katrin Meier');
    await expect(page.getByTestId('save-bar')).toContainText('Ungespeicherte');
    await page.getByTestId('contact-save').click();
    await expect(page.getByTestId('toast')).toContainText('gespeichert');
    await expect.poll(async () => (await contactRow(ext, 'c-sb')).referredBy).toBe('c-km');
    await page.reload();
    await expect(page.getByTestId('referred-by').getByTestId('picked')).toContainText(
      'Katrin Meier',
    );

    // The referrer's page names whom she recommended.
    await page
      .getByTestId('referred-by')
      .getByRole('link', { name: /Katrin Meier/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katrin Meier');
    await expect(page.getByTestId('referrals')).toHaveText(
      'Hat Ihnen 1 Kontakt empfohlen: Sabine Braun (bisher ohne Kauf)',
    );

    // A new contact recommended by Thomas, chosen in the add form.
    await page.getByRole('link', { name: 'Kontakte', exact: true }).click();
    await page.getByTestId('add-contact').click();
    const form = page.getByTestId('add-contact-form');
    await form.getByLabel('Name *').fill('Jana Roth');
    await form.getByRole('combobox', { name: 'Empfohlen von' }).fill('Wag');
    await form.getByRole('option', { name: /Thomas Wagner/ }).click();
    await expect(form.getByTestId('picked')).toContainText('Thomas Wagner');
    await form.getByTestId('add-contact-save').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jana Roth');
    const jana = (await readTables(ext, ['contacts'])).contacts.find((c) => c.name === 'Jana Roth');
    expect(jana?.referredBy).toBe('c-tw');
    // Removing the recommendation in the editor.
    await page
      .getByTestId('referred-by')
      .getByRole('button', { name: 'Empfehlung entfernen' })
      .click();
    await page.getByTestId('contact-save').click();
    await expect
      .poll(
        async () =>
          (await readTables(ext, ['contacts'])).contacts.find((c) => c.name === 'Jana Roth')
            ?.referredBy,
      )
      .toBeUndefined();
  });
});

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });
  test('the occasions page and the contact’s concerns speak English', async ({ ext }) => {
    await seed(ext, customers());
    const page = await ext.openPage('options.html#/occasions');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Occasions');
    await page.getByRole('button', { name: 'Record the first occasion' }).click();
    await recordOccasion(
      page,
      { kind: 'Tip or article', title: 'Article: choosing an ERP', keywords: ['ERP'] },
      {
        kind: 'Kind',
        title: 'Title *',
        text: 'What is it about? (optional)',
        keywords: 'Keywords',
      },
    );
    await expect(page.getByTestId('toast')).toContainText(
      'Occasion “Article: choosing an ERP” saved.',
    );
    await expect(page.getByTestId('occasion-fits')).toHaveText('Fits 1 contact');
    const match = page.getByTestId('occasion-match');
    await expect(match.getByTestId('match-fit')).toHaveText(
      /^fits ERP-Auswahl bis Q3 \(concern since /,
    );
    await match.getByRole('checkbox', { name: 'Katrin Meier' }).check();
    await page.getByRole('button', { name: 'Attach (1)' }).click();
    await expect(page.getByTestId('toast')).toContainText(
      '“Article: choosing an ERP” attached for 1 contact.',
    );
    await expect(page.getByTestId('occasion-planned')).toContainText('Attached for 1 contact:');

    await page.getByRole('link', { name: 'Open Katrin Meier' }).click();
    await expect(page.getByTestId('concerns').getByRole('heading')).toHaveText('Concerns');
    await expect(page.getByTestId('concern')).toContainText('ERP-Auswahl bis Q3');
    await expect(page.getByTestId('bring').getByRole('heading')).toHaveText('To bring along');
    await expect(page.getByTestId('planned-occasion')).toContainText('Article: choosing an ERP');
    await expect(page.getByTestId('referred-by').getByRole('combobox')).toHaveAccessibleName(
      'Recommended by',
    );
  });
});

test('screenshot of the occasions page with the demo data', async ({ ext }) => {
  const page = await ext.openPage('options.html');
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('Demodaten geladen')).toBeVisible();
  await page.getByRole('link', { name: 'Anlässe' }).click();
  await page.getByTestId('occasion-new').click();
  await recordOccasion(page, {
    kind: 'Tipp oder Artikel',
    title: 'Leitfaden Nachfolge im Mittelstand',
    keywords: ['Nachfolge', 'Übergabe'],
  });
  await page.getByTestId('occasion-new').click();
  await recordOccasion(page, {
    kind: 'Förderprogramm',
    title: 'Förderprogramm go-digital',
    text: 'Bis zu 50 % Zuschuss für Beratung zu Digitalisierung, IT-Sicherheit und E-Rechnung.',
    keywords: ['Digitalisierung', 'IT', 'E-Rechnung', 'Software'],
  });
  const matches = page.getByTestId('occasion-match');
  await expect(matches.first()).toBeVisible();
  await matches.first().getByRole('checkbox').check();
  await page.getByTestId('occasion-attach').click();
  await page.getByTestId('toast').getByRole('button', { name: 'Schließen' }).click();
  await matches.nth(1).getByRole('checkbox').check();
  await page.screenshot({ path: 'docs/occasions.png' });
});
