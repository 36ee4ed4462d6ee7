// Nothing is stored twice and nothing is lost (issue 15): a panel request sent again after its reply
// was lost, two clicks at once, and a contact changed elsewhere while its editor is open.
import type { Frame, Page } from '@playwright/test';
import { expect, test, type Extension } from './harness';
import { history, readTables, seed } from './seed';
import { SITES, panelFrame, serveApp } from './sites';

const anna = history({
  contact: {
    id: 'anna',
    name: 'Anna Schröder',
    emails: ['juergen.mueller@mueller-hausbau.de'],
    company: 'Schröder Bau',
  },
});

async function openGmail(ext: Extension): Promise<Page> {
  await serveApp(ext.context, [SITES.gmail.single]);
  const page = await ext.context.newPage();
  await page.goto(SITES.gmail.single.url);
  await expect(panelFrame(page).getByTestId('contact-card')).toContainText('Anna Schröder');
  return page;
}

/** The panel frame Kundennah inserted into the page (an extension page with runtime access). */
function panelOf(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/panel.html'));
  if (!frame) throw new Error('no panel frame');
  return frame;
}

type Reply = { ok: boolean; created?: { id: string }; error?: { code: string } };

/**
 * Send panel requests from inside the panel frame on a port of its own, all at once, and return
 * the replies in order: what the panel's connection does when it sends a request again.
 */
async function sendFromPanel(frame: Frame, requests: Record<string, unknown>[]): Promise<Reply[]> {
  return frame.evaluate(async (list) => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
          runtime: {
            connect(o: { name: string }): {
              postMessage(m: unknown): void;
              onMessage: {
                addListener(f: (m: Reply & { type: string; id: string }) => void): void;
              };
            };
          };
        };
      }
    ).chrome;
    // The key this panel document got from the content script (docs/security.md, "Nobody acts
    // through the panel"): the background keeps it where extension pages, not the host page, read.
    const session = await chrome.storage.session.get(null);
    const key = Object.entries(session).find(([name]) => name.startsWith('panel-key:'))?.[1];
    const port = chrome.runtime.connect({ name: 'kundennah-panel' });
    const replies = new Map<string, Reply>();
    const done = new Promise<void>((resolve) =>
      port.onMessage.addListener((m) => {
        if (m.type !== 'bg:reply') return;
        replies.set(m.id, m);
        if (replies.size === list.length) resolve();
      }),
    );
    port.postMessage({ type: 'panel:hello' });
    list.forEach((request, i) =>
      port.postMessage({ type: 'panel:request', id: `m${i}`, request, key, visible: true }),
    );
    await done;
    return list.map((_r, i) => replies.get(`m${i}`)!);
  }, requests);
}

const interactionsOf = async (ext: Extension) =>
  (await readTables(ext, ['interactions'])).interactions.filter((i) => i.contactId === 'anna');

test('a request sent again after the worker stopped is stored once and gets its first reply', async ({
  ext,
}) => {
  await seed(ext, [anna]);
  const page = await openGmail(ext);
  const request = {
    action: 'log-contact',
    requestId: 'click-1',
    contactId: 'anna',
    summary: 'Angebot besprochen',
    note: { product: 4, promise: { text: 'Protokoll schicken', dueAt: '2026-12-31' } },
  };
  const [first] = await sendFromPanel(panelOf(page), [request]);
  expect(first?.ok).toBe(true);
  // The reply may have been lost with the worker: the panel sends the same request again.
  await ext.stopServiceWorker();
  const [again] = await sendFromPanel(panelOf(page), [request]);
  expect(again).toMatchObject({ ok: true, created: first!.created });
  // And a duplicate message on one port (a retry racing the first) changes nothing either.
  const twice = await sendFromPanel(panelOf(page), [request, request]);
  expect(twice.every((r) => r.ok)).toBe(true);

  expect(await interactionsOf(ext)).toHaveLength(1);
  const tables = await readTables(ext, ['commitments', 'feedback']);
  expect(tables.commitments).toHaveLength(1);
  expect(tables.feedback).toHaveLength(1);
});

test('two log requests at once log the conversation once; the other is told it was logged', async ({
  ext,
}) => {
  await seed(ext, [anna]);
  const page = await openGmail(ext);
  const replies = await sendFromPanel(panelOf(page), [
    { action: 'log-contact', requestId: 'a', contactId: 'anna' },
    { action: 'log-contact', requestId: 'b', contactId: 'anna' },
    { action: 'log-contact', requestId: 'c', contactId: 'anna' },
  ]);
  expect(replies.filter((r) => r.ok)).toHaveLength(1);
  expect(replies.filter((r) => r.error?.code === 'logged-today')).toHaveLength(2);
  expect(await interactionsOf(ext)).toHaveLength(1);
});

