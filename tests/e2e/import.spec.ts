// Importing contacts through the dashboard (issue 7): preview, confirm, undo, for each format;
// encodings, broken rows, merges side by side, look-alikes decided by the user, column mapping.
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { expect, test, type Extension } from './harness';
import { history, seed } from './seed';

const FIXTURES = resolve('tests/fixtures/io');
const fixture = (path: string) => resolve(FIXTURES, path);

/** Rows of a table, read with plain IndexedDB from an extension page. */
async function rows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('kundennah');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out = await new Promise<unknown[]>((ok, fail) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return out;
  }, table) as Promise<T[]>;
}

interface StoredContact {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  profileUrls: string[];
  company?: string;
  position?: string;
  status: string;
  notes?: string;
}

async function openImport(ext: Extension): Promise<Page> {
  const page = await ext.openPage('options.html#/import');
  await expect(page.getByTestId('import-page')).toBeVisible();
  return page;
}

async function pick(page: Page, path: string, zone = 'import-drop'): Promise<void> {
  await page.getByTestId(zone).locator('input[type=file]').setInputFiles(path);
}

const summary = (page: Page, which: string) =>
  page.getByTestId(`sum-${which}`).locator('.io-figure');

test('LinkedIn export: preview, import as prospects, undo removes exactly that', async ({
  ext,
}) => {
  const page = await openImport(ext);
  await pick(page, fixture('linkedin/Connections.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('LinkedIn-Export (CSV) · 5 Einträge');
  await expect(summary(page, 'new')).toHaveText('5');
  await expect(summary(page, 'errors')).toHaveText('1');
  // The row without any name is reported with its line, in German.
  await expect(page.getByTestId('import-issues')).toContainText(
    'Zeile 9: Kein Name und keine E-Mail-Adresse; der Eintrag wurde übersprungen.',
  );
  await expect(preview.getByLabel('Neue Kontakte sind')).toHaveValue('prospect');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('5 neu, 0 ergänzt');

  const stored = await rows<StoredContact>(page, 'contacts');
  expect(stored.map((c) => c.name).sort()).toEqual([
    'Anna Schmidt',
    'Bernd Meier',
    'Dr. Jürgen Weiß-Köhler',
    'Elif',
    'Çağla Yılmaz',
  ]);
  expect(stored.every((c) => c.status === 'prospect')).toBe(true);
  expect(stored.find((c) => c.name === 'Bernd Meier')?.profileUrls).toEqual([
    'https://www.linkedin.com/in/berndmeier',
  ]);
  const meta = await rows<{ key: string; value: unknown }>(page, 'meta');
  expect(meta.find((m) => m.key === 'lastLinkedInImportAt')).toBeTruthy();

  await page.getByTestId('import-undo').click();
  await page.getByTestId('import-undo-confirm').click();
  await expect(page.getByTestId('import-undone')).toContainText('5 entfernt');
  expect(await rows(page, 'contacts')).toEqual([]);
  expect(await rows(page, 'importBatches')).toEqual([]);
});

test('vCard file: preview, import, undo from the list of recent imports', async ({ ext }) => {
  const page = await openImport(ext);
  await pick(page, fixture('vcard/contacts-40.vcf'));
  await expect(page.getByTestId('import-preview')).toContainText('vCard');
  const added = Number(await summary(page, 'new').textContent());
  expect(added).toBeGreaterThan(1);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const stored = await rows<StoredContact>(page, 'contacts');
  expect(stored).toHaveLength(added);
  const hp = stored.find((c) => c.name === 'Hans-Peter Krüger');
  expect(hp).toMatchObject({
    company: 'Krüger IT-Service',
    position: 'Inhaber',
    emails: ['hp.krueger@krueger-it.de', 'hanspeter@example.net'],
    profileUrls: ['https://www.linkedin.com/in/hp-krueger'],
  });

  // Later, from the list.
  await page.reload();
  const list = page.getByTestId('import-batches');
  await expect(list).toContainText('contacts-40.vcf');
  await list.getByRole('button', { name: 'Import rückgängig machen' }).click();
  await page.getByTestId('import-undo-confirm').click();
  await expect(page.getByTestId('import-undone')).toBeVisible();
  expect(await rows(page, 'contacts')).toEqual([]);
});

test('German Outlook CSV in Windows-1252 shows and stores umlauts right', async ({ ext }) => {
  const page = await openImport(ext);
  await pick(page, fixture('outlook/contacts-de.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Outlook (CSV)');
  await expect(page.getByTestId('import-new')).toContainText('Jürgen Müller');
  await expect(page.getByTestId('import-new')).toContainText('Müller & Söhne Heizungsbau GmbH');
  await expect(page.getByTestId('import-new')).toContainText('Ömer Çelik');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const stored = await rows<StoredContact>(page, 'contacts');
  expect(stored.find((c) => c.emails.includes('j.mueller@mueller-soehne.de'))).toMatchObject({
    name: 'Jürgen Müller',
    position: 'Geschäftsführer – Technik',
    status: 'active',
  });
});

test('a broken CSV shows its errors with line numbers and imports the good rows', async ({
  ext,
}) => {
  const page = await openImport(ext);
  await pick(page, fixture('broken/unclosed-quote.csv'));
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('Zeile 3:');
  await expect(issues).toContainText('Ein Feld in Anführungszeichen wird nicht geschlossen');
  await expect(issues).toContainText('Zeile 7:');
  const good = Number(await summary(page, 'new').textContent());
  expect(good).toBeGreaterThanOrEqual(2);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const names = (await rows<StoredContact>(page, 'contacts')).map((c) => c.name);
  expect(names).toHaveLength(good);
  expect(names).toContain('Anna Schmidt');
  expect(names).not.toContain('Bernd Meier');
});

test('same e-mail: shown side by side, merged into the contact, no duplicate', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: {
        id: 'bernd',
        name: 'Bernd Meier',
        emails: ['bernd.meier@example.de'],
        company: 'Meier Beratung',
        notes: 'Kennt sich mit Förderanträgen aus.',
      },
    }),
  ]);
  const page = await openImport(ext);
  await pick(page, fixture('linkedin/Connections.csv'));
  await expect(summary(page, 'new')).toHaveText('4');
  await expect(summary(page, 'merge')).toHaveText('1');
  const card = page.getByTestId('import-merge');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('In Kundennah');
  await expect(card).toContainText('In der Datei');
  await expect(card).toContainText('gleiche E-Mail');
  // Left: what the user has; middle: the file's; right: only what is added.
  await expect(card.locator('> div').nth(0)).toContainText('Meier Beratung');
  await expect(card.locator('> div').nth(1)).toContainText('Acme Maschinenbau GmbH');
  await expect(card.locator('> div').nth(2)).toContainText(
    'https://www.linkedin.com/in/berndmeier',
  );
  await expect(card.locator('> div').nth(2)).toContainText('Head of Sales, DACH');
  await expect(card.locator('> div').nth(2)).not.toContainText('Acme');

  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('4 neu, 1 ergänzt');
  const stored = await rows<StoredContact>(page, 'contacts');
  expect(stored).toHaveLength(5);
  const bernd = stored.filter((c) => c.emails.includes('bernd.meier@example.de'));
  expect(bernd).toHaveLength(1);
  expect(bernd[0]).toMatchObject({
    id: 'bernd',
    name: 'Bernd Meier',
    company: 'Meier Beratung',
    position: 'Head of Sales, DACH',
    notes: 'Kennt sich mit Förderanträgen aus.',
    profileUrls: ['https://www.linkedin.com/in/berndmeier'],
  });

  // Undo puts Bernd back as he was.
  await page.getByTestId('import-undo').click();
  await page.getByTestId('import-undo-confirm').click();
  await expect(page.getByTestId('import-undone')).toContainText('1 auf den früheren Stand');
  const after = await rows<StoredContact>(page, 'contacts');
  expect(after).toHaveLength(1);
  expect(after[0]?.profileUrls).toEqual([]);
  expect(after[0]?.position).toBeUndefined();
});

