// Backups through the dashboard (issue 7): download, restore by replacing or merging, refusal of
// foreign or damaged files, the backup reminder with its one-click backup, the LinkedIn reminder.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Extension } from './harness';
import { history, seed, seedSettings } from './seed';

const DAY = 86_400_000;

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

async function openImport(ext: Extension): Promise<Page> {
  const page = await ext.openPage('options.html#/import');
  await expect(page.getByTestId('import-page')).toBeVisible();
  return page;
}

async function putMeta(page: Page, entries: { key: string; value: unknown }[]): Promise<void> {
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('kundennah');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const tx = db.transaction('meta', 'readwrite');
    for (const e of list) tx.objectStore('meta').put(e);
    await new Promise<void>((ok) => (tx.oncomplete = () => ok()));
    db.close();
  }, entries);
}

/** Click and return the text of the file the page downloads. */
async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent('download');
  await click();
  const d = await waiting;
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const byId = <T extends { id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.id.localeCompare(b.id));

const anna = history({
  contact: {
    id: 'anna',
    name: 'Anna Schröder',
    emails: ['anna@schroeder-bau.de'],
    company: 'Schröder Bau',
  },
  interactions: [
    {
      id: 'i1',
      contactId: 'anna',
      at: '2026-10-01T09:00:00.000Z',
      channel: 'phone',
      direction: 'out',
      personal: true,
      summary: 'Angebot besprochen',
    },
  ],
  purchases: [
    { id: 'p1', contactId: 'anna', at: '2026-09-01', amount: 4800, description: 'Workshop' },
  ],
  commitments: [
    {
      id: 'c1',
      contactId: 'anna',
      text: 'Protokoll schicken',
      createdAt: '2026-10-01',
      dueAt: '2026-10-05',
    },
  ],
});
const bert = history({ contact: { id: 'bert', name: 'Bert Vogel', emails: ['bert@vogel.de'] } });

