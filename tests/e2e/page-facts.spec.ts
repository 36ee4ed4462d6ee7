// Keeping the data fresh from the page, and never "not in Kundennah" for someone who is (issue 14,
// 2 and 3): a new position on the person's XING or LinkedIn profile is offered, taken over (with
// undo) or declined for good, and a congratulation follows; the facts the advice needs are filled
// in on the card; a person named on a Gmail thread without any address who has a contact's name is
// asked about (Gmail and Outlook), and the first known person on a page is shown first.
import type { FrameLocator } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { history, readTables, seed, seedSettings } from './seed';
import { SITES, panelFrame, serveApp, type Route } from './sites';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** An A customer (the only one who bought) whose regular touch is overdue, every advice fact known. */
function customer(id: string, name: string, extra: Record<string, unknown>) {
  return history({
    contact: {
      id,
      name,
      birthday: { month: 9, day: 3 },
      preferredChannels: ['phone'],
      interests: ['Segeln'],
      address: 'Sie',
      ...extra,
    },
    purchases: [{ id: `${id}-p`, contactId: id, at: ago(60), amount: 24_000 }],
    interactions: [
      {
        id: `${id}-i`,
        contactId: id,
        at: ago(40),
        channel: 'phone',
        direction: 'out',
        personal: true,
        summary: 'Jahresplanung besprochen',
      },
    ],
  });
}

async function open(ext: Extension, route: Route, routes: Route[] = [route]) {
  await serveApp(ext.context, routes);
  const page = await ext.context.newPage();
  await page.goto(route.url);
  return page;
}

async function contactOf(ext: Extension, id: string) {
  const { contacts } = await readTables(ext, ['contacts']);
  return contacts.find((c) => c.id === id) as Record<string, unknown>;
}

// Sabine Köhler moved on: her XING profile now shows another position at another company.
const SABINE_MOVED: Route = {
  ...SITES.xing.profile,
  replace: [
    ['Geschäftsführerin', 'Leiterin Controlling'],
    ['Köhler Events GmbH', 'Muster AG'],
  ],
};

test('XING: a new position is offered, taken over with undo, and a congratulation follows', async ({
  ext,
}) => {
  await seed(ext, [
    customer('c-sk', 'Sabine Köhler', {
      profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'],
      company: 'Köhler Events GmbH',
      position: 'Geschäftsführerin',
      preferredChannels: [],
    }),
  ]);
  const page = await open(ext, SABINE_MOVED);
  const panel = panelFrame(page);
  const offer = panel.getByTestId('position-offer');
  await expect(offer).toContainText('Neue Position: Leiterin Controlling, Muster AG – übernehmen?');
  await expect(panel.getByTestId('next-touch')).toHaveAttribute('data-kind', 'cadence');

  await offer.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(offer).toBeHidden();
  const card = panel.getByTestId('contact-card');
  await expect(card.locator('.card-head')).toContainText(
    'Leiterin Controlling, Muster AG · Muster AG',
  );
  // The congratulation comes before the overdue regular touch, by XING (where the change was seen).
  const next = panel.getByTestId('next-touch');
  await expect(next).toHaveAttribute('data-kind', 'congratulation');
  await expect(next).toContainText('per XING');
  await expect(next).toContainText('kein Angebot');
  let stored = await contactOf(ext, 'c-sk');
  expect(stored.company).toBe('Muster AG');
  expect(stored.position).toBe('Leiterin Controlling, Muster AG');
  expect(stored.jobChange).toMatchObject({ company: 'Muster AG' });

  // Undo puts the old position back, and the offer with it.
  await panel.getByRole('button', { name: 'Rückgängig' }).click();
  await expect(offer).toBeVisible();
  await expect(next).toHaveAttribute('data-kind', 'cadence');
  stored = await contactOf(ext, 'c-sk');
  expect(stored.company).toBe('Köhler Events GmbH');
  expect(stored.position).toBe('Geschäftsführerin');
  expect(stored.jobChange).toBeUndefined();

  // "Nein, stimmt nicht": the same page values are not offered again, not after a reload either.
  await offer.getByRole('button', { name: 'Nein, stimmt nicht' }).click();
  await expect(offer).toBeHidden();
  await page.reload();
  await expect(panelFrame(page).getByTestId('contact-card')).toContainText('Sabine Köhler');
  await expect(panelFrame(page).getByTestId('position-offer')).toHaveCount(0);
  stored = await contactOf(ext, 'c-sk');
  expect(stored.company).toBe('Köhler Events GmbH');
});