test('a similar name at the same company waits for the user’s decision', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: { id: 'anna', name: 'Anna Schmitt', company: 'Schmidt, Meier & Partner mbB' },
    }),
  ]);
  const page = await openImport(ext);
  await pick(page, fixture('linkedin/Connections.csv'));
  await expect(summary(page, 'similar')).toHaveText('1');
  const row = page.getByTestId('import-similar');
  await expect(row).toContainText('Anna Schmidt');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await expect(page.getByText('Bitte entscheiden Sie für 1 ähnlichen Eintrag.')).toBeVisible();
  await row.getByLabel('Zusammenführen mit Anna Schmitt').check();
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('4 neu, 1 ergänzt');
  const stored = await rows<StoredContact>(page, 'contacts');
  expect(stored).toHaveLength(5);
  expect(stored.find((c) => c.id === 'anna')).toMatchObject({
    name: 'Anna Schmitt',
    profileUrls: ['https://www.linkedin.com/in/anna-schmidt-4711'],
    position: 'Partnerin',
  });
});

test('an unknown CSV layout: assign columns, import, and the assignment is remembered', async ({
  ext,
}) => {
  const page = await openImport(ext);
  await pick(page, fixture('generic/kunden.csv'));
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toContainText('Spalten von kunden.csv zuordnen');
  const selects = mapping.locator('select');
  const first = await selects.first().inputValue();
  // Change one column to "leave out", keep the rest as suggested.
  const count = await selects.count();
  await selects.nth(count - 1).selectOption('');
  await mapping.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('CSV mit Ihrer Spaltenzuordnung');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  expect((await rows(page, 'contacts')).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Andere Datei wählen' }).click();
  await pick(page, fixture('generic/kunden.csv'));
  await expect(mapping).toContainText('Ihre Zuordnung vom letzten Mal');
  await expect(selects.first()).toHaveValue(first);
  await expect(selects.nth(count - 1)).toHaveValue('');
});

test('a file that is no contacts file gets one clear message and no import', async ({ ext }) => {
  const page = await openImport(ext);
  await page
    .getByTestId('import-drop')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'notizen.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Einkaufsliste: Milch, Brot\nAnruf bei Frau Weber\n'),
    });
  await expect(page.getByTestId('import-failed')).toContainText(
    'notizen.txt lässt sich nicht importieren.',
  );
  await expect(page.getByTestId('import-failed')).toContainText(
    'Das Dateiformat wurde nicht erkannt.',
  );
  expect(await rows(page, 'contacts')).toEqual([]);
});