test('a backup downloads and restores by replacing everything, losslessly', async ({ ext }) => {
  await seed(ext, [anna, bert]);
  await seedSettings(ext, { tierMode: 'value', contactEveryDays: { A: 10, B: 40, C: 100 } });
  const page = await openImport(ext);
  const file = await download(page, () =>
    page.getByRole('button', { name: 'Sicherung herunterladen' }).click(),
  );
  expect(file.name).toMatch(/^kundennah-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(file.text) as { format: string; tables: Record<string, unknown[]> };
  expect(backup.format).toBe('kundennah-backup');
  expect(backup.tables.summaries).toBeUndefined();
  await expect(page.getByTestId('backup-last')).toContainText('Letzte Sicherung:');
  const before = {
    contacts: byId(await rows<{ id: string }>(page, 'contacts')),
    interactions: await rows(page, 'interactions'),
    purchases: await rows(page, 'purchases'),
    commitments: await rows(page, 'commitments'),
    settings: await rows(page, 'settings'),
  };

  // Things change after the backup: a new contact, an edit.
  await seed(ext, [
    history({ contact: { id: 'zoe', name: 'Zoë Weiß' } }),
    history({ contact: { ...anna.contact, notes: 'nach der Sicherung' } }),
  ]);
  await page.reload();
  await page
    .getByTestId('restore-drop')
    .locator('input[type=file]')
    .setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
  const panel = page.getByTestId('restore-panel');
  await expect(panel).toContainText('vollständig geprüft');
  await panel.getByLabel('Alles ersetzen').check();
  await expect(page.getByTestId('restore-counts')).toContainText(
    'Kontakte: 2 aus der Sicherung, 1 aktuelle entfernt',
  );
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toBeVisible();

  expect(byId(await rows<{ id: string }>(page, 'contacts'))).toEqual(before.contacts);
  expect(await rows(page, 'interactions')).toEqual(before.interactions);
  expect(await rows(page, 'purchases')).toEqual(before.purchases);
  expect(await rows(page, 'commitments')).toEqual(before.commitments);
  expect(await rows(page, 'settings')).toEqual(before.settings);
});

test('merging a backup keeps the newer version of each contact, says what it kept, and names duplicates', async ({
  ext,
}) => {
  await seed(ext, [anna, bert]);
  const page = await openImport(ext);
  const file = await download(page, () =>
    page.getByRole('button', { name: 'Sicherung herunterladen' }).click(),
  );
  // In the other browser Bert was changed later than here.
  const json = JSON.parse(file.text) as { tables: { contacts: Record<string, unknown>[] } };
  Object.assign(
    json.tables.contacts.find((c) => c.id === 'bert')!,
    {
      notes: 'aus der Sicherung',
      updatedAt: '2025-06-01T09:00:00.000Z',
    },
  );
  file.text = JSON.stringify(json);
  // Here Anna was changed after the backup.
  await seed(ext, [
    history({
      contact: {
        ...anna.contact,
        notes: 'nach der Sicherung',
        updatedAt: '2025-03-01T09:00:00.000Z',
      },
    }),
    history({ contact: { id: 'anna2', name: 'Anna S.', emails: ['anna@schroeder-bau.de'] } }),
    history({ contact: { id: 'zoe', name: 'Zoë Weiß' } }),
  ]);
  await page.reload();
  await page
    .getByTestId('restore-drop')
    .locator('input[type=file]')
    .setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
  await expect(page.getByTestId('restore-panel').getByLabel('Zusammenführen')).toBeChecked();
  await expect(page.getByTestId('restore-duplicates')).toContainText(
    'Anna Schröder (Sicherung) und Anna S. (jetzt): anna@schroeder-bau.de',
  );
  await expect(page.getByTestId('restore-counts')).toContainText(
    'Kontakte: 2 aus der Sicherung — 0 neu, 1 neuer als Ihre (ersetzen sie), 1 von Ihren bleiben',
  );
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toContainText(
    'Sicherung zusammengeführt: 0 hinzugefügt, 1 aktualisiert (in der Sicherung neuer), 1 so behalten',
  );
  const stored = byId(await rows<{ id: string; notes?: string }>(page, 'contacts'));
  expect(stored.map((c) => c.id)).toEqual(['anna', 'anna2', 'bert', 'zoe']);
  expect(stored[0]?.notes).toBe('nach der Sicherung');
  expect(stored[2]?.notes).toBe('aus der Sicherung');
});

test('a restore keeps a copy of the data it replaces, does not count it as a backup, and can be undone', async ({
  ext,
}) => {
  await seed(ext, [anna, bert]);
  const page = await openImport(ext);
  const file = await download(page, () =>
    page.getByRole('button', { name: 'Sicherung herunterladen' }).click(),
  );
  const lastBackup = (await rows<{ key: string; value: unknown }>(page, 'meta')).find(
    (m) => m.key === 'lastBackupAt',
  )?.value;
  expect(lastBackup).toBeDefined();
  await seed(ext, [
    history({ contact: { id: 'zoe', name: 'Zoë Weiß' } }),
    history({ contact: { ...anna.contact, notes: 'nach der Sicherung' } }),
  ]);
  await page.reload();
  const before = byId(await rows<{ id: string }>(page, 'contacts'));
  expect(before).toHaveLength(3);
  // Nothing to undo before the first restore.
  await expect(page.getByTestId('restore-undo')).toHaveCount(0);

  await page
    .getByTestId('restore-drop')
    .locator('input[type=file]')
    .setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
  await page.getByTestId('restore-panel').getByLabel('Alles ersetzen').check();
  // The extra download is offered, not made by default: no file is needed to undo.
  await expect(page.getByLabel(/zusätzlich die aktuellen Daten als Datei/)).not.toBeChecked();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toBeVisible();
  expect(downloads).toBe(0);
  expect(byId(await rows<{ id: string }>(page, 'contacts')).map((c) => c.id)).toEqual([
    'anna',
    'bert',
  ]);
  // The copy is not a backup: the reminder's date is the one of the real backup.
  const meta = await rows<{ key: string; value: unknown }>(page, 'meta');
  expect(meta.find((m) => m.key === 'lastBackupAt')?.value).toBe(lastBackup);

  // The copy lives in the browser: after a reload the restore can still be undone.
  await page.reload();
  const box = page.getByTestId('restore-undo-box');
  await expect(box).toContainText(`Letzte Wiederherstellung: ${file.name}`);
  await page.getByTestId('restore-undo').click();
  await expect(page.getByRole('alertdialog')).toContainText(
    'wie es vor dieser Wiederherstellung war',
  );
  await page.getByTestId('restore-undo-confirm').click();
  await expect(page.getByTestId('restore-undone')).toContainText(
    'Wiederherstellung rückgängig gemacht',
  );
  expect(byId(await rows<{ id: string }>(page, 'contacts'))).toEqual(before);
  await expect(page.getByTestId('restore-undo')).toHaveCount(0);
  // The dashboard shows the contact the restore had removed again.
  await page.goto(ext.url('options.html#/contacts/zoe'));
  await expect(page.getByRole('heading', { name: 'Zoë Weiß' })).toBeVisible();
});

test('a foreign or damaged JSON file is refused with a clear message; nothing changes', async ({
  ext,
}) => {
  await seed(ext, [anna]);
  const page = await openImport(ext);
  const drop = page.getByTestId('restore-drop').locator('input[type=file]');
  await drop.setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"contacts":[{"name":"Max"}]}'),
  });
  const refused = page.getByTestId('restore-refused');
  await expect(refused).toContainText(
    'export.json lässt sich nicht wiederherstellen. Es wurde nichts verändert.',
  );
  await expect(refused).toContainText('Diese JSON-Datei ist keine Kundennah-Sicherung.');

  const damaged = JSON.stringify({
    format: 'kundennah-backup',
    version: 1,
    exportedAt: '2026-11-20T10:00:00.000Z',
    tables: {
      contacts: [{ ...anna.contact, emails: ['kein-at-zeichen'] }],
      interactions: [],
      commitments: [],
      feedback: [],
      purchases: [],
      followUps: [],
      settings: [],
    },
  });
  await drop.setInputFiles({
    name: 'alt.json',
    mimeType: 'application/json',
    buffer: Buffer.from(damaged),
  });
  await expect(refused).toContainText(
    'Tabelle contacts, Eintrag 0, Feld emails.0: Keine gültige E-Mail-Adresse.',
  );
  expect(await rows(page, 'contacts')).toEqual([anna.contact]);
});

