// Something to bring to every touch, end to end: an attached occasion in the popup card and the
// panel card, "Erledigt" records it as brought (not suggested again), "Vormerken" from the panel,
// a referral's first purchase thanks the referrer, a customer anniversary, "+ Tipp/Gefallen" and
// "Neues Thema?".
import type { Page } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { history, readTables, seed, seedOccasions } from './seed';
import { SITES, panelFrame, serveApp } from './sites';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
/** A calendar day in the browser's zone (the extension's "today" without a zone set). */
const localDay = (days: number, years = 0) => {
  const d = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear() + years}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const STAMP = '2026-01-10T09:00:00.000Z';

const GO_DIGITAL = {
  id: 'o-go-digital',
  kind: 'funding' as const,
  title: 'Förderprogramm go-digital',
  text: 'bis zu 50 % Zuschuss',
  keywords: ['Digitalisierung', 'Förderung'],
  createdAt: STAMP,
  updatedAt: STAMP,
};
const GUIDE = {
  id: 'o-guide',
  kind: 'tip' as const,
  title: 'Leitfaden Digitalisierung im Handwerk',
  keywords: ['Digitalisierung'],
  createdAt: STAMP,
  updatedAt: STAMP,
};

/** Jürgen Müller (the Gmail fixture's sender): an A customer overdue for a touch by e-mail. */
function juergen(extra: Record<string, unknown> = {}) {
  const id = 'c-jm';
  return history({
    contact: {
      id,
      name: 'Jürgen Müller',
      company: 'Müller Hausbau GmbH',
      emails: ['juergen.mueller@mueller-hausbau.de'],
      preferredChannels: ['email'],
      interests: ['Digitalisierung'],
      ...extra,
    },
    purchases: [{ id: `${id}-p`, contactId: id, at: ago(90), amount: 24_000 }],
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
    feedback: [{ id: `${id}-f`, contactId: id, at: ago(20), product: 5, complaint: false }],
  });
}

async function popup(ext: Extension): Promise<Page> {
  const page = await ext.openPage('popup.html');
  await page.setViewportSize({ width: 420, height: 640 });
  await expect(page.getByTestId('agenda').or(page.getByTestId('empty-day'))).toBeVisible();
  return page;
}

/** "Erledigt" on a popup card; a call's after-call note is saved as it is. */
async function markDone(item: ReturnType<Page['locator']>): Promise<void> {
  await item.getByTestId('item-done').click();
  const note = item.getByTestId('after-call-note');
  if (await note.isVisible().catch(() => false))
    await note.locator('button[type="submit"]').click();
}

async function gmail(ext: Extension): Promise<Page> {
  await serveApp(ext.context, [SITES.gmail.single]);
  const page = await ext.context.newPage();
  await page.goto(SITES.gmail.single.url);
  return page;
}

