// The same five things on every site (issue: the panel): the panel shows the seeded contact; logging
// a contact persists and resets the cadence; an unknown person can be added, and a second add of an
// e-mail that is already known is refused with a link to that contact; moving to another thread or
// profile updates the panel; the panel collapses and reopens. LinkedIn runs in its default, the
// browser's side panel (Kundennah adds nothing to LinkedIn's page), and once injected by choice.
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { history, seed, seedSettings } from './seed';
import { SITES, navigateInApp, panelFrame, serveApp, type Route } from './sites';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

interface SiteCase {
  site: string;
  known: Route & { person: { name: string; emails?: string[]; profileUrls?: string[] } };
  unknown: Route & { person: string; email?: string };
  /** A third page whose person we try to add with the known person's e-mail. */
  third: Route & { person: string };
  /** How the channel of a contact logged here reads in German. */
  channel: string;
  sidePanel?: boolean;
}

const swap = (pairs: [string, string][]) => pairs;

const CASES: SiteCase[] = [
  {
    site: 'Gmail',
    known: {
      ...SITES.gmail.single,
      person: { name: 'Jürgen Müller', emails: ['juergen.mueller@mueller-hausbau.de'] },
    },
    unknown: {
      url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQcqkwsjddGbjzPHNfgLWkJqDnD',
      file: 'gmail/2026-11-thread-de.html',
      person: 'Björn Schäfer',
      email: 'bjoern.schaefer@schaefer-druck.de',
    },
    third: {
      url: 'https://mail.google.com/mail/u/0/#search/kanzlei/FMfcgzQcqlBNLnQGPpHgnkvLwZNtKJnD',
      file: 'gmail/2026-11-thread-name-only.html',
      person: 'Petra Berger',
    },
    channel: 'E-Mail',
  },
  {
    site: 'Outlook',
    known: {
      ...SITES.outlook.readingPane,
      person: { name: 'Anna Schmidt', emails: ['anna.schmidt@schmidt-partner.de'] },
    },
    unknown: {
      url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX1%3D',
      file: 'outlook/2026-11-reading-pane.html',
      replace: swap([
        ['Anna Schmidt', 'Clara Weiß'],
        ['anna.schmidt@schmidt-partner.de', 'clara.weiss@weiss-steuer.de'],
        ['Anna.Schmidt@schmidt-partner.de', 'Clara.Weiss@weiss-steuer.de'],
        ['Jonas Weber', 'Dieter Kühn'],
        ['jonas.weber@schmidt-partner.de', 'dieter.kuehn@weiss-steuer.de'],
      ]),
      person: 'Clara Weiß',
      email: 'clara.weiss@weiss-steuer.de',
    },
    third: {
      url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX2%3D',
      file: 'outlook/2026-11-reading-pane.html',
      replace: swap([
        ['Anna Schmidt', 'Petra Lang'],
        ['anna.schmidt@schmidt-partner.de', 'petra.lang@lang-consulting.de'],
        ['Anna.Schmidt@schmidt-partner.de', 'Petra.Lang@lang-consulting.de'],
        ['Jonas Weber', 'Tobias Ernst'],
        ['jonas.weber@schmidt-partner.de', 'tobias.ernst@lang-consulting.de'],
      ]),
      person: 'Petra Lang',
    },
    channel: 'E-Mail',
  },
  {
    site: 'XING',
    known: {
      ...SITES.xing.profile,
      person: {
        name: 'Sabine Köhler',
        profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'],
      },
    },
    unknown: {
      url: 'https://www.xing.com/profile/Thomas_Becker',
      file: 'xing/2026-11-profile.html',
      replace: swap([
        ['Sabine Köhler', 'Thomas Becker'],
        ['Sabine_Koehler', 'Thomas_Becker'],
        ['Köhler Events GmbH', 'Becker IT GmbH'],
      ]),
      person: 'Thomas Becker',
    },
    third: {
      url: 'https://www.xing.com/profile/Petra_Lang',
      file: 'xing/2026-11-profile.html',
      replace: swap([
        ['Sabine Köhler', 'Petra Lang'],
        ['Sabine_Koehler', 'Petra_Lang'],
        ['Köhler Events GmbH', 'Lang Consulting'],
      ]),
      person: 'Petra Lang',
    },
    channel: 'XING',
  },
  {
    site: 'LinkedIn (side panel)',
    sidePanel: true,
    known: {
      ...SITES.linkedin.profile,
      person: {
        name: 'Jonas Weber',
        profileUrls: ['https://www.linkedin.com/in/jonas-weber-7b3a91152'],
      },
    },
    unknown: {
      url: 'https://www.linkedin.com/in/petra-lang-4f2c81/',
      file: 'linkedin/2026-11-profile.html',
      replace: swap([
        ['Jonas Weber', 'Petra Lang'],
        ['jonas-weber-7b3a91152', 'petra-lang-4f2c81'],
      ]),
      person: 'Petra Lang',
    },
    third: {
      url: 'https://www.linkedin.com/in/tobias-ernst-9a0b1c/',
      file: 'linkedin/2026-11-profile.html',
      replace: swap([
        ['Jonas Weber', 'Tobias Ernst'],
        ['jonas-weber-7b3a91152', 'tobias-ernst-9a0b1c'],
      ]),
      person: 'Tobias Ernst',
    },
    channel: 'LinkedIn',
  },
];