test('the backup reminder appears when data changed and was never backed up; one click fixes it', async ({
  ext,
}) => {
  await seed(ext, [anna]);
  const page = await openImport(ext);
  await putMeta(page, [
    { key: 'lastDataChangeAt', value: new Date(Date.now() - DAY).toISOString() },
  ]);
  await page.reload();
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toContainText('Ihre Daten wurden noch nie gesichert.');
  const file = await download(page, () =>
    reminder.getByRole('button', { name: 'Jetzt sichern' }).click(),
  );
  expect(JSON.parse(file.text).tables.contacts).toHaveLength(1);
  await expect(reminder).toHaveCount(0);

  // Nine days later, after another change, it asks again.
  await putMeta(page, [
    { key: 'lastBackupAt', value: new Date(Date.now() - 9 * DAY).toISOString() },
    { key: 'lastDataChangeAt', value: new Date(Date.now() - DAY).toISOString() },
  ]);
  await page.reload();
  await expect(page.getByTestId('backup-reminder')).toContainText('vor 9 Tagen');
});

test('30 days after the last LinkedIn import, a fresh export is suggested', async ({ ext }) => {
  const page = await openImport(ext);
  await putMeta(page, [
    { key: 'lastLinkedInImportAt', value: new Date(Date.now() - 40 * DAY).toISOString() },
  ]);
  await page.reload();
  const reminder = page.getByTestId('reimport-reminder');
  await expect(reminder).toContainText('Ihr letzter LinkedIn-Import ist 40 Tage her.');
  await expect(
    reminder.getByRole('link', { name: 'Datei bei LinkedIn anfordern' }),
  ).toHaveAttribute('href', /linkedin\.com/);
  await reminder.getByRole('button', { name: 'Jetzt importieren' }).click();
  await expect(page.getByTestId('import-drop').getByRole('button')).toBeFocused();

  // A fresh import moves the date: the suggestion goes away.
  await page
    .getByTestId('import-drop')
    .locator('input[type=file]')
    .setInputFiles(resolve('tests/fixtures/io/linkedin/Connections.csv'));
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('import-page')).toBeVisible();
  await expect(page.getByTestId('reimport-reminder')).toHaveCount(0);
});