test('LinkedIn: a new headline is offered and taken over; the congratulation goes by LinkedIn', async ({
  ext,
}) => {
  await seedSettings(ext, {
    panelMode: { gmail: 'injected', outlook: 'injected', xing: 'injected', linkedin: 'injected' },
  });
  await seed(ext, [
    customer('c-jw', 'Jonas Weber', {
      profileUrls: ['https://www.linkedin.com/in/jonas-weber-7b3a91152'],
      company: 'Schmidt & Partner Beratung GmbH',
      position: 'Consultant',
      preferredChannels: [],
    }),
  ]);
  const page = await open(ext, SITES.linkedin.profile);
  const panel = panelFrame(page);
  const offer = panel.getByTestId('position-offer');
  await expect(offer).toContainText(
    'Neue Position: Senior Consultant Digitalisierung | Prozesse, Daten, Menschen bei Schmidt & Partner Beratung GmbH – übernehmen?',
  );
  await offer.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(offer).toBeHidden();
  const next = panel.getByTestId('next-touch');
  await expect(next).toHaveAttribute('data-kind', 'congratulation');
  await expect(next).toContainText('per LinkedIn');
  const stored = await contactOf(ext, 'c-jw');
  expect(stored.position).toBe('Senior Consultant Digitalisierung | Prozesse, Daten, Menschen');
  expect(stored.company).toBe('Schmidt & Partner Beratung GmbH');
  // The popup's agenda has the congratulation too.
  const popup = await ext.openPage('popup.html');
  await expect(popup.getByText('Neue Positionen – gratulieren')).toBeVisible();
});

test('the facts the advice needs are filled in on the card, by keyboard', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-jm',
        name: 'Jürgen Müller',
        emails: ['juergen.mueller@mueller-hausbau.de'],
        company: 'Müller Hausbau GmbH',
      },
      purchases: [{ id: 'p1', contactId: 'c-jm', at: ago(60), amount: 24_000 }],
    }),
  ]);
  const page = await open(ext, SITES.gmail.single);
  const panel = panelFrame(page);
  const missing = panel.getByTestId('missing-facts');
  await expect(missing).toContainText(
    'Für den nächsten persönlichen Kontakt fehlt noch: Geburtstag, bevorzugter Kanal, Interessen, Anrede.',
  );
  await missing.getByRole('button', { name: 'Ergänzen' }).click();
  // The form opens on its first field; everything is reachable with the keyboard.
  await expect(panel.getByRole('textbox', { name: 'Tag' })).toBeFocused();
  await page.keyboard.type('14');
  await page.keyboard.press('Tab');
  await panel.getByRole('combobox', { name: 'Monat' }).selectOption('3');
  await panel.getByRole('textbox', { name: 'Jahr (optional)' }).fill('1971');
  await panel.getByRole('combobox', { name: 'Bevorzugter Kanal' }).selectOption('phone');
  await panel.getByRole('textbox', { name: 'Interessen' }).fill('Segeln, Oldtimer');
  await panel.getByRole('combobox', { name: 'Anrede' }).selectOption('Sie');
  await panel.getByRole('textbox', { name: 'Interessen' }).press('Enter');

  await expect(missing).toBeHidden();
  const facts = panel.getByTestId('soft-facts');
  await expect(facts).toContainText('14. März 1971');
  await expect(facts).toContainText('Segeln, Oldtimer');
  await expect(facts).toContainText('Sie');
  const stored = await contactOf(ext, 'c-jm');
  expect(stored.birthday).toEqual({ day: 14, month: 3, year: 1971 });
  expect(stored.preferredChannels).toEqual(['phone']);
  expect(stored.interests).toEqual(['Segeln', 'Oldtimer']);
  expect(stored.address).toBe('Sie');

  // Undo takes the facts back, and the card asks again.
  await panel.getByRole('button', { name: 'Rückgängig' }).click();
  await expect(missing).toBeVisible();
  expect((await contactOf(ext, 'c-jm')).birthday).toBeUndefined();
});

