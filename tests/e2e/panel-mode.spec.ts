// The panel mode chosen in the dashboard's settings reaches the open tabs at once: the injected panel
// goes away from an open Gmail tab when the side panel is chosen and comes back, without a reload.
import { expect, test } from './harness';
import { history, seed } from './seed';
import { SITES, panelFrame, serveApp } from './sites';

test('an open Gmail tab follows the panel mode chosen in the settings', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-jm',
        name: 'Jürgen Müller',
        emails: ['juergen.mueller@mueller-hausbau.de'],
      },
    }),
  ]);
  await serveApp(ext.context, [SITES.gmail.single]);
  const gmail = await ext.context.newPage();
  await gmail.goto(SITES.gmail.single.url);
  const iframe = gmail.locator('iframe[src*="panel.html"]');
  const handle = gmail.locator('kundennah-handle');
  await expect(panelFrame(gmail).getByTestId('contact-card')).toContainText('Jürgen Müller');
  await expect(handle).toHaveCount(1);
  // Marks this document: a reload would lose it.
  await gmail.evaluate(
    () => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true),
  );

  const settings = await ext.openPage('options.html#/settings');
  const gmailMode = settings.getByLabel('Gmail', { exact: true });
  const save = async (mode: string) => {
    await gmailMode.selectOption(mode);
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByText('Einstellungen gespeichert.').last()).toBeVisible();
  };

  // The side panel instead: the injected one goes away from the open tab.
  await save('sidepanel');
  await expect(iframe).toHaveCount(0);
  await expect(handle).toHaveCount(0);

  // And back next to the page.
  await save('injected');
  await expect(panelFrame(gmail).getByTestId('contact-card')).toContainText('Jürgen Müller');
  await expect(handle).toHaveCount(1);

  expect(
    await gmail.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
});
