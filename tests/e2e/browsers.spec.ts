// The behaviours that must hold in every browser Kundennah ships for, run once per browser (the
// projects in playwright.config.ts): the extension installs; popup and dashboard speak the browser's
// language; a contact created on the dashboard survives a reload; next to a Gmail, Outlook and XING
// page the panel shows the right person and one click logs a contact that is really stored; the host
// page cannot read the panel; sync with a server on this machine, set up on its page. The `kn`
// fixture fails each test on errors of the extension.
import { validateDocUpdate } from '../../lib/sync/server-design';
import { rowToDoc } from '../../lib/sync/docs';
import { stampContact } from '../../lib/sync/merge';
import { basicAuthorization } from '../../lib/sync/remote';
import { startCouchServer } from '../support/couch-server';
import { expect, test, type Driver } from './driver';
import { history, readTables, seed } from './seed';
import { SITES, type Route } from './sites';

const SLOW = { timeout: 20_000 };

test('the extension installs; popup and dashboard speak German', async ({ kn }) => {
  const popup = await kn.openPage('popup.html');
  await expect.poll(() => popup.text('h1'), SLOW).toBe('Heute');
  await expect.poll(() => popup.text('[data-testid="due-count"]')).toMatch(/0 Kontakte fällig/);
  await expect.poll(() => popup.text('[data-testid="empty-day"]')).toContain('Heute ist nichts');

  const dashboard = await kn.openPage('options.html');
  await expect
    .poll(() => dashboard.text('[data-testid="empty-state"]'), SLOW)
    .toContain('Noch keine Kontakte');
  await expect.poll(() => dashboard.text('nav')).toContain('Einstellungen');
});

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });
  test('popup and dashboard speak English', async ({ kn }) => {
    const popup = await kn.openPage('popup.html');
    await expect.poll(() => popup.text('h1'), SLOW).toBe('Today');
    await expect.poll(() => popup.text('[data-testid="empty-day"]')).toContain('Nothing due today');

    const dashboard = await kn.openPage('options.html');
    await expect
      .poll(() => dashboard.text('[data-testid="empty-state"]'), SLOW)
      .toContain('No contacts yet');
    await expect.poll(() => dashboard.text('nav')).toContain('Settings');
  });
});

test('a contact created on the dashboard survives a reload', async ({ kn }) => {
  const page = await kn.openPage('options.html');
  await page.click('[data-testid="empty-state"] [data-testid="add-contact"]');
  await page.fill('#add-name', 'Maria Neumann');
  await page.fill('#add-company', 'Neumann Consulting');
  await page.fill('#add-email', 'maria@neumann.example');
  await page.click('[data-testid="add-contact-save"]');
  await expect.poll(() => page.text('h1'), SLOW).toBe('Maria Neumann');
  await expect.poll(() => page.text('[data-testid="toast"]')).toContain('Maria Neumann angelegt');

  await page.reload();
  await expect.poll(() => page.text('h1'), SLOW).toBe('Maria Neumann');
  const { contacts } = await readTables(kn, ['contacts']);
  expect(contacts).toEqual([
    expect.objectContaining({
      name: 'Maria Neumann',
      company: 'Neumann Consulting',
      emails: ['maria@neumann.example'],
    }),
  ]);
});

interface SiteCase {
  site: string;
  route: Route;
  person: { name: string; emails?: string[]; profileUrls?: string[] };
  /** How the channel of a contact logged there is shown (German) and stored. */
  channel: { shown: string; stored: string };
}

const CASES: SiteCase[] = [
  {
    site: 'Gmail',
    route: SITES.gmail.single,
    person: { name: 'Jürgen Müller', emails: ['juergen.mueller@mueller-hausbau.de'] },
    channel: { shown: 'E-Mail', stored: 'email' },
  },
  {
    site: 'Outlook',
    route: SITES.outlook.readingPane,
    person: { name: 'Anna Schmidt', emails: ['anna.schmidt@schmidt-partner.de'] },
    channel: { shown: 'E-Mail', stored: 'email' },
  },
  {
    site: 'XING',
    route: SITES.xing.profile,
    person: { name: 'Sabine Köhler', profileUrls: ['https://www.xing.com/profile/Sabine_Koehler'] },
    channel: { shown: 'XING', stored: 'xing' },
  },
];

const NOTE = 'Vertraulich: Nachfolge in der Firma ungeklärt';
const INTEREST = 'Oldtimer-Rallyes';

/** What the host page's own scripts can see of the panel and its content. */
async function hostView(kn: Driver, site: Awaited<ReturnType<Driver['openSite']>>) {
  const seen = await site.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[src*="panel.html"]');
    let inside: string;
    try {
      inside = frame?.contentDocument?.documentElement.outerHTML ?? 'no access';
    } catch (e) {
      inside = `blocked: ${(e as Error).name}`;
    }
    const shadow = [...document.querySelectorAll('*')]
      .map((el) => el.shadowRoot?.innerHTML ?? '')
      .join('');
    return { dom: document.documentElement.outerHTML + shadow, inside, src: frame?.src ?? '' };
  }, null);
  return { ...seen, scheme: new URL(kn.origin).protocol };
}

