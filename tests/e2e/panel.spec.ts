// The panel next to the page, on each site: routed fixture apps, no network, strict CSP, Playwright's
// default flags (third-party storage denied: the panel must get everything from the background).
import { expect, test, type Extension } from './harness';
import { history, readTables, seed, seedSettings } from './seed';
import { SITES, navigateInApp, panelFrame, serveApp } from './sites';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
/** A calendar day in the browser's zone (the extension's "today" without a zone set). */
const localDay = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

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

  test("the log form's after-call note stores the call, the labelled ratings, the answers, a wish and a promise; one undo takes all back", async ({
    ext,
  }) => {
    await seed(ext, [
      {
        ...customer('c-jm', 'Jürgen Müller', { emails: ['juergen.mueller@mueller-hausbau.de'] }),
        // Feedback was asked a few weeks ago: not due again.
        feedback: [{ id: 'c-jm-f', contactId: 'c-jm', at: ago(20), product: 5, complaint: false }],
        followUps: [
          {
            id: 'c-jm-fu',
            contactId: 'c-jm',
            dueAt: localDay(0),
            note: 'Fotos vom Rohbau schicken',
          },
        ],
      },
    ]);
    const page = await openSite(ext, SITES.gmail.single, [SITES.gmail.single]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Jürgen Müller');
    // Every item of today for him, not only the next touch: one conversation covers them.
    const today = panel.getByTestId('today-items').locator('li');
    await expect(today).toHaveCount(2);
    await expect(today.nth(0)).toHaveAttribute('data-kind', 'cadence');
    await expect(today.nth(1)).toHaveAttribute('data-kind', 'follow-up');
    await expect(today.nth(1)).toContainText('Fotos vom Rohbau schicken');

    // The feedback form rates on the labelled scale too: no bare 1–5 select is left.
    await panel.getByTestId('open-feedback').click();
    const feedback = panel.getByTestId('feedback-form');
    await expect(feedback.locator('select')).toHaveCount(0);
    await expect(feedback.getByRole('radio', { name: 'sehr zufrieden', exact: true })).toHaveCount(
      2,
    );
    await panel.getByTestId('open-feedback').click();

    await panel.getByPlaceholder('Worum ging es?').fill('Anbau besprochen');
    await panel.getByTestId('open-note').click();
    const note = panel.getByTestId('after-call-note');
    // The note opens on its first answer; how the conversation went is chosen on the chips.
    const firstAnswer = note.getByRole('radio').first();
    await expect(firstAnswer).toBeFocused();
    // Escape closes the note (the summary stays), back on its button.
    await page.keyboard.press('Escape');
    await expect(note).toHaveCount(0);
    await expect(panel.getByTestId('open-note')).toBeFocused();
    await expect(panel.getByPlaceholder('Worum ging es?')).toHaveValue('Anbau besprochen');
    await page.keyboard.press('Enter');
    await expect(firstAnswer).toBeFocused();
    const chips = panel.getByTestId('channel-chips');
    await expect(chips.getByRole('radio', { name: 'E-Mail' })).toBeChecked();
    await chips.getByText('Telefon', { exact: true }).click();
    await note.getByTestId('scale-product').getByText('zufrieden', { exact: true }).click();
    await note.getByTestId('scale-service').getByText('geht so', { exact: true }).click();
    await note
      .getByLabel('Wie können wir Sie noch besser unterstützen?')
      .fill('Einen festen Ansprechpartner auf der Baustelle');
    await note.getByLabel('Was sollten wir verbessern?').fill('Termine früher bestätigen');
    await note.getByLabel('Preisdruck oder Rabattwunsch').check();
    await note.getByLabel('Ein Wunsch').check();
    await note.getByLabel('Welcher Wunsch?').fill('Festpreis für den Innenausbau');
    await note.getByLabel('Versprechen gegeben').check();
    await note.getByLabel('Was haben Sie versprochen?').fill('Angebot Innenausbau schicken');
    await note.getByLabel('Bis wann?').fill(localDay(4));
    await note.getByTestId('note-save').click();
    await expect(panel.getByTestId('toast')).toContainText('Kontakt festgehalten');
    await expect(note).toHaveCount(0);
    await expect(panel.getByTestId('last-contact')).toContainText('Anbau besprochen');
    await expect(panel.getByTestId('last-contact')).toContainText('Telefon');
    await expect(panel.getByTestId('open-promises')).toContainText('Angebot Innenausbau schicken');

    const stored = await readTables(ext, ['interactions', 'feedback', 'commitments']);
    expect(stored.interactions.filter((i) => i.id !== 'c-jm-i')).toEqual([
      expect.objectContaining({
        contactId: 'c-jm',
        channel: 'phone',
        personal: true,
        summary: 'Anbau besprochen',
        source: expect.objectContaining({ site: 'gmail' }),
      }),
    ]);
    expect(stored.feedback.filter((f) => f.id !== 'c-jm-f')).toEqual([
      expect.objectContaining({
        contactId: 'c-jm',
        product: 4,
        service: 3,
        support: 'Einen festen Ansprechpartner auf der Baustelle',
        improve: 'Termine früher bestätigen',
        pricePressure: true,
        wish: 'Festpreis für den Innenausbau',
        complaint: false,
      }),
    ]);
    expect(stored.commitments).toEqual([
      expect.objectContaining({
        contactId: 'c-jm',
        text: 'Angebot Innenausbau schicken',
        dueAt: localDay(4),
      }),
    ]);

    await panel.getByTestId('toast').getByRole('button', { name: 'Rückgängig' }).click();
    await expect(panel.getByTestId('last-contact')).toContainText('Jahresplanung besprochen');
    await expect(panel.getByTestId('open-promises')).toHaveCount(0);
    const after = await readTables(ext, ['interactions', 'feedback', 'commitments']);
    expect(after.interactions.map((i) => i.id)).toEqual(['c-jm-i']);
    expect(after.feedback.map((f) => f.id)).toEqual(['c-jm-f']);
    expect(after.commitments).toEqual([]);
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

const THOMAS_ON_XING = {
  url: 'https://www.xing.com/profile/Thomas_Becker',
  file: 'xing/2026-11-profile.html',
  replace: [
    ['Sabine Köhler', 'Thomas Becker'],
    ['Sabine_Koehler', 'Thomas_Becker'],
    ['Köhler Events GmbH', 'Becker IT GmbH'],
  ] as [string, string][],
};

test.describe('XING', () => {
  test('shows the known profile, on its /cv page too, and follows to another profile', async ({
    ext,
  }) => {
    await seed(ext, [
      customer('c-sk', 'Sabine Köhler', {
        profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'],
        preferredChannels: ['xing', 'phone'],
      }),
    ]);
    const page = await openSite(ext, SITES.xing.profile, [
      SITES.xing.profile,
      SITES.xing.cv,
      THOMAS_ON_XING,
    ]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Sabine Köhler');
    await expect(panel.getByTestId('next-touch')).toContainText('per XING');
    await page.screenshot({ path: 'docs/panel-xing.png' });

    await navigateInApp(page, SITES.xing.cv.url);
    await expect(panel.getByTestId('contact-card')).toContainText('Sabine Köhler');

    await navigateInApp(page, THOMAS_ON_XING.url);
    await expect(panel.getByTestId('unknown-person')).toContainText('Thomas Becker');
  });

  test('logging from XING goes on the XING channel and resets the cadence', async ({ ext }) => {
    await seed(ext, [
      customer('c-sk', 'Sabine Köhler', {
        profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'],
      }),
    ]);
    const page = await openSite(ext, SITES.xing.profile, [SITES.xing.profile]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('next-touch')).toHaveAttribute('data-kind', 'cadence');
    await panel.getByTestId('log-contact').click();
    await expect(panel.getByTestId('last-contact')).toContainText('heute');
    await expect(panel.getByTestId('last-contact')).toContainText('XING');
    await expect(panel.getByTestId('next-touch')).not.toHaveAttribute('data-kind', 'cadence');
  });

  test('adding a profile whose e-mail is already known is refused, with a link to that contact', async ({
    ext,
  }) => {
    await seed(ext, [
      history({
        contact: { id: 'c-tb', name: 'Thomas Becker', emails: ['thomas.becker@becker-it.de'] },
      }),
    ]);
    const page = await openSite(ext, THOMAS_ON_XING, [THOMAS_ON_XING]);
    const panel = panelFrame(page);
    await panel.getByTestId('add-person').click();
    await expect(panel.getByLabel('Firma')).toHaveValue('Becker IT GmbH');
    await panel.getByLabel('E-Mail').fill('Thomas.Becker@becker-it.de');
    await panel.getByTestId('add-confirm').click();
    await expect(panel.getByTestId('duplicate-refused')).toContainText(
      'schon in Kundennah: Thomas Becker',
    );
    // Linking the profile to the existing contact makes the panel show him.
    await panel
      .getByTestId('duplicate-refused')
      .getByRole('button', { name: 'Verknüpfen' })
      .click();
    await expect(panel.getByTestId('contact-card')).toContainText('Thomas Becker');
    const dashboard = await ext.openPage('options.html');
    await expect(dashboard.getByTestId('contacts-table').locator('tbody tr')).toHaveCount(1);
  });
});

test.describe('LinkedIn', () => {
  test('adds nothing to the page by default and shows the person in the side panel', async ({
    ext,
  }) => {
    await seed(ext, [
      customer('c-jw', 'Jonas Weber', {
        profileUrls: ['https://www.linkedin.com/in/jonas-weber-7b3a91152'],
      }),
    ]);
    const page = await openSite(ext, SITES.linkedin.profile, [
      SITES.linkedin.profile,
      SITES.linkedin.feed,
    ]);
    // Give the content script time to read the page and report it.
    await expect
      .poll(async () =>
        (await ext.sw()).evaluate(async () =>
          Object.keys(
            await (
              globalThis as unknown as {
                chrome: { storage: { session: { get(k: null): Promise<object> } } };
              }
            ).chrome.storage.session.get(null),
          ),
        ),
      )
      .toContain('tab:last');
    await expect(page.locator('iframe[src*="panel.html"]')).toHaveCount(0);
    await expect(page.locator('kundennah-handle')).toHaveCount(0);

    const side = await ext.openPage('sidepanel.html');
    await side.setViewportSize({ width: 360, height: 800 });
    await expect(side.getByTestId('contact-card')).toContainText('Jonas Weber');
    await expect(side.getByTestId('next-touch'))
      .toContainText('LinkedIn')
      .catch(() => undefined);
    await side.screenshot({ path: 'docs/sidepanel-linkedin.png' });
  });

  test('shows the injected panel when the user chose it in the settings', async ({ ext }) => {
    await seedSettings(ext, {
      panelMode: { gmail: 'injected', outlook: 'injected', xing: 'injected', linkedin: 'injected' },
    });
    await seed(ext, [
      customer('c-jw', 'Jonas Weber', {
        profileUrls: ['https://www.linkedin.com/in/jonas-weber-7b3a91152'],
      }),
    ]);
    const page = await openSite(ext, SITES.linkedin.profile, [
      SITES.linkedin.profile,
      SITES.linkedin.feed,
    ]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Jonas Weber');
    // The host page stays as it was beside the panel.
    await expect(page.getByRole('heading', { name: 'Jonas Weber' })).toBeVisible();
    await page.screenshot({ path: 'docs/panel-linkedin.png' });
    await navigateInApp(page, SITES.linkedin.feed.url);
    await expect(page.locator('iframe[src*="panel.html"]')).toHaveCount(0);
  });
});

const SECOND_OUTLOOK_MESSAGE = {
  url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX1%3D',
  file: 'outlook/2026-11-reading-pane.html',
  replace: [
    ['Anna Schmidt', 'Clara Weiß'],
    ['anna.schmidt@schmidt-partner.de', 'clara.weiss@weiss-steuer.de'],
    ['Anna.Schmidt@schmidt-partner.de', 'Clara.Weiss@weiss-steuer.de'],
    ['Jonas Weber', 'Dieter Kühn'],
    ['jonas.weber@schmidt-partner.de', 'dieter.kuehn@weiss-steuer.de'],
  ] as [string, string][],
};

test.describe('Outlook on the web', () => {
  test('shows the known participants in the reading pane and follows to the next message', async ({
    ext,
  }) => {
    await seed(ext, [
      customer('c-as', 'Anna Schmidt', { emails: ['anna.schmidt@schmidt-partner.de'] }),
      customer('c-cw', 'Clara Weiß', { emails: ['clara.weiss@weiss-steuer.de'] }),
    ]);
    const page = await openSite(ext, SITES.outlook.readingPane, [
      SITES.outlook.readingPane,
      SECOND_OUTLOOK_MESSAGE,
    ]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Anna Schmidt');
    await expect(panel.getByTestId('people')).toContainText('Jonas Weber');
    await page.screenshot({ path: 'docs/panel-outlook.png' });

    await panel.getByTestId('log-contact').click();
    await expect(panel.getByTestId('last-contact')).toContainText('heute');

    await navigateInApp(page, SECOND_OUTLOOK_MESSAGE.url);
    await expect(panel.getByTestId('contact-card')).toContainText('Clara Weiß');
  });
});
