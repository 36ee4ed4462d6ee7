// Issue 14, "Log what happened, in one click": the channel chips of the log form, the open thread's
// messages taken over with their real date and direction (never twice), and "wartet seit … auf Ihre
// Antwort" when the thread's latest message is the customer's. The fixtures' dates are moved to
// days relative to today, so that the rules' windows hold whenever the suite runs.
import { expect, test, type Extension } from './harness';
import { history, readTables, seed } from './seed';
import { SITES, navigateInApp, panelFrame, serveApp, type Route } from './sites';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** A local day `days` ago at hh:mm (the apps show local times; the readers read them so). */
function localAgo(days: number, h: number, m: number): Date {
  const d = new Date(Date.now() - days * DAY);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, m);
}
const MONTHS_EN = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const MONTHS_LONG =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
const clock = (d: Date) =>
  `${d.getHours() % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
/** Gmail's title: "Nov 20, 2026, 3:47 PM". */
const gmailDate = (d: Date) =>
  `${MONTHS_EN[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${clock(d)}`;
/** Outlook's title: "November 20, 2026 3:47 PM". */
const outlookDate = (d: Date) =>
  `${MONTHS_LONG[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} ${clock(d)}`;
/** "13.10." as the German panel names a day of this year (else with the year). */
const deShort = (d: Date) => {
  const dm = `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.`;
  return d.getFullYear() === new Date().getFullYear() ? dm : `${dm}${d.getFullYear()}`;
};

function anna(extra: Record<string, unknown> = {}) {
  return history({
    contact: {
      id: 'c-as',
      name: 'Anna Schmidt',
      company: 'Schmidt & Partner',
      emails: ['anna.schmidt@schmidt-partner.de'],
      ...extra,
    },
    purchases: [{ id: 'c-as-p', contactId: 'c-as', at: ago(60), amount: 12_000 }],
    interactions: [
      {
        id: 'c-as-i',
        contactId: 'c-as',
        at: ago(40),
        channel: 'phone',
        direction: 'out',
        personal: true,
        summary: 'Jahresplanung',
      },
    ],
  });
}

async function open(ext: Extension, routes: Route[]) {
  await serveApp(ext.context, routes);
  const page = await ext.context.newPage();
  await page.goto(routes[0]!.url);
  return page;
}

const theirs = localAgo(2, 15, 47);
const ours = localAgo(5, 11, 30);

test.describe('Gmail', () => {
  const thread: Route = {
    ...SITES.gmail.longCc,
    replace: [
      ['title="Fri, Nov 20, 2026, 3:47 PM"', `title="${gmailDate(theirs)}"`],
      ['title="Fri, Nov 13, 2026, 11:30 AM"', `title="${gmailDate(ours)}"`],
    ],
  };

  test('the thread waits for our answer; its messages are taken over with their real date and direction, once', async ({
    ext,
  }) => {
    await seed(ext, [anna()]);
    const page = await open(ext, [thread, SITES.gmail.inbox]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Anna Schmidt');
    await expect(panel.getByTestId('waiting')).toHaveText('wartet seit 2 Tagen auf Ihre Antwort');

    const takeTheirs = panel.getByTestId('take-theirs');
    await expect(takeTheirs).toHaveText(`Nachricht vom ${deShort(theirs)} (eingehend) übernehmen`);
    await takeTheirs.click();
    await expect(panel.getByTestId('toast')).toContainText(
      'Nachricht mit ihrem Datum festgehalten',
    );
    await expect(takeTheirs).toHaveCount(0);
    // Stored, their message still waits for our answer.
    await expect(panel.getByTestId('waiting')).toHaveText('wartet seit 2 Tagen auf Ihre Antwort');

    const takeOurs = panel.getByTestId('take-ours');
    await expect(takeOurs).toHaveText(`Ihre Antwort vom ${deShort(ours)} übernehmen`);
    await takeOurs.click();
    await expect(takeOurs).toHaveCount(0);

    const stored = (await readTables(ext, ['interactions'])).interactions.filter(
      (i) => i.id !== 'c-as-i',
    );
    const source = {
      site: 'gmail',
      url: thread.url,
      threadId: '19a91b2c3d4e5f60',
      subject: 'Re: Workshop Q1 – Termine und Agenda',
    };
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          contactId: 'c-as',
          at: theirs.toISOString(),
          direction: 'in',
          channel: 'email',
          personal: true,
          source: { ...source, messageId: '19164aa3f1d0bd17' },
        }),
        expect.objectContaining({
          contactId: 'c-as',
          at: ours.toISOString(),
          direction: 'out',
          channel: 'email',
          source: { ...source, messageId: '19d84278d18ced3c' },
        }),
      ]),
    );
    expect(stored).toHaveLength(2);

    // Back to the inbox and into the thread again: nothing left to take over, nothing new stored.
    await navigateInApp(page, SITES.gmail.inbox.url);
    await expect(panel.getByTestId('contact-card')).toHaveCount(0);
    await navigateInApp(page, thread.url);
    await expect(panel.getByTestId('contact-card')).toContainText('Anna Schmidt');
    await expect(panel.getByTestId('waiting')).toBeVisible();
    await expect(panel.getByTestId('take-theirs')).toHaveCount(0);
    await expect(panel.getByTestId('take-ours')).toHaveCount(0);
    expect((await readTables(ext, ['interactions'])).interactions).toHaveLength(3);

    // Our answer logged now (a call, chosen on the chips): nothing waits any more.
    await panel.getByTestId('channel-chips').getByText('Telefon', { exact: true }).click();
    await expect(panel.getByRole('radio', { name: 'Telefon' })).toBeChecked();
    await panel.getByTestId('log-contact').click();
    await expect(panel.getByTestId('toast')).toContainText('Kontakt festgehalten');
    await expect(panel.getByTestId('waiting')).toHaveCount(0);
  });

  test('the chips: e-mail is preselected, a call logged from Gmail is stored as a call (by keyboard)', async ({
    ext,
  }) => {
    await seed(ext, [
      history({
        contact: {
          id: 'c-jm',
          name: 'Jürgen Müller',
          emails: ['juergen.mueller@mueller-hausbau.de'],
        },
      }),
    ]);
    const page = await open(ext, [SITES.gmail.single]);
    const panel = panelFrame(page);
    const chips = panel.getByTestId('channel-chips');
    await expect(chips.getByRole('radio')).toHaveCount(6);
    await expect(chips).toContainText('E-Mail');
    await expect(chips).toContainText('LinkedIn');
    const email = chips.getByRole('radio', { name: 'E-Mail' });
    await expect(email).toBeChecked();
    // One tab stop; the arrow key moves the choice to the next chip.
    await email.focus();
    await page.keyboard.press('ArrowRight');
    await expect(chips.getByRole('radio', { name: 'Telefon' })).toBeChecked();
    await expect(chips.getByRole('radio', { name: 'Telefon' })).toBeFocused();
    await panel.getByPlaceholder('Worum ging es?').fill('Zeitplan Rohbau');
    await panel.getByTestId('log-contact').click();
    await expect(panel.getByTestId('toast')).toContainText('Kontakt festgehalten');
    // After logging, the chips go back to the site's channel.
    await expect(email).toBeChecked();
    const { interactions } = await readTables(ext, ['interactions']);
    expect(interactions).toEqual([
      expect.objectContaining({
        contactId: 'c-jm',
        channel: 'phone',
        direction: 'out',
        summary: 'Zeitplan Rohbau',
        source: expect.objectContaining({ site: 'gmail', threadId: '19a8f3c2d4e5b607' }),
      }),
    ]);
  });
});

test('XING preselects XING on the chips', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-sk',
        name: 'Sabine Köhler',
        profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'],
      },
    }),
  ]);
  const page = await open(ext, [SITES.xing.profile]);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('contact-card')).toContainText('Sabine Köhler');
  await expect(
    panel.getByTestId('channel-chips').getByRole('radio', { name: 'XING' }),
  ).toBeChecked();
  // A profile has no thread: nothing to take over, nothing waits.
  await expect(panel.getByTestId('thread-facts')).toHaveCount(0);
});

test.describe('Outlook', () => {
  const pane: Route = {
    ...SITES.outlook.readingPane,
    replace: [
      ['title="Friday, November 20, 2026 3:47 PM"', `title="${outlookDate(theirs)}"`],
      ['title="Thursday, November 12, 2026 6:40 PM"', `title="${outlookDate(ours)}"`],
    ],
  };

  test('waits for our answer; both messages taken over with their date and direction, once', async ({
    ext,
  }) => {
    await seed(ext, [anna()]);
    const page = await open(ext, [pane]);
    const panel = panelFrame(page);
    await expect(panel.getByTestId('contact-card')).toContainText('Anna Schmidt');
    await expect(panel.getByTestId('waiting')).toHaveText('wartet seit 2 Tagen auf Ihre Antwort');
    await expect(
      panel.getByTestId('channel-chips').getByRole('radio', { name: 'E-Mail' }),
    ).toBeChecked();

    await panel.getByTestId('take-theirs').click();
    await expect(panel.getByTestId('take-theirs')).toHaveCount(0);
    await panel.getByTestId('take-ours').click();
    await expect(panel.getByTestId('take-ours')).toHaveCount(0);
    const stored = (await readTables(ext, ['interactions'])).interactions.filter(
      (i) => i.id !== 'c-as-i',
    );
    const threadId =
      'AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb+3mQfhX0=';
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          at: theirs.toISOString(),
          direction: 'in',
          channel: 'email',
          // Outlook shows no message id: the thread and the instant name the message.
          source: expect.objectContaining({
            site: 'outlook',
            threadId,
            messageId: `${threadId}@${theirs.toISOString()}`,
          }),
        }),
        expect.objectContaining({
          at: ours.toISOString(),
          direction: 'out',
          channel: 'email',
        }),
      ]),
    );
    expect(stored).toHaveLength(2);

    // Read again from scratch: the stored messages are recognised, nothing is offered twice.
    await page.reload();
    await expect(panel.getByTestId('contact-card')).toContainText('Anna Schmidt');
    await expect(panel.getByTestId('waiting')).toBeVisible();
    await expect(panel.getByTestId('take-theirs')).toHaveCount(0);
    await expect(panel.getByTestId('take-ours')).toHaveCount(0);
    expect((await readTables(ext, ['interactions'])).interactions).toHaveLength(3);
  });
});
