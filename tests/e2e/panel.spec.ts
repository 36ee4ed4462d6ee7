// The panel next to the page, on each site: routed fixture apps, no network, strict CSP, Playwright's
// default flags (third-party storage denied: the panel must get everything from the background).
import { expect, test, type Extension } from './harness';
import { history, seed } from './seed';
import { SITES, navigateInApp, panelFrame, serveApp } from './sites';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** A contact who is overdue for a personal touch (A customer, last call 40 days ago). */
function customer(id: string, name: string, extra: Record<string, unknown>) {
  return history({
    contact: { id, name, company: `${name.split(' ')[1]} GmbH`, ...extra },
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

async function openSite(
  ext: Extension,
  route: { url: string },
  routes: { url: string; file: string }[],
) {
  await serveApp(ext.context, routes);
  const page = await ext.context.newPage();
  await page.goto(route.url);
  return page;
}

test.describe('Gmail', () => {
  test('shows the known sender, logs a contact that resets the cadence, and undoes it', async ({
    ext,
  }) => {
    await seed(ext, [
      customer('c-jm', 'Jürgen Müller', {
        emails: ['juergen.mueller@mueller-hausbau.de'],
        interests: ['Segeln'],
        address: 'Sie',
        birthday: { month: 3, day: 14, year: 1971 },
      }),
    ]);
    const page = await openSite(ext, SITES.gmail.single, [SITES.gmail.single, SITES.gmail.inbox]);
    const panel = panelFrame(page);
    const card = panel.getByTestId('contact-card');
    await expect(card).toContainText('Jürgen Müller');
    await expect(panel.getByTestId('tier-badge')).toHaveText('A');
    await expect(panel.getByTestId('next-touch')).toHaveAttribute('data-kind', 'cadence');
    await expect(panel.getByTestId('soft-facts')).toContainText('Segeln');
    await expect(panel.getByTestId('last-contact')).toContainText('Jahresplanung besprochen');

    await panel.getByPlaceholder('Worum ging es?').fill('Angebot besprochen');
    await panel.getByTestId('log-contact').click();
    await expect(panel.getByTestId('toast')).toContainText('Kontakt festgehalten');
    // The cadence is reset: nothing is due any more, the last contact is today's.
    await expect(panel.getByTestId('last-contact')).toContainText('heute');
    await expect(panel.getByTestId('last-contact')).toContainText('Angebot besprochen');
    await expect(panel.getByTestId('next-touch')).not.toHaveAttribute('data-kind', 'cadence');

    // Logging the same thread again the same day asks first.
    await panel.getByTestId('log-contact').click();
    await expect(panel.getByRole('alertdialog')).toContainText('heute schon festgehalten');
    await panel.getByRole('button', { name: 'Abbrechen' }).click();

    // Undo (within 10 s) brings the old state back.
    await panel.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(panel.getByTestId('last-contact')).toContainText('Jahresplanung besprochen');
    await expect(panel.getByTestId('next-touch')).toHaveAttribute('data-kind', 'cadence');
    await page.screenshot({ path: 'docs/panel-gmail.png' });
  });

  test('adds an unknown sender prefilled from the thread', async ({ ext }) => {
    const page = await openSite(ext, SITES.gmail.single, [SITES.gmail.single]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('unknown-person')).toContainText('Jürgen Müller');
    await panel.getByTestId('add-person').click();
    await expect(panel.getByLabel('E-Mail')).toHaveValue('juergen.mueller@mueller-hausbau.de');
    await panel.getByTestId('add-confirm').click();
    await expect(panel.getByTestId('contact-card')).toContainText('Jürgen Müller');
    const dashboard = await ext.openPage('options.html');
    await expect(dashboard.getByTestId('contacts-table')).toContainText(
      'juergen.mueller@mueller-hausbau.de',
    );
  });

  test('follows the user from thread to inbox to thread, and collapses and reopens', async ({
    ext,
  }) => {
    await seed(ext, [
      customer('c-jm', 'Jürgen Müller', { emails: ['juergen.mueller@mueller-hausbau.de'] }),
      customer('c-as', 'Anna Schmidt', { emails: ['anna.schmidt@schmidt-partner.de'] }),
    ]);
    const page = await openSite(ext, SITES.gmail.single, [
      SITES.gmail.single,
      SITES.gmail.inbox,
      SITES.gmail.longCc,
    ]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Jürgen Müller');

    await navigateInApp(page, SITES.gmail.inbox.url);
    await expect(page.locator('iframe[src*="panel.html"]')).toHaveCount(0);

    await navigateInApp(page, SITES.gmail.longCc.url);
    // Several people: a compact list to switch; the first known one is shown.
    await expect(panel.getByTestId('people')).toContainText('Sabine Köhler');
    await expect(panel.getByTestId('contact-card')).toContainText('Anna Schmidt');
    await panel
      .getByTestId('people')
      .getByRole('button', { name: /Lena Fischer/ })
      .click();
    await expect(panel.getByTestId('unknown-person')).toContainText('Lena Fischer');

    // Collapse to the small tab and reopen; the choice is remembered for the site.
    const handle = page.locator('kundennah-handle button');
    const frame = page.locator('iframe[src*="panel.html"]');
    await expect(handle).toHaveAttribute('aria-expanded', 'true');
    await handle.click();
    await expect(frame).toBeHidden();
    await expect(handle).toHaveAttribute('aria-expanded', 'false');
    await page.reload();
    await expect(page.locator('kundennah-handle button')).toHaveAttribute('aria-expanded', 'false');
    await expect(frame).toBeHidden();
    await page.locator('kundennah-handle button').click();
    await expect(frame).toBeVisible();
    // The keyboard toggle does the same.
    await page.keyboard.press('Alt+Shift+K');
    await expect(frame).toBeHidden();
    await page.keyboard.press('Alt+Shift+K');
    await expect(frame).toBeVisible();
  });
});
