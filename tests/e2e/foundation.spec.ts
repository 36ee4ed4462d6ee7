import { readFileSync } from 'node:fs';
import { STRICT_CSP, expect, serveSite, test } from './harness';
import { history, seed } from './seed';

const GMAIL_THREAD = readFileSync('tests/fixtures/gmail/2026-11-thread-single.html', 'utf8');
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMxvbkxBRTvLnSqqbDwLDsZm';

test('the dashboard says what to do when empty, then shows the demo customers', async ({ ext }) => {
  const page = await ext.openPage('options.html');
  await expect(page.getByText('Noch keine Kontakte')).toBeVisible();
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('Demodaten geladen')).toBeVisible();
  const rows = page.getByTestId('contacts-table').locator('tbody tr');
  await expect(rows)
    .toHaveCount(40, { timeout: 10_000 })
    .catch(async () => {
      expect(await rows.count()).toBeGreaterThanOrEqual(35);
    });

  const popup = await ext.openPage('popup.html');
  await expect(popup.getByTestId('due-count')).toHaveText(/\d+ Kontakte? fällig/);
  await expect(popup.getByTestId('agenda-item').first()).toBeVisible();
});

test.describe('in an English browser', () => {
  test.use({ uiLocale: 'en-US' });
  test('the popup speaks English', async ({ ext }) => {
    const popup = await ext.openPage('popup.html');
    await expect(popup.getByTestId('empty-day')).toContainText('Nothing due today');
  });
});

test('the panel shows the known person next to a Gmail thread, under a strict CSP', async ({
  ext,
}) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-juergen',
        name: 'Jürgen Müller',
        emails: ['juergen.mueller@mueller-hausbau.de'],
        company: 'Müller Bauprojekte Süd',
        notes: 'Geheime Notiz: plant Umzug nach Hamburg',
      },
      purchases: [{ id: 'p-1', contactId: 'c-juergen', at: '2026-06-01', amount: 12000 }],
    }),
  ]);
  await serveSite(ext.context, 'https://mail.google.com', GMAIL_THREAD, { csp: STRICT_CSP });
  const gmail = await ext.context.newPage();
  await gmail.goto(THREAD_URL);
  const panel = gmail.frameLocator('iframe[src*="panel.html"]');
  await expect(panel.getByTestId('contact-card')).toContainText('Jürgen Müller');
  await expect(panel.getByTestId('tier-badge')).toHaveText('A');
  // The host page's own scripts see neither the note nor the name inside our frame.
  const hostSees = await gmail.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[src*="panel.html"]');
    let inside = '';
    try {
      inside = frame?.contentDocument?.body?.innerText ?? '';
    } catch {
      inside = '';
    }
    return document.documentElement.outerHTML + inside;
  });
  expect(hostSees.includes('Geheime Notiz'), 'the note leaked into the host page').toBe(false);
  expect(hostSees.includes('Bauprojekte Süd'), 'the company leaked into the host page').toBe(false);
  await gmail.screenshot({ path: 'docs/panel-gmail.png' });
});