test.describe('in English', () => {
  test.use({ uiLocale: 'en-US' });
  test('the preview and its errors speak English', async ({ ext }) => {
    const page = await openImport(ext);
    await expect(page.getByRole('heading', { name: 'Import & backup' })).toBeVisible();
    await pick(page, fixture('broken/unclosed-quote.csv'));
    await expect(page.getByTestId('import-issues')).toContainText(
      'Line 3: A quoted field is not closed; the row was skipped.',
    );
    await expect(page.getByTestId('import-confirm')).toContainText('Import:');
  });
});

test('the preview as the docs show it (docs/import.png)', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: {
        id: 'bernd',
        name: 'Bernd Meier',
        emails: ['bernd.meier@example.de'],
        company: 'Acme Maschinenbau GmbH',
        phones: ['+49 89 123456'],
        notes: 'Kennt sich mit Förderanträgen aus.',
      },
    }),
    history({
      contact: { id: 'anna', name: 'Anna Schmitt', company: 'Schmidt, Meier & Partner mbB' },
    }),
  ]);
  const page = await openImport(ext);
  await page.setViewportSize({ width: 1280, height: 1600 });
  await pick(page, fixture('linkedin/Connections.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-merge')).toHaveCount(1);
  await expect(page.getByTestId('import-similar')).toHaveCount(1);
  await page.getByTestId('import-similar').getByLabel('Zusammenführen mit Anna Schmitt').check();
  const box = (await page.locator('.io-actions').boundingBox())!;
  await page.screenshot({
    path: 'docs/import.png',
    clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height + 12) },
  });
});

test('the whole import works with the keyboard', async ({ ext }) => {
  const page = await openImport(ext);
  const choose = page.getByTestId('import-drop').getByRole('button', { name: 'Datei auswählen …' });
  await choose.focus();
  const chooser = page.waitForEvent('filechooser');
  // Playwright asks the browser to report file dialogs without waiting for the answer; one round
  // trip makes sure it has arrived before the key press opens the dialog.
  await page.evaluate(() => 0);
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(fixture('vcard/contacts-40.vcf'));
  // The preview takes the focus; Tab reaches the status choice and, further on, the import button.
  await expect(page.getByRole('heading', { name: 'Vorschau: contacts-40.vcf' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Neue Kontakte sind')).toBeFocused();
  const confirm = page.getByTestId('import-confirm');
  for (let i = 0; i < 10 && !(await confirm.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-done')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('import-undo')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-undo-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-undone')).toBeVisible();
  expect(await rows(page, 'contacts')).toEqual([]);
});

test('an "Empfohlen von" column links each person to who recommended them', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: {
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        name: 'Anna Schröder',
        emails: ['anna@schroeder-bau.de'],
        company: 'Schröder Bau GmbH',
      },
    }),
  ]);
  const page = await openImport(ext);
  await pick(page, fixture('generic/empfehlungen.csv'));
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.locator('select').nth(3)).toHaveValue('referredBy');
  await mapping.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  const referrals = page.getByTestId('import-referrals');
  await expect(referrals).toContainText('2 Empfehlungen mit den Kontakten verknüpft');
  await expect(referrals).toContainText(
    'Ida Sommer: niemand heißt „Niemand Bekanntes“ – ohne Empfehlung übernommen.',
  );
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const stored = await rows<StoredContact & { referredBy?: string }>(page, 'contacts');
  const by = (name: string) => stored.find((c) => c.name === name);
  expect(by('Tom Berg')?.referredBy).toBe('a1b2c3d4-0000-4000-8000-000000000001');
  expect(by('Ute Kranz')?.referredBy).toBe(by('Karla Linde')?.id);
  expect(by('Ida Sommer')?.referredBy).toBeUndefined();
});