test('exports chosen contacts as vCard 4.0 and all of them as CSV for German Excel', async ({
  ext,
}) => {
  await seed(ext, [anna, bert, history({ contact: { id: 'zoe', name: 'Zoë Weiß' } })]);
  const page = await openImport(ext);
  const panel = page.getByTestId('export-panel');
  await expect(panel.getByLabel('Alle Kontakte (3)')).toBeChecked();
  await panel.getByLabel('Ausgewählte Kontakte (0)').check();
  await panel.getByRole('searchbox').fill('vogel');
  await panel.getByRole('checkbox', { name: /Bert Vogel/ }).check();
  await expect(panel.getByLabel('Ausgewählte Kontakte (1)')).toBeChecked();
  const vcf = await download(page, () =>
    panel.getByRole('button', { name: 'vCard herunterladen (.vcf)' }).click(),
  );
  expect(vcf.name).toMatch(/\.vcf$/);
  expect(vcf.text).toContain('BEGIN:VCARD\r\nVERSION:4.0\r\n');
  expect(vcf.text).toContain('FN:Bert Vogel');
  expect(vcf.text).toContain('EMAIL:bert@vogel.de');
  expect(vcf.text).not.toContain('Anna');
  await expect(panel).toContainText('1 Kontakt gespeichert als');

  await panel.getByLabel('Alle Kontakte (3)').check();
  await expect(panel.getByLabel('Trennzeichen')).toHaveValue(';');
  const csv = await download(page, () =>
    panel.getByRole('button', { name: 'CSV herunterladen' }).click(),
  );
  expect(csv.text.startsWith('\ufeffName;Firma;Position;Geburtstag;E-Mail 1')).toBe(true);
  expect(csv.text).toContain('Anna Schröder;Schröder Bau;');
  expect(csv.text).toContain('Zoë Weiß');
});

test('the restore preview names entries without a contact and contacts sharing an e-mail, and offers the duplicate review', async ({
  ext,
}) => {
  const page = await openImport(ext);
  const contactRow = (id: string, name: string, emails: string[]) => ({
    id,
    name,
    emails,
    phones: [],
    profileUrls: [],
    status: 'active',
    preferredChannels: [],
    interests: [],
    createdAt: '2026-01-01',
    updatedAt: '2026-01-01',
  });
  const file = JSON.stringify({
    format: 'kundennah-backup',
    version: 1,
    exportedAt: '2026-11-20T10:00:00.000Z',
    tables: {
      contacts: [
        contactRow('c1', 'Anna Schröder', ['anna@schroeder-bau.de']),
        contactRow('c2', 'A. Schröder', ['anna@schroeder-bau.de', 'a.s@web.de']),
      ],
      interactions: [
        {
          id: 'i-lost',
          contactId: 'gone',
          at: '2026-10-01T09:00:00.000Z',
          channel: 'phone',
          direction: 'out',
          personal: true,
        },
      ],
      commitments: [],
      feedback: [],
      purchases: [],
      followUps: [],
      settings: [],
    },
  });
  await page
    .getByTestId('restore-drop')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'alt.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
  await expect(page.getByTestId('restore-shared-emails')).toContainText(
    '1 E-Mail-Adresse gehört in der Sicherung zu mehreren Kontakten:',
  );
  await expect(page.getByTestId('restore-shared-emails')).toContainText(
    'anna@schroeder-bau.de: Anna Schröder, A. Schröder',
  );
  await expect(page.getByTestId('restore-orphans')).toContainText(
    'Kontaktverlauf „i-lost“: Kontakt „gone“ fehlt',
  );
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toBeVisible();
  expect(await rows(page, 'interactions')).toHaveLength(1);
  await page.getByTestId('restore-review-duplicates').click();
  await expect(page).toHaveURL(/#\/duplicates$/);
  await expect(page.getByRole('heading', { name: 'Dubletten' })).toBeVisible();
});
