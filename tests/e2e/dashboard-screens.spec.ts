// Screenshots of the dashboard with the demo data (German, headless Chromium) for the docs, taken
// after checking that each page shows what it should.
import { expect, test } from './harness';

test('contacts, a contact page and the insights with the demo data', async ({ ext }) => {
  const page = await ext.openPage('options.html');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('load-demo').click();
  await expect(page.getByRole('status')).toContainText('Demodaten geladen');
  const rows = page.getByTestId('contacts-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await page.getByTestId('sort-next').click();
  await expect(page.getByTestId('contacts-table').locator('th[aria-sort="ascending"]')).toHaveText(
    /Nächster Kontakt/,
  );
  await page.screenshot({ path: 'docs/dashboard.png' });

  // The contact page of the first (most overdue) contact.
  await rows.first().click();
  await expect(page.getByTestId('contact-page')).toBeVisible();
  await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
  await expect(page.getByTestId('next-touch')).toBeVisible();
  await page.screenshot({ path: 'docs/contact.png' });

  await page.getByRole('link', { name: 'Auswertungen' }).click();
  await expect(page.getByTestId('tier-chart')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'docs/insights.png', fullPage: true });

  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await page.screenshot({ path: 'docs/settings.png' });
});
