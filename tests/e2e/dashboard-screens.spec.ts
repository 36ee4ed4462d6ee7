// Screenshots of the dashboard with the demo data (German, headless Chromium) for the docs, taken
// after checking that each page shows what it should.
import { expect, test } from './harness';

test('contacts, a contact page, insights, duplicates and settings with the demo data', async ({
  ext,
}) => {
  const page = await ext.openPage('options.html');
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('Demodaten geladen')).toBeVisible();
  const rows = page.getByTestId('contacts-table').locator('tbody tr');
  await expect(rows).toHaveCount(40);
  // The most overdue next touches first: what a Monday morning looks like.
  await page.getByTestId('sort-next').click();
  await expect(
    page.getByTestId('contacts-table').locator('th[aria-sort="ascending"]'),
  ).toContainText('Nächster Kontakt');
  await page.reload();
  await expect(rows).toHaveCount(40);
  await expect(rows.first().locator('td.c-next')).toContainText('überfällig');
  await page.screenshot({ path: 'docs/dashboard.png' });

  // A customer with an open complaint: warnings, the call to make, the history.
  await page.getByTestId('contact-search').fill('Matthias Schäfer');
  await expect(rows).toHaveCount(1);
  await rows.first().press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dr. Matthias Schäfer');
  await expect(page.getByTestId('risks')).toContainText('Beschwerde');
  await expect(page.getByTestId('next-touch')).toContainText('Beschwerde');
  await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
  await page.screenshot({ path: 'docs/contact.png' });

  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.getByRole('link', { name: 'Auswertungen' }).click();
  await expect(page.getByTestId('tier-chart')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('pareto-caption')).toContainText('bringen');
  await expect(page.getByTestId('insights-lost')).toContainText('Nach Grund');
  await page.screenshot({ path: 'docs/insights.png' });

  // A second record of a demo customer, as a careless import would create it.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: 'Kontakte', exact: true }).click();
  await page.getByTestId('add-contact').click();
  const form = page.getByTestId('add-contact-form');
  await form.getByLabel('Name *').fill('A. Müller');
  await form.getByLabel('Firma').fill('Müller Bau');
  await form.getByLabel('Telefon').fill('+49 89 4455660');
  await form.getByRole('button', { name: 'Anlegen und öffnen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A. Müller');
  await page.getByRole('link', { name: 'Dubletten' }).click();
  const group = page.getByTestId('duplicate-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('Dr. Andreas Müller');
  await expect(group).toContainText('ähnlicher Name, gleiche Firma');
  await page.getByTestId('toast').getByRole('button', { name: 'Schließen' }).click();
  await page.screenshot({ path: 'docs/duplicates.png' });

  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await page.screenshot({ path: 'docs/settings.png' });
});