test('an attached occasion shows on the popup card and the panel card; done brings it, and it is not suggested again', async ({
  ext,
}) => {
  await seedOccasions(ext, [GO_DIGITAL, GUIDE]);
  await seed(ext, [
    juergen({
      plannedOccasions: [{ occasionId: GO_DIGITAL.id, at: ago(2) }],
      concerns: [{ id: 'k-erp', text: 'ERP-Auswahl bis Q3', notedAt: localDay(-12) }],
    }),
  ]);

  // The popup card says what to bring, on the card itself.
  const pop = await popup(ext);
  const item = pop.locator('[data-contact="c-jm"]');
  await expect(item).toHaveAttribute('data-kind', 'cadence');
  await expect(item.getByTestId('item-bring')).toHaveText(
    'Mitbringen: Förderprogramm go-digital – bis zu 50 % Zuschuss',
  );
  await item.locator('.item-head').click();
  await expect(item.locator('.item-details')).toContainText('Anlass: Förderprogramm go-digital');
  await pop.screenshot({ path: 'docs/popup-bring.png' });

  // The panel card: the open concern first, the next touch naming the occasion.
  const page = await gmail(ext);
  const panel = panelFrame(page);
  const card = panel.getByTestId('contact-card');
  await expect(card).toContainText('Jürgen Müller');
  await expect(panel.getByTestId('concerns')).toContainText('ERP-Auswahl bis Q3');
  await expect(panel.getByTestId('concerns')).toContainText('seit');
  await expect(panel.getByTestId('next-touch')).toContainText('Anlass: Förderprogramm go-digital');
  await expect(panel.getByTestId('bring-line')).toContainText('Förderprogramm go-digital');
  // The attached occasion is not offered again; another that fits is, with why.
  const fitting = panel.getByTestId('fitting');
  await expect(fitting).toContainText(GUIDE.title);
  await expect(fitting).toContainText('Digitalisierung');
  await expect(fitting).not.toContainText(GO_DIGITAL.title);
  await page.screenshot({ path: 'docs/panel-bring.png' });

  // "Erledigt" in the popup: the touch is logged and records the occasion as brought.
  await markDone(item);
  await expect(pop.getByTestId('toast')).toContainText('Jürgen Müller');
  await expect(pop.locator('[data-contact="c-jm"]')).toHaveCount(0);
  const { interactions } = await readTables(ext, ['interactions']);
  const brought = interactions.filter((i) => i.brought);
  expect(brought).toHaveLength(1);
  expect(brought[0]!.brought).toEqual({
    kind: 'occasion',
    occasionId: GO_DIGITAL.id,
    text: GO_DIGITAL.title,
  });

  // The panel follows: brought lightly shown, the occasion neither carried nor offered again.
  await expect(panel.getByTestId('last-brought')).toContainText(
    'Zuletzt mitgebracht: Anlass: Förderprogramm go-digital',
  );
  await expect(panel.getByTestId('bring-line')).toHaveCount(0);
  const next = panel.getByTestId('next-touch');
  await expect(next.locator('.reasons')).not.toContainText(GO_DIGITAL.title);
  await expect(next).not.toContainText(`Mitbringen: ${GO_DIGITAL.title}`);
  await expect(fitting).not.toContainText(GO_DIGITAL.title);

  // "Vormerken" attaches the fitting one to the next touch, with undo.
  await fitting.getByRole('button', { name: `„${GUIDE.title}“ vormerken` }).click();
  await expect(panel.getByTestId('toast')).toContainText('vorgemerkt');
  await expect(panel.getByTestId('bring-line')).toContainText(GUIDE.title);
  await expect(panel.getByTestId('fitting')).toHaveCount(0);
  let { contacts } = await readTables(ext, ['contacts']);
  expect(contacts[0]!.plannedOccasions).toEqual([
    { occasionId: GO_DIGITAL.id, at: expect.any(String) },
    { occasionId: GUIDE.id, at: expect.any(String) },
  ]);
  await panel.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
  await expect(panel.getByTestId('fitting')).toContainText(GUIDE.title);
  await expect(panel.getByTestId('bring-line')).toHaveCount(0);
  ({ contacts } = await readTables(ext, ['contacts']));
  expect(contacts[0]!.plannedOccasions).toEqual([
    { occasionId: GO_DIGITAL.id, at: expect.any(String) },
  ]);
});

test('a referral’s first purchase gives the referrer a thank-you; a customer anniversary; both done in the popup', async ({
  ext,
}) => {
  const referrer = juergen();
  const referred = history({
    contact: {
      id: 'c-new',
      name: 'Petra Lang',
      company: 'Lang Architektur',
      emails: ['lang@example.de'],
      referredBy: 'c-jm',
      status: 'prospect',
    },
  });
  // A customer for five years today, and the biggest one: an A customer.
  const jubilee = history({
    contact: {
      id: 'c-jub',
      name: 'Renate Hofmann',
      company: 'Hofmann Elektro',
      emails: ['hofmann@example.de'],
    },
    purchases: [
      { id: 'c-jub-p1', contactId: 'c-jub', at: localDay(0, -5), amount: 8_000 },
      { id: 'c-jub-p2', contactId: 'c-jub', at: ago(100), amount: 60_000 },
    ],
    interactions: [
      {
        id: 'c-jub-i',
        contactId: 'c-jub',
        at: ago(5),
        channel: 'visit',
        direction: 'out',
        personal: true,
      },
    ],
    feedback: [{ id: 'c-jub-f', contactId: 'c-jub', at: ago(20), product: 5, complaint: false }],
  });
  await seed(ext, [referrer, referred, jubilee]);
  const pop = await popup(ext);
  await expect(pop.getByTestId('group-anniversary')).toContainText('Kundenjubiläen');
  await expect(pop.getByTestId('group-anniversary')).toContainText('Seit 5 Jahren Kunde');
  await expect(pop.getByTestId('group-referral-thanks')).toHaveCount(0);

  // Petra Lang buys for the first time: Jürgen Müller, who recommended her, gets the thank-you.
  await seed(ext, [
    {
      ...referred,
      contact: { ...referred.contact, status: 'active' },
      purchases: [{ id: 'c-new-p', contactId: 'c-new', at: ago(1), amount: 12_000 }],
    },
  ]);
  const thanks = pop.getByTestId('group-referral-thanks');
  await expect(thanks).toContainText('Danke für Empfehlungen');
  const item = thanks.locator('[data-contact="c-jm"]');
  await expect(item).toContainText('Empfehlung: Petra Lang hat am');
  await expect(item).toContainText('zum ersten Mal gekauft');

  // The panel of the referrer: the thank-you among today's items, and what the referrals brought.
  const page = await gmail(ext);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('referrals')).toHaveText(
    'Hat Ihnen einen Kunden empfohlen (12.000\u00a0€ Umsatz)',
  );
  await expect(panel.getByTestId('next-touch')).toHaveAttribute('data-kind', 'referral-thanks');
  await expect(panel.getByTestId('next-touch')).toContainText('Danke für die Empfehlung');
  await page.close();

  // Done: the thank-you is logged and gone; the anniversary done stays hidden for its day.
  await markDone(item);
  await expect(pop.getByTestId('group-referral-thanks')).toHaveCount(0);
  await markDone(pop.getByTestId('group-anniversary').locator('[data-contact="c-jub"]'));
  await expect(pop.getByTestId('group-anniversary')).toHaveCount(0);
  await pop.reload();
  await expect(pop.getByTestId('agenda').or(pop.getByTestId('empty-day'))).toBeVisible();
  await expect(pop.getByTestId('group-anniversary')).toHaveCount(0);
  await expect(pop.getByTestId('group-referral-thanks')).toHaveCount(0);
  const { interactions } = await readTables(ext, ['interactions']);
  const summaries = interactions.map((i) => i.summary);
  expect(summaries).toContain('Für die Empfehlung gedankt');
  expect(summaries).toContain('Zum Kundenjubiläum gedankt');
});