/** Where the panel is: the iframe in the page, or the side panel page (following the active tab). */
async function panelOf(ext: Extension, page: Page, c: SiteCase): Promise<FrameLocator | Page> {
  if (!c.sidePanel) return panelFrame(page);
  const side = await ext.openPage('sidepanel.html');
  await side.setViewportSize({ width: 360, height: 900 });
  return side;
}

for (const c of CASES) {
  test(`${c.site}: show, log, add, refuse a second add of a known e-mail, follow, collapse`, async ({
    ext,
  }) => {
    const id = 'c-known';
    await seed(ext, [
      history({
        contact: {
          id,
          name: c.known.person.name,
          emails: c.known.person.emails ?? [],
          profileUrls: c.known.person.profileUrls ?? [],
          company: 'Bestandskunde GmbH',
        },
        purchases: [{ id: 'p1', contactId: id, at: ago(60), amount: 24_000 }],
        interactions: [
          {
            id: 'i1',
            contactId: id,
            at: ago(40),
            channel: 'phone',
            direction: 'out',
            personal: true,
            summary: 'Jahresplanung',
          },
        ],
        feedback: [{ id: 'f1', contactId: id, at: ago(10), product: 5, complaint: false }],
      }),
    ]);
    await serveApp(ext.context, [c.known, c.unknown, c.third]);
    const page = await ext.context.newPage();
    await page.goto(c.known.url);
    const panel = await panelOf(ext, page, c);

    // 1. The seeded contact, with an overdue relationship.
    const card = panel.getByTestId('contact-card');
    await expect(card).toContainText(c.known.person.name);
    await expect(panel.getByTestId('next-touch')).toHaveAttribute('data-kind', 'cadence');
    await expect(panel.getByTestId('next-touch')).toHaveClass(/overdue/);

    // 2. Log a contact: it persists (a fresh page shows it) and the cadence is reset.
    await panel.getByTestId('log-contact').click();
    await expect(panel.getByTestId('last-contact')).toContainText('heute');
    await expect(panel.getByTestId('last-contact')).toContainText(c.channel);
    // The relationship is no longer overdue: the next regular touch is due in 14 days (tier A).
    await expect(panel.getByTestId('next-touch')).not.toHaveClass(/overdue/);
    await expect(panel.getByTestId('next-touch')).toContainText('in 14 Tagen');
    if (!c.sidePanel) {
      await page.reload();
      await expect(panelFrame(page).getByTestId('last-contact')).toContainText('heute');
    }

    // 3. Another thread or profile: the panel follows to the unknown person; add them.
    await navigateInApp(page, c.unknown.url);
    const p = c.sidePanel ? panel : panelFrame(page);
    const unknown = p.getByTestId('unknown-person');
    await expect(unknown).toContainText(c.unknown.person);
    await p.getByTestId('add-person').click();
    if (c.unknown.email) await expect(p.getByLabel('E-Mail')).toHaveValue(c.unknown.email);
    await p.getByTestId('add-confirm').click();
    await expect(p.getByTestId('contact-card')).toContainText(c.unknown.person);

    // 4. A third page: adding that person with the known person's e-mail is refused, with a link.
    await navigateInApp(page, c.third.url);
    if (
      await p
        .getByTestId('people')
        .isVisible()
        .catch(() => false)
    )
      await p
        .getByTestId('people')
        .getByRole('button', { name: new RegExp(c.third.person) })
        .click();
    await expect(p.getByTestId('unknown-person')).toContainText(c.third.person);
    await p.getByTestId('add-person').click();
    const knownEmail = c.known.person.emails?.[0] ?? 'bestand@bestandskunde.de';
    if (!c.known.person.emails) {
      // The known person is on file by profile only: give them an e-mail address first.
      await seed(ext, [
        history({
          contact: {
            id,
            name: c.known.person.name,
            emails: [knownEmail],
            profileUrls: c.known.person.profileUrls ?? [],
            company: 'Bestandskunde GmbH',
          },
          purchases: [{ id: 'p1', contactId: id, at: ago(60), amount: 24_000 }],
        }),
      ]);
    }
    await p.getByLabel('E-Mail').fill(knownEmail.toUpperCase());
    await p.getByTestId('add-confirm').click();
    const refused = p.getByTestId('duplicate-refused');
    await expect(refused).toContainText(`schon in Kundennah: ${c.known.person.name}`);
    await expect(refused.getByTestId('show-existing')).toBeVisible();

    // 5. Collapse and reopen (the injected panel; the side panel is the browser's own).
    if (!c.sidePanel) {
      const handle = page.locator('kundennah-handle button');
      const frame = page.locator('iframe[src*="panel.html"]');
      await handle.click();
      await expect(frame).toBeHidden();
      await handle.click();
      await expect(frame).toBeVisible();
    }
  });
}

test('LinkedIn injected by choice: collapses and reopens', async ({ ext }) => {
  await seedSettings(ext, {
    panelMode: { gmail: 'injected', outlook: 'injected', xing: 'injected', linkedin: 'injected' },
  });
  await serveApp(ext.context, [SITES.linkedin.profile]);
  const page = await ext.context.newPage();
  await page.goto(SITES.linkedin.profile.url);
  await expect(panelFrame(page).getByTestId('unknown-person')).toContainText('Jonas Weber');
  const handle = page.locator('kundennah-handle button');
  const frame = page.locator('iframe[src*="panel.html"]');
  await handle.click();
  await expect(frame).toBeHidden();
  await page.keyboard.press('Alt+Shift+K');
  await expect(frame).toBeVisible();
});