for (const c of CASES) {
  test(`${c.site}: the panel shows the person, one click logs a stored contact, the page reads nothing`, async ({
    kn,
  }) => {
    await seed(kn, [
      history({
        contact: {
          id: 'c-known',
          name: c.person.name,
          emails: c.person.emails ?? [],
          profileUrls: c.person.profileUrls ?? [],
          notes: NOTE,
          interests: [INTEREST],
        },
      }),
    ]);
    const site = await kn.openSite([c.route]);
    const panel = await site.panel();
    await expect.poll(() => panel.text('[data-testid="contact-card"]'), SLOW).toContain(INTEREST);
    expect(await panel.text('[data-testid="contact-card"]')).toContain(c.person.name);

    await panel.click('[data-testid="log-contact"]');
    await expect.poll(() => panel.text('[data-testid="last-contact"]')).toContain('heute');
    expect(await panel.text('[data-testid="last-contact"]')).toContain(c.channel.shown);
    const { interactions } = await readTables(kn, ['interactions']);
    expect(interactions).toEqual([
      expect.objectContaining({ contactId: 'c-known', channel: c.channel.stored }),
    ]);

    // A reloaded page shows the stored contact again.
    await site.reload();
    const again = await site.panel();
    await expect.poll(() => again.text('[data-testid="last-contact"]'), SLOW).toContain('heute');

    // The host page's scripts see neither the note nor the interests, cannot look into the frame,
    // and the frame's URL carries no data.
    const host = await hostView(kn, site);
    expect(host.dom.includes('Oldtimer'), 'interests in the host DOM').toBe(false);
    expect(host.dom.includes('Nachfolge'), 'note in the host DOM').toBe(false);
    expect(host.inside).not.toContain('Oldtimer');
    expect(host.inside).toMatch(/^(no access|blocked: SecurityError)$/);
    expect(host.src).toMatch(new RegExp(`^${host.scheme}//[^/]+/panel\\.html$`));
  });
}

test.describe('with a sync server on this machine', () => {
  test.use({ syncServer: true });

  test('sync: set up on its page, it brings a colleague’s contact and sends one made here', async ({
    kn,
  }) => {
    const server = await startCouchServer();
    try {
      const space = 'team-browser';
      await server.addUser('anna', 'anna-pw');
      await server.createSpace(space, { names: ['anna'] }, validateDocUpdate(space));
      const auth = { Authorization: basicAuthorization({ username: 'anna', password: 'anna-pw' }) };
      // What another device of the team wrote before.
      const brandt = history({ contact: { id: 'c-brandt', name: 'Jonas Brandt' } }).contact;
      const fieldAt = stampContact(undefined, brandt).fieldAt;
      const put = await fetch(`${server.url}/${space}/contacts:c-brandt`, {
        method: 'PUT',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(rowToDoc('contacts', brandt, space, { by: 'anna', fieldAt })),
      });
      expect(put.status).toBe(201);

      // Set up as a user does: the page asks the browser for the server, then the first sync runs.
      const page = await kn.openPage('options.html#/sync');
      await page.fill('#sync-server', server.url);
      await page.fill('#sync-user', 'anna');
      await page.fill('#sync-password', 'anna-pw');
      await page.fill('#sync-space', space);
      await page.click('[data-testid="sync-on"]');
      await expect
        .poll(() => page.text('[data-testid="sync-last"]'), SLOW)
        .toContain('Zuletzt synchronisiert');
      const names = async () =>
        (await readTables(kn, ['contacts'])).contacts.map((c) => (c as { name: string }).name);
      await expect.poll(names, SLOW).toEqual(['Jonas Brandt']);

      // A contact made here reaches the server with the next sync.
      await page.evaluate(() => void (location.hash = '#/contacts'), null);
      await page.click('[data-testid="add-contact"]');
      await page.fill('#add-name', 'Maria Neumann');
      await page.click('[data-testid="add-contact-save"]');
      await expect.poll(() => page.text('h1'), SLOW).toBe('Maria Neumann');
      await page.evaluate(() => void (location.hash = '#/sync'), null);
      await page.click('[data-testid="sync-now"]');
      await expect
        .poll(() => page.text('[data-testid="sync-pending"]'), SLOW)
        .toContain('Alles von hier ist gesendet');
      const onServer = async () => {
        const res = await fetch(`${server.url}/${space}/_all_docs?include_docs=true`, {
          headers: auth,
        });
        const body = (await res.json()) as { rows: { doc: { row?: { name?: string } } }[] };
        return body.rows.flatMap((r) => (r.doc.row?.name ? [r.doc.row.name] : [])).sort();
      };
      await expect.poll(onServer, SLOW).toEqual(['Jonas Brandt', 'Maria Neumann']);
    } finally {
      await server.close();
    }
  });
});
