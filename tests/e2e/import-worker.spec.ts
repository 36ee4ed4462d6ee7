// The import runs in the dashboard page in one IndexedDB transaction; the service worker has no part
// in it. Proof: stop the worker while a large import is being written, and find the import complete
// and consistent afterwards (every contact, its batch for undo, and the derived rows once the
// restarted worker catches up).
import type { Page } from '@playwright/test';
import { generateLinkedInCsv } from '../fixtures/io/generate';
import { expect, test } from './harness';

const ROWS = 8000;

async function count(page: Page, table: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('kundennah');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const n = await new Promise<number>((ok, fail) => {
      const req = db.transaction(name).objectStore(name).count();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return n;
  }, table);
}

test('stopping the service worker in the middle of an import loses nothing', async ({ ext }) => {
  test.setTimeout(180_000);
  const page = await ext.openPage('options.html#/import');
  await expect(page.getByTestId('import-page')).toBeVisible();
  await page
    .getByTestId('import-drop')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(generateLinkedInCsv(ROWS)),
    });
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  // The generated file has namesakes at the same company: the user adds them all as new.
  await page.getByRole('button', { name: 'Alle neu anlegen' }).click();
  await expect(page.getByTestId('sum-new').locator('.io-figure')).toHaveText('8.000');

  await ext.sw();
  const cdp = await ext.context.newCDPSession(page);
  let workerStatus = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions)
      if (v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`))
        workerStatus = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => workerStatus).toBe('running');

  await page.getByTestId('import-confirm').click();
  await expect(page.getByText('Wird importiert …')).toBeVisible();
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => workerStatus, { intervals: [25] }).toBe('stopped');
  // The worker is gone while the page is still writing.
  expect(await page.getByText('Wird importiert …').isVisible()).toBe(true);

  await expect(page.getByTestId('import-done')).toContainText('8.000 neu', { timeout: 60_000 });
  expect(await count(page, 'contacts')).toBe(ROWS);
  const batches = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const req = indexedDB.open('kundennah');
      req.onsuccess = () => ok(req.result);
    });
    const all = await new Promise<{ addedContactIds: string[] }[]>((ok) => {
      const req = db.transaction('importBatches').objectStore('importBatches').getAll();
      req.onsuccess = () => ok(req.result);
    });
    const keys = await new Promise<IDBValidKey[]>((ok) => {
      const req = db.transaction('contacts').objectStore('contacts').getAllKeys();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return { ids: all.map((b) => b.addedContactIds), keys: keys.map(String) };
  });
  expect(batches.ids).toHaveLength(1);
  expect([...batches.ids[0]!].sort()).toEqual([...batches.keys].sort());

  // The worker starts again (the page's change message wakes it) and derives every new contact.
  await ext.sw();
  await expect
    .poll(() => count(page, 'summaries'), { timeout: 120_000, intervals: [1000] })
    .toBe(ROWS);

  // And undo still takes all of it back, in one go.
  await page.getByTestId('import-undo').click();
  await page.getByTestId('import-undo-confirm').click();
  await expect(page.getByTestId('import-undone')).toContainText('8.000 entfernt', {
    timeout: 60_000,
  });
  expect(await count(page, 'contacts')).toBe(0);
});