// The name-only thread: "Kanzlei Berger & Partner" (named only) and Dr. Petra Berger (with her
// address), in that order. Here the name-only sender is Lukas Becker.
const LUKAS_THREAD: Route = {
  url: 'https://mail.google.com/mail/u/0/#search/kanzlei/FMfcgzQcqlBNLnQGPpHgnkvLwZNtKJnD',
  file: 'gmail/2026-11-thread-name-only.html',
  replace: [['Kanzlei Berger &amp; Partner', 'Lukas Becker']],
};

async function answerNameMatch(panel: FrameLocator) {
  const ask = panel.getByTestId('name-match');
  await expect(ask).toContainText('Ist das Ihr Kontakt Lukas Becker (Müller GmbH)?');
  await ask.getByRole('button', { name: 'Ja, verknüpfen' }).click();
}

test('Gmail: a sender named only, with a contact of that name, is asked about and then known', async ({
  ext,
}) => {
  await seed(ext, [
    history({ contact: { id: 'c-lb', name: 'Lukas Becker', company: 'Müller GmbH' } }),
  ]);
  const page = await open(ext, LUKAS_THREAD);
  const panel = panelFrame(page);
  // Not "unknown": the name-only person with a namesake comes before the unknown Dr. Berger.
  await expect(panel.getByTestId('unknown-person')).toHaveCount(0);
  await answerNameMatch(panel);
  const card = panel.getByTestId('contact-card');
  await expect(card).toHaveAttribute('aria-label', 'Lukas Becker');
  const stored = await contactOf(ext, 'c-lb');
  expect(stored.pageNames).toMatchObject([{ name: 'Lukas Becker', same: true }]);
  expect(stored.emails).toEqual([]);

  // Remembered: the next visit shows the card at once.
  await page.reload();
  await expect(panelFrame(page).getByTestId('contact-card')).toHaveAttribute(
    'aria-label',
    'Lukas Becker',
  );
  await expect(panelFrame(page).getByTestId('name-match')).toHaveCount(0);
});

test('several people on a page: the first known one is shown first', async ({ ext }) => {
  await seed(ext, [
    history({ contact: { id: 'c-lb', name: 'Lukas Becker', company: 'Müller GmbH' } }),
    history({
      contact: {
        id: 'c-pb',
        name: 'Petra Berger',
        emails: ['p.berger@kanzlei-berger.de'],
        company: 'Kanzlei Berger & Partner',
      },
    }),
  ]);
  const page = await open(ext, LUKAS_THREAD);
  const panel = panelFrame(page);
  // Petra Berger is second on the page but the one we know: her card comes first.
  await expect(panel.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Petra Berger');
  const people = panel.getByTestId('people').getByRole('button');
  await expect(people).toHaveText([/Petra Berger/, /Lukas Becker/]);
  await people.nth(1).click();
  await answerNameMatch(panel);
  await expect(panel.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Lukas Becker');
});

// Outlook: the Cc line names Jonas Weber without his address (the chip's title is empty, as for a
// recipient Outlook could not resolve).
const JONAS_CC: Route = {
  ...SITES.outlook.readingPane,
  replace: [['title="jonas.weber@schmidt-partner.de"', 'title=""']],
};

test('Outlook: a recipient named only, with a contact of that name, is asked about and then known', async ({
  ext,
}) => {
  await seed(ext, [
    history({ contact: { id: 'c-jw', name: 'Jonas Weber', company: 'Schmidt & Partner' } }),
  ]);
  const page = await open(ext, JONAS_CC);
  const panel = panelFrame(page);
  // Anna Schmidt (with her address, unknown) comes first on the page; the namesake is asked about.
  const ask = panel.getByTestId('name-match');
  await expect(ask).toContainText('Ist das Ihr Kontakt Jonas Weber (Schmidt & Partner)?');
  await ask.getByRole('button', { name: 'Ja, verknüpfen' }).click();
  await expect(panel.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Jonas Weber');
  expect((await contactOf(ext, 'c-jw')).pageNames).toMatchObject([
    { name: 'Jonas Weber', same: true },
  ]);
});
