// Dashboard addresses hold any contact id (ids come from backups and other devices), and a view
// that cannot render shows a message and a way back instead of a blank page.
import type { Page } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { history, seed } from './seed';
import { SITES, panelFrame, serveApp } from './sites';

// As a restored backup may carry it: every character that means something in an address.
const ODD_ID = 'import/2024#3 50%off?x=1';

const petra = history({
  contact: {
    id: ODD_ID,
    name: 'Petra Prozent',
    emails: ['juergen.mueller@mueller-hausbau.de'],
  },
});

test('a contact whose id holds %, / and # opens in the dashboard from the list and from the panel', async ({
  ext,
}) => {
  await seed(ext, [petra]);
  const dashboard = await ext.openPage('options.html#/contacts');
  await dashboard.getByRole('link', { name: 'Petra Prozent' }).first().click();
  await expect(dashboard.getByRole('heading', { level: 1, name: 'Petra Prozent' })).toBeVisible();
  // A reload keeps the view: the address names her.
  await dashboard.reload();
  await expect(dashboard.getByRole('heading', { level: 1, name: 'Petra Prozent' })).toBeVisible();

  // The panel's link opens a new dashboard tab at her page.
  await serveApp(ext.context, [SITES.gmail.single]);
  const gmail = await ext.context.newPage();
  await gmail.goto(SITES.gmail.single.url);
  const card = panelFrame(gmail).getByTestId('contact-card');
  await expect(card).toContainText('Petra Prozent');
  const opened = ext.context.waitForEvent('page');
  await card.getByRole('button', { name: 'Im Dashboard öffnen' }).click();
  const tab = await opened;
  await expect(tab.getByRole('heading', { level: 1, name: 'Petra Prozent' })).toBeVisible();
  await expect(tab.getByTestId('error-boundary')).toHaveCount(0);
});

/** A contact record damaged in the database: `emails` a text instead of a list. */
async function damageContact(ext: Extension, id: string, name: string) {
  const page = await ext.openPage('options.html');
  await page.evaluate(
    async ([id, name]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('kundennah');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction('contacts', 'readwrite');
      const store = tx.objectStore('contacts');
      const ok = await new Promise<Record<string, unknown>>((done) => {
        const req = store.get('c-ok');
        req.onsuccess = () => done(req.result);
      });
      store.put({ ...ok, id, name, emails: 'bernd@kaputt.example' });
      await new Promise((done) => (tx.oncomplete = done));
      db.close();
    },
    [id, name],
  );
  await page.close();
}

/** React reports each caught render error in the console: expected here, and only these. */
function takeRenderErrors(ext: Extension): string[] {
  const taken = ext.errors.filter((e) => e.includes('emails.join is not a function'));
  ext.errors.splice(
    0,
    ext.errors.length,
    ...ext.errors.filter((e) => !e.includes('emails.join is not a function')),
  );
  return taken;
}

const boundary = (page: Page) => page.getByTestId('error-boundary');

test('a contact that cannot be shown leaves a message and a way back, not a blank page', async ({
  ext,
}) => {
  await seed(ext, [history({ contact: { id: 'c-ok', name: 'Anna Ganz', emails: ['a@ganz.de'] } })]);
  await damageContact(ext, 'c-bad', 'Bernd Kaputt');

  const dashboard = await ext.openPage('options.html#/contacts/c-bad');
  await expect(boundary(dashboard)).toContainText('Diese Ansicht konnte nicht angezeigt werden.');
  await expect(boundary(dashboard)).toContainText('TypeError');
  // The navigation stays usable around it.
  await expect(dashboard.getByRole('link', { name: 'Einstellungen' })).toBeVisible();

  await boundary(dashboard).getByRole('button', { name: 'Zurück zur Übersicht' }).click();
  await expect(boundary(dashboard)).toHaveCount(0);
  expect(new URL(dashboard.url()).hash).toBe('#/contacts');
  await expect(dashboard.getByRole('link', { name: 'Anna Ganz' }).first()).toBeVisible();

  // Another contact opens normally; the damaged one shows the message again, and reloading is
  // offered as well.
  await dashboard.getByRole('link', { name: 'Anna Ganz' }).first().click();
  await expect(dashboard.getByRole('heading', { level: 1, name: 'Anna Ganz' })).toBeVisible();
  await dashboard.evaluate(() => (location.hash = '#/contacts/c-bad'));
  await expect(boundary(dashboard)).toBeVisible();
  await boundary(dashboard).getByRole('button', { name: 'Neu laden' }).click();
  await expect(boundary(dashboard)).toBeVisible();
  await expect(dashboard.getByRole('link', { name: 'Kontakte' })).toBeVisible();

  expect(takeRenderErrors(ext).length).toBeGreaterThan(0);
});
