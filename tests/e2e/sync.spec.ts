// Sync end to end (issue 17, docs/sync.md): two Chromium profiles with the built extension and one
// CouchDB-compatible server (the stand-in of tests/support/couch-server.ts, on a free port of this
// machine). What one device writes — a new contact and a logged contact — reaches the other; a
// colleague who is not a member of the team space never receives it; and the browser contacts no
// host but the configured server.
//
// The browser's own permission dialog cannot be answered in headless Chromium: see granted-build.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { BACKUP_TABLES, buildBackup, serializeBackup, type BackupTablesInput } from '../../lib/io';
import { validateDocUpdate } from '../../lib/sync/server-design';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { grantedBuild } from './granted-build';
import { expect, launchExtension, type Extension } from './harness';
import { history } from './seed';

const SPACE = 'team-weber';
interface Device {
  ext: Extension;
  /**
   * Every address a request of the extension went to: the browser's network log (read after the
   * browser closed) names the initiator of each request; the browser's own (update checks, its
   * account service) name none and are not Kundennah's.
   */
  requested(): string[];
}

const test = base.extend<{
  server: CouchServer;
  device: (name: string, locale?: string) => Promise<Device>;
}>({
  // Playwright reads a fixture's dependencies from its destructured first parameter: none here.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startCouchServer();
    await server.addUser('anna', 'anna-pw');
    await server.addUser('cora', 'cora-pw');
    await server.createSpace(SPACE, { names: ['anna'] }, validateDocUpdate(SPACE));
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  device: async ({}, use) => {
    const build = grantedBuild();
    const opened: { ext: Extension; netLog: string; closed: boolean }[] = [];
    await use(async (name, locale) => {
      const netLog = join(mkdtempSync(join(tmpdir(), `kn-net-${name}-`)), 'net.json');
      const ext = await launchExtension({
        extensionDir: build,
        ...(locale ? { locale } : {}),
        args: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'],
      });
      const entry = { ext, netLog, closed: false };
      opened.push(entry);
      return {
        ext,
        requested() {
          const log = JSON.parse(readFileSync(netLog, 'utf8')) as {
            constants: { logEventTypes: Record<string, number> };
            events: { type: number; params?: { url?: string; initiator?: string } }[];
          };
          const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
          const ours = `chrome-extension://${ext.extensionId}`;
          return log.events.flatMap((e) =>
            e.type === start && e.params?.initiator === ours && e.params.url ? [e.params.url] : [],
          );
        },
      };
    });
    for (const d of opened) {
      const errors = [...d.ext.errors];
      await d.ext.close();
      expect(errors, 'errors in the console of the extension').toEqual([]);
    }
    rmSync(build, { recursive: true, force: true });
  },
});

/** Set sync up on the sync page, as a user does (by default with the team space as their own). */
async function turnOn(
  page: Page,
  server: CouchServer,
  user: string,
  password: string,
  spaces: { own?: string; teams?: string } = { own: SPACE },
) {
  await page.evaluate(() => (location.hash = '#/sync'));
  const form = page.getByTestId('sync-setup');
  await form.getByLabel('Serveradresse').fill(server.url);
  await form.getByLabel('Benutzername').fill(user);
  await form.getByLabel('Passwort').fill(password);
  await form.getByLabel('Ihr Bereich').fill(spaces.own ?? '');
  await form.getByLabel('Team-Bereiche').fill(spaces.teams ?? '');
  await form.getByTestId('sync-on').click();
}