test.describe('in English', () => {
  test.use({ uiLocale: 'en-US' });

  test('“+ Tip/favour” is stored and shows as last brought; “New concern?” adds a concern to the card; both undo', async ({
    ext,
  }) => {
    const rita = history({
      contact: { id: 'c-rita', name: 'Rita Rat', emails: ['rita@example.de'] },
    });
    await seed(ext, [rita, juergen({ referredBy: 'c-rita' })]);
    const page = await gmail(ext);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Jürgen Müller');
    await expect(panel.getByTestId('referred-by')).toHaveText('Recommended by Rita Rat');
    await expect(panel.getByTestId('last-brought')).toHaveCount(0);
    await expect(panel.getByTestId('concerns')).toHaveCount(0);

    // Something given without selling: a contact passed on.
    await panel.getByTestId('open-given').click();
    const form = panel.getByTestId('given-form');
    await form.getByRole('radio', { name: 'Contact passed on' }).check();
    await form.getByLabel('In a few words').fill('Steuerberaterin Dr. Weiß empfohlen');
    await form.getByTestId('given-save').click();
    await expect(panel.getByTestId('toast')).toContainText('Recorded');
    await expect(panel.getByTestId('last-brought')).toContainText(
      'Last brought: Contact passed on: Steuerberaterin Dr. Weiß empfohlen',
    );
    let { interactions } = await readTables(ext, ['interactions']);
    const given = interactions.find((i) => i.brought);
    expect(given).toMatchObject({
      contactId: 'c-jm',
      direction: 'out',
      personal: true,
      brought: { kind: 'contact', text: 'Steuerberaterin Dr. Weiß empfohlen' },
    });
    await panel.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect(panel.getByTestId('last-brought')).toHaveCount(0);
    ({ interactions } = await readTables(ext, ['interactions']));
    expect(interactions.filter((i) => i.brought)).toHaveLength(0);

    // "New concern?" in the log form: noted with the logged contact, shown first on the card.
    await panel.getByPlaceholder('What was it about?').fill('Called about the new site');
    await panel.getByTestId('log-concern').fill('Moving the office in April');
    await panel.getByTestId('log-contact').click();
    await expect(panel.getByTestId('toast')).toBeVisible();
    const concerns = panel.getByTestId('concerns');
    await expect(concerns).toContainText('Moving the office in April');
    await expect(concerns).toContainText('since');
    const { contacts } = await readTables(ext, ['contacts']);
    expect(contacts.find((c) => c.id === 'c-jm')!.concerns).toEqual([
      { id: expect.any(String), text: 'Moving the office in April', notedAt: localDay(0) },
    ]);
    await panel.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect(panel.getByTestId('concerns')).toHaveCount(0);
    const after = (await readTables(ext, ['contacts'])).contacts;
    expect(after.find((c) => c.id === 'c-jm')!.concerns).toBeUndefined();
  });
});