test('a fast double click on "Kontakt festhalten" logs once', async ({ ext }) => {
  await seed(ext, [anna]);
  const page = await openGmail(ext);
  const panel = panelFrame(page);
  await panel.getByPlaceholder('Worum ging es?').fill('Angebot besprochen');
  await panel.getByTestId('log-contact').dblclick();
  await expect(panel.getByTestId('toast')).toContainText('Kontakt festgehalten');
  await expect(panel.getByTestId('last-contact')).toContainText('Angebot besprochen');
  expect(await interactionsOf(ext)).toHaveLength(1);
});

test.describe('the contact editor and a change made elsewhere meanwhile', () => {
  const bertHistory = history({
    contact: { id: 'bert', name: 'Bert Vogel', emails: ['bert@vogel.de'], company: 'Vogel KG' },
  });

  test('an e-mail linked from the panel while the editor is open survives saving the editor', async ({
    ext,
  }) => {
    await seed(ext, [bertHistory]);
    const editor = await ext.openPage('options.html#/contacts/bert');
    await expect(editor.getByTestId('contact-page')).toBeVisible();
    await editor.locator('#c-notes').fill('Segelt im Sommer');

    // Meanwhile, on Gmail, the unknown sender is linked to Bert through the panel.
    await serveApp(ext.context, [SITES.gmail.single]);
    const gmail = await ext.context.newPage();
    await gmail.goto(SITES.gmail.single.url);
    await expect(panelFrame(gmail).getByTestId('unknown-person')).toBeVisible();
    const [linked] = await sendFromPanel(panelOf(gmail), [
      {
        action: 'link-person',
        requestId: 'link-1',
        contactId: 'bert',
        person: { email: 'juergen.mueller@mueller-hausbau.de' },
      },
    ]);
    expect(linked?.ok).toBe(true);

    await editor.getByTestId('contact-save').click();
    await expect(editor.getByTestId('toast')).toContainText('Änderungen an Bert Vogel gespeichert');
    await expect(editor.getByTestId('edit-conflict')).toHaveCount(0);
    const [stored] = (await readTables(ext, ['contacts'])).contacts.filter((c) => c.id === 'bert');
    expect(stored).toMatchObject({
      notes: 'Segelt im Sommer',
      emails: ['bert@vogel.de', 'juergen.mueller@mueller-hausbau.de'],
    });
    await expect(editor.locator('#c-emails')).toHaveValue(
      'bert@vogel.de\njuergen.mueller@mueller-hausbau.de',
    );
  });

  test('a field changed on both sides is shown with the stored value, and the user decides', async ({
    ext,
  }) => {
    await seed(ext, [bertHistory]);
    const editor = await ext.openPage('options.html#/contacts/bert');
    await expect(editor.getByTestId('contact-page')).toBeVisible();
    await editor.locator('#c-notes').fill('Notiz aus diesem Tab');
    await editor.locator('#c-position').fill('Geschäftsführer');

    // Another tab saves a different note and a new company first.
    const other = await ext.openPage('options.html#/contacts/bert');
    await other.locator('#c-notes').fill('Notiz aus dem anderen Tab');
    await other.locator('#c-company').fill('Vogel & Söhne KG');
    await other.getByTestId('contact-save').click();
    await expect(other.getByTestId('toast')).toContainText('gespeichert');

    await editor.getByTestId('contact-save').click();
    const conflict = editor.getByTestId('edit-conflict');
    await expect(conflict).toContainText('Bert Vogel wurde geändert, während Sie bearbeitet haben');
    await expect(conflict).toContainText('Notizen: jetzt gespeichert „Notiz aus dem anderen Tab“');
    // Nothing was written over the other tab's save yet; my other field is still in the form.
    let [stored] = (await readTables(ext, ['contacts'])).contacts.filter((c) => c.id === 'bert');
    expect(stored).toMatchObject({
      notes: 'Notiz aus dem anderen Tab',
      company: 'Vogel & Söhne KG',
    });
    await expect(editor.locator('#c-notes')).toHaveValue('Notiz aus diesem Tab');
    await expect(editor.locator('#c-company')).toHaveValue('Vogel & Söhne KG');

    await conflict
      .getByRole('button', { name: 'Gespeicherten Wert für Notizen übernehmen' })
      .click();
    await expect(editor.locator('#c-notes')).toHaveValue('Notiz aus dem anderen Tab');
    await expect(conflict).toHaveCount(0);
    await editor.getByTestId('contact-save').click();
    await expect(editor.getByTestId('toast')).toContainText('Änderungen an Bert Vogel gespeichert');
    [stored] = (await readTables(ext, ['contacts'])).contacts.filter((c) => c.id === 'bert');
    expect(stored).toMatchObject({
      notes: 'Notiz aus dem anderen Tab',
      company: 'Vogel & Söhne KG',
      position: 'Geschäftsführer',
    });
  });
});