/** A new contact made on the dashboard, its page left open. */
async function addContact(page: Page, name: string) {
  await page.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await page.getByRole('button', { name: 'Kontakt anlegen' }).click();
  const form = page.getByTestId('add-contact-form');
  await form.getByLabel('Name *').fill(name);
  await form.getByRole('button', { name: 'Anlegen und öffnen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** "Jetzt synchronisieren" on the sync page, until it is done. */
async function syncNow(page: Page) {
  await page.getByRole('link', { name: 'Synchronisierung' }).click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-pending')).toContainText('Alles von hier ist gesendet');
  await expect(page.getByTestId('sync-now')).toBeEnabled();
}

test('a contact and a logged contact made on one device appear on the other; a non-member gets nothing', async ({
  server,
  device,
}) => {
  test.setTimeout(120_000);
  // The laptop: sync on, then a new contact with a logged contact.
  const laptop = await device('laptop');
  const page = await laptop.ext.openPage('options.html#/sync');
  await expect(page.getByTestId('sync-setup')).toContainText('Die Synchronisierung ist aus');
  await turnOn(page, server, 'anna', 'anna-pw');
  await expect(page.getByTestId('sync-account')).toContainText('anna auf 127.0.0.1');
  await expect(page.getByTestId('sync-last')).toContainText('Zuletzt synchronisiert');

  await page.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await page.getByRole('button', { name: 'Kontakt anlegen' }).click();
  const form = page.getByTestId('add-contact-form');
  await form.getByLabel('Name *').fill('Maria Neumann');
  await form.getByLabel('Firma').fill('Neumann Consulting');
  await form.getByRole('button', { name: 'Anlegen und öffnen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maria Neumann');
  await page.getByTestId('add-interactions').click();
  const editor = page.getByTestId('record-editor');
  await editor.getByLabel('Kanal').selectOption({ label: 'Treffen' });
  await editor.getByLabel('Worum ging es?').fill('Praxisumzug besprochen');
  await editor.getByTestId('record-save').click();
  await expect(page.getByTestId('toast')).toContainText('Interaktion hinzugefügt.');

  // The user's settings travel too; where the panel shows stays this browser's.
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const saturday = (p: Page) =>
    p.getByTestId('settings-workdays').getByRole('checkbox', { name: 'Samstag', exact: true });
  await saturday(page).check();
  await page.locator('#s-panel-gmail').selectOption({ label: 'Seitenleiste' });
  await expect(page.getByTestId('device-only')).toContainText('Gilt nur in diesem Browser');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('toast')).toContainText('Einstellungen gespeichert.');

  await page.getByRole('link', { name: 'Synchronisierung' }).click();
  await expect(page.getByTestId('sync-pending')).not.toContainText('Alles von hier ist gesendet');
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-pending')).toContainText('Alles von hier ist gesendet');
  await expect(page.getByTestId('sync-failure')).toHaveCount(0);
  await page.screenshot({ path: 'docs/sync.png' });

  // The desktop: the same account; its first sync brings the contact and its history.
  const desktop = await device('desktop');
  const other = await desktop.ext.openPage('options.html#/sync');
  await turnOn(other, server, 'anna', 'anna-pw');
  await expect(other.getByTestId('sync-last')).toContainText('Zuletzt synchronisiert');
  await other.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await other.getByRole('link', { name: 'Maria Neumann' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Maria Neumann');
  await expect(other.getByTestId('timeline-entry').first()).toContainText('Praxisumzug besprochen');
  await other.getByRole('link', { name: 'Einstellungen' }).click();
  await expect(saturday(other)).toBeChecked();
  await expect(other.locator('#s-panel-gmail')).toHaveValue('injected');

  // A colleague who is not a member of the team space: refused, and nothing arrives.
  const cora = await device('cora');
  const hers = await cora.ext.openPage('options.html#/sync');
  await turnOn(hers, server, 'cora', 'cora-pw');
  await expect(hers.getByTestId('sync-failure')).toContainText('nicht (mehr) Mitglied');
  await hers.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await expect(hers.getByTestId('empty-state')).toBeVisible();
  // Her popup keeps quiet about a failure of minutes, and speaks up after a day.
  const popupAt = async (hoursLater: number) => {
    const popup = await cora.ext.context.newPage();
    await popup.clock.install({ time: Date.now() + hoursLater * 3_600_000 });
    await popup.goto(cora.ext.url('popup.html'));
    await expect(popup.getByTestId('open-dashboard')).toBeVisible();
    return popup;
  };
  const soon = await popupAt(0);
  await expect(soon.getByTestId('popup-sync-failing')).toHaveCount(0);
  await soon.close();
  const later = await popupAt(25);
  await expect(later.getByTestId('popup-sync-failing')).toContainText(
    'Die Synchronisierung schlägt seit',
  );
  const opened = cora.ext.context.waitForEvent('page');
  await later.getByRole('button', { name: 'Synchronisierung öffnen' }).click();
  await expect(await opened).toHaveURL(/options\.html#\/sync$/);

  // Nothing but the configured server was contacted by any of the three browsers.
  for (const d of [laptop, desktop, cora]) await d.ext.close();
  const origin = new URL(server.url).origin;
  for (const d of [laptop, desktop, cora]) {
    const urls = d.requested();
    expect(urls.filter((u) => u.startsWith(origin)).length).toBeGreaterThan(0);
    expect(
      urls.filter((u) => !u.startsWith('chrome-extension:') && new URL(u).origin !== origin),
    ).toEqual([]);
  }
});

test('in English: a wrong address is told at the field; turning sync off keeps the data and removes the copy', async ({
  server,
  device,
}) => {
  const laptop = await device('laptop', 'en-GB');
  const page = await laptop.ext.openPage('options.html#/sync');
  const form = page.getByTestId('sync-setup');
  await expect(form).toContainText('Sync is off. Everything stays in this browser.');
  await form.getByLabel('Server address').fill('http://sync.kanzlei-weber.de');
  await form.getByLabel('User name').fill('anna');
  await form.getByTestId('sync-on').click();
  await expect(form.getByTestId('field-error')).toContainText('must begin with https://');
  await expect(form.getByLabel('Server address')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Server address').fill(server.url);
  await form.getByLabel('Password').fill('anna-pw');
  await form.getByLabel('Your space').fill(SPACE);
  await form.getByTestId('sync-on').click();
  await expect(page.getByTestId('sync-account')).toContainText('Sync is on: anna on 127.0.0.1');
  await expect(page.getByTestId('sync-last')).toContainText('Last sync:');
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  const add = page.getByTestId('add-contact-form');
  await add.getByLabel('Name *').fill('Jonas Brandt');
  await add.getByRole('button', { name: 'Add and open' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jonas Brandt');

  // Replacing all data while sync is on is refused (it would delete on every device); merging is not.
  const empty = Object.fromEntries(
    BACKUP_TABLES.map((t) => [t, []]),
  ) as unknown as BackupTablesInput;
  const backup = serializeBackup(
    buildBackup(
      { ...empty, contacts: [history({ contact: { id: 'c-berg', name: 'Paula Berg' } }).contact] },
      new Date(),
    ),
  );
  await page.getByRole('link', { name: 'Import & backup' }).click();
  await page
    .getByTestId('restore-drop')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
  const restore = page.getByTestId('restore-panel');
  await expect(restore.getByTestId('restore-sync-on')).toContainText(
    'Sync is on, so only “Merge” is offered: replacing would also delete, on your other devices',
  );
  await expect(restore.getByRole('radio', { name: /^Replace everything/ })).toBeDisabled();
  await expect(restore.getByRole('radio', { name: /^Merge/ })).toBeChecked();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toBeVisible();
  // Its undo would replace everything again: it waits until sync is off, and says so.
  await expect(restore.getByTestId('restore-undo-box')).toContainText(
    'Sync is on: undoing the restore would also delete, on your other devices and for your team, everything added since the restore.',
  );
  await expect(restore.getByTestId('restore-undo')).toHaveCount(0);

  const copies = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  await page.getByRole('link', { name: 'Sync' }).click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-pending')).toContainText('Everything here has been sent.');
  expect((await copies()).filter((n) => n.includes('kundennah-sync-'))).toHaveLength(1);

  await page.getByTestId('sync-off').click();
  await expect(page.getByTestId('sync-off-done')).toContainText('Sync is off on this device');
  await expect
    .poll(async () => (await copies()).filter((n) => n.includes('kundennah-sync-')))
    .toEqual([]);
  await page.reload();
  await expect(page.getByTestId('sync-setup')).toBeVisible();
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Jonas Brandt' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Paula Berg' })).toBeVisible();
});

test('a contact put into a team space reaches its members with its history; a member removed loses it, and keeps their own', async ({
  server,
  device,
}) => {
  test.setTimeout(120_000);
  await server.addUser('ben', 'ben-pw');
  for (const name of ['anna', 'ben']) await server.createUserDb(name);
  await server.createSpace(
    'team-nord',
    { names: ['anna', 'ben'] },
    validateDocUpdate('team-nord'),
    { names: ['anna'] },
  );
  const teams = { teams: 'team-nord' };

  const anna = await device('anna');
  const a = await anna.ext.openPage('options.html#/sync');
  await turnOn(a, server, 'anna', 'anna-pw', teams);
  await expect(a.getByTestId('sync-account')).toContainText('Bereiche: Privat, team-nord');
  await addContact(a, 'Nur für Anna');
  await addContact(a, 'Praxis Dr. Vogt');
  await a.getByTestId('add-interactions').click();
  const editor = a.getByTestId('record-editor');
  await editor.getByLabel('Worum ging es?').fill('Umzug der Praxis im April');
  await editor.getByTestId('record-save').click();
  await expect(a.getByTestId('toast')).toContainText('Interaktion hinzugefügt.');
  await a.getByTestId('contact-space').getByLabel('Bereich').selectOption('team-nord');
  await expect(a.getByTestId('toast')).toContainText('ist jetzt im Bereich team-nord');
  await syncNow(a);

  const ben = await device('ben');
  const b = await ben.ext.openPage('options.html#/sync');
  await turnOn(b, server, 'ben', 'ben-pw', teams);
  await expect(b.getByTestId('sync-last')).toContainText('Zuletzt synchronisiert');
  await addContact(b, 'Bens eigener Kunde');
  await b.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await expect(b.getByRole('link', { name: 'Nur für Anna' })).toHaveCount(0);
  await b.getByRole('link', { name: 'Praxis Dr. Vogt' }).click();
  await expect(b.getByTestId('timeline-entry').first()).toContainText('Umzug der Praxis im April');
  await expect(b.getByTestId('contact-space').getByLabel('Bereich')).toHaveValue('team-nord');

  // Both change the shared contact before either syncs: Ben its phone, Anna its notes. Anna's
  // device merges them and says so on the contact's page.
  await b.getByTestId('section-business').getByLabel('Telefonnummern').fill('+49 40 555 123');
  await b.getByTestId('contact-save').click();
  await expect(b.getByTestId('toast')).toContainText('gespeichert');
  await a.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await a.getByRole('link', { name: 'Praxis Dr. Vogt' }).click();
  await a.getByTestId('section-personal').getByLabel('Notizen').fill('Parkplatz hinter dem Haus');
  await a.getByTestId('contact-save').click();
  await expect(a.getByTestId('toast')).toContainText('gespeichert');
  await syncNow(b);
  await syncNow(a);
  await expect(a.getByTestId('sync-merged')).toContainText('Änderung von ben zusammengeführt');
  await a.getByTestId('sync-merged').getByRole('link', { name: 'Praxis Dr. Vogt' }).click();
  await expect(a.getByTestId('contact-merged')).toContainText(
    'Änderung von ben bei der letzten Synchronisierung zusammengeführt',
  );
  await expect(a.getByTestId('section-business').getByLabel('Telefonnummern')).toHaveValue(
    '+49 40 555 123',
  );
  await expect(a.getByTestId('section-personal').getByLabel('Notizen')).toHaveValue(
    'Parkplatz hinter dem Haus',
  );
  await a.screenshot({ path: 'docs/sync-contact.png' });

  // Ben may not change the team's members; Anna, its administrator, removes him. His next sync
  // takes the team's contacts off his device.
  await b.getByRole('link', { name: 'Synchronisierung' }).click();
  await b.getByRole('button', { name: 'Mitglieder von team-nord' }).click();
  const hisList = b.getByTestId('members-team-nord');
  await hisList.getByLabel('Mitglieder von team-nord').fill('ben');
  await hisList.getByRole('button', { name: 'Mitglieder speichern' }).click();
  await expect(hisList.getByRole('alert')).toContainText('Nur die Verwalter des Bereichs');
  await a.getByRole('link', { name: 'Synchronisierung' }).click();
  await a.getByRole('button', { name: 'Mitglieder von team-nord' }).click();
  const list = a.getByTestId('members-team-nord');
  await expect(list.getByLabel('Mitglieder von team-nord')).toHaveValue('anna, ben');
  await list.getByLabel('Mitglieder von team-nord').fill('anna');
  await list.getByRole('button', { name: 'Mitglieder speichern' }).click();
  await expect(a.getByTestId('toast')).toContainText('Mitglieder von team-nord gespeichert.');
  await syncNow(b);
  await expect(b.getByTestId('sync-lost')).toContainText('nicht mehr Mitglied von team-nord');
  // Told until Ben has read it, not only until the next sync.
  await syncNow(b);
  await expect(b.getByTestId('sync-lost')).toContainText('nicht mehr Mitglied von team-nord');
  await b.getByTestId('sync-lost').getByRole('button', { name: 'Verstanden' }).click();
  await expect(b.getByTestId('sync-lost')).toHaveCount(0);
  await b.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await expect(b.getByRole('link', { name: 'Bens eigener Kunde' })).toBeVisible();
  await expect(b.getByRole('link', { name: 'Praxis Dr. Vogt' })).toHaveCount(0);
});
