// Privacy and isolation, proven in Chromium.
import { readFileSync } from 'node:fs';
import { expect, serveSite, test } from './harness';
import { history, seed } from './seed';
import { SITES, panelFrame, serveApp } from './sites';

test('the host page cannot read a contact’s note or the panel’s content', async ({ ext }) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-jm',
        name: 'Jürgen Müller',
        emails: ['juergen.mueller@mueller-hausbau.de'],
        notes: 'Vertraulich: Nachfolge in der Firma ungeklärt',
        interests: ['Oldtimer-Rallyes'],
      },
    }),
  ]);
  await serveApp(ext.context, [SITES.gmail.single]);
  const page = await ext.context.newPage();
  await page.goto(SITES.gmail.single.url);
  await expect(panelFrame(page).getByTestId('contact-card')).toContainText('Oldtimer-Rallyes');
  const seenByPage = await page.evaluate(() => {
    const frame = document.querySelector('iframe');
    let inside = '';
    try {
      inside = frame?.contentDocument?.documentElement.outerHTML ?? 'no access';
    } catch (e) {
      inside = `blocked: ${(e as Error).name}`;
    }
    const shadow = [...document.querySelectorAll('*')]
      .map((el) => el.shadowRoot?.innerHTML ?? '')
      .join('');
    return { dom: document.documentElement.outerHTML + shadow, inside, src: frame?.src ?? '' };
  });
  expect(seenByPage.dom.includes('Oldtimer'), 'interests in the host DOM').toBe(false);
  expect(seenByPage.dom.includes('Nachfolge'), 'note in the host DOM').toBe(false);
  expect(seenByPage.inside.includes('Oldtimer'), 'host read into the frame').toBe(false);
  // The frame's URL carries no data (the host page can read it).
  expect(seenByPage.src).toMatch(/^chrome-extension:\/\/[^/]+\/panel\.html$/);
});

test('a page on another site cannot load the panel', async ({ ext }) => {
  const attackerHtml = `<!doctype html><html><body><h1>Attacker</h1>
    <iframe id="f" src="chrome-extension://${ext.extensionId}/panel.html"></iframe></body></html>`;
  await serveSite(ext.context, 'https://attacker.example', attackerHtml);
  const page = await ext.context.newPage();
  await page.goto('https://attacker.example/');
  const fetched = await page.evaluate(async (url) => {
    try {
      const r = await fetch(url);
      return `status ${r.status}`;
    } catch {
      return 'refused';
    }
  }, `chrome-extension://${ext.extensionId}/panel.html`);
  expect(fetched).toBe('refused');
  // The iframe is blocked by the browser: no frame with the panel's page exists.
  await page.waitForTimeout(500);
  const panelFrames = page
    .frames()
    .filter((f) => f.url().includes('/panel.html') && f !== page.mainFrame());
  for (const f of panelFrames) {
    const text = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    expect(text).not.toContain('Kundennah');
  }
});

test('the extension makes no network request of its own', async ({ ext }) => {
  const foreign: string[] = [];
  const watch = (url: string) => {
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:'))
      return;
    if (url.startsWith('https://mail.google.com/')) return; // the routed fixture itself
    foreign.push(url);
  };
  ext.context.on('request', (r) => watch(r.url()));
  await ext.context.route('**/*', (route) => {
    watch(route.request().url());
    return route.fallback();
  });
  await serveSite(
    ext.context,
    'https://mail.google.com',
    readFileSync('tests/fixtures/gmail/2026-11-thread-single.html', 'utf8'),
  );
  const dashboard = await ext.openPage('options.html');
  await dashboard.getByTestId('load-demo').click();
  await expect(dashboard.getByText('Demodaten geladen')).toBeVisible();
  const popup = await ext.openPage('popup.html');
  await expect(popup.getByTestId('agenda')).toBeVisible();
  const page = await ext.context.newPage();
  await page.goto(SITES.gmail.single.url);
  await expect(panelFrame(page).locator('main, .empty, [data-testid]').first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(foreign).toEqual([]);
});
