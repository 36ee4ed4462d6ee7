// Privacy and isolation, proven in Chromium.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, serveSite, test, type Extension } from './harness';
import { history, readTables, seed } from './seed';
import { SITES, navigateInApp, panelFrame, serveApp } from './sites';

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

// ---- issue 15, point 1: the page cannot switch Kundennah off ------------------------------------

/** Listen, in the page's own world, for anything Kundennah might say to it. */
async function recordWhatThePageHears(page: Page, extensionId: string) {
  await page.addInitScript((id) => {
    const heard: string[] = [];
    const w = window as unknown as { __heard: string[]; __forging?: boolean };
    w.__heard = heard;
    const hear = (what: string) => {
      if (!w.__forging) heard.push(what);
    };
    window.addEventListener('message', (e) => {
      // What the page posts itself while forging arrives after it is done: marked `forged`.
      if (!JSON.stringify(e.data).includes('forged')) hear(`message ${JSON.stringify(e.data)}`);
    });
    // The names WXT's context used: `<extension id>:<script>:wxt:<event>`.
    for (const script of ['gmail', 'outlook', 'xing', 'linkedin'])
      for (const event of ['wxt:content-script-started', 'wxt:locationchange']) {
        const name = `${id}:${script}:${event}`;
        document.addEventListener(name, () => hear(`document ${name}`));
        window.addEventListener(name, () => hear(`window ${name}`));
      }
  }, extensionId);
}

const heardBy = (page: Page) =>
  page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);

test('the host page can neither stop Kundennah with a forged start event nor hear its id', async ({
  ext,
}) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-jm',
        name: 'Jürgen Müller',
        emails: ['juergen.mueller@mueller-hausbau.de'],
      },
    }),
  ]);
  await serveApp(ext.context, [SITES.gmail.single, SITES.gmail.longCc]);
  const page = await ext.context.newPage();
  await recordWhatThePageHears(page, ext.extensionId);
  await page.goto(SITES.gmail.single.url);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Jürgen Müller');

  // The page knows the id (a store extension's id is public) and forges what a newer copy of the
  // script would announce: the document event, the older postMessage form, and the shortcut key.
  await page.evaluate((id) => {
    const w = window as unknown as { __forging?: boolean };
    w.__forging = true;
    for (const script of ['gmail', 'outlook', 'xing', 'linkedin']) {
      const type = `${id}:${script}:wxt:content-script-started`;
      const detail = { contentScriptName: script, messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
      window.postMessage({ event: type, ...detail }, '*');
    }
    for (const target of [window, document])
      target.dispatchEvent(
        new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyK', bubbles: true }),
      );
    // And a click on the handle that collapses the panel, from a script.
    document.querySelector('kundennah-handle')?.shadowRoot?.querySelector('button')?.click();
    w.__forging = false;
  }, ext.extensionId);
  await page.waitForTimeout(500);

  // Still there, still open, and still following the app to the next thread.
  await expect(page.locator('iframe[src*="panel.html"]')).toBeVisible();
  await expect(page.locator('kundennah-handle button')).toHaveAttribute('aria-expanded', 'true');
  await navigateInApp(page, SITES.gmail.longCc.url);
  await expect(panel.getByTestId('people')).toContainText('Sabine Köhler');

  // Nothing the page heard carries the extension's id (besides what the page itself sent).
  const heard = await heardBy(page);
  expect(heard.filter((h) => h.includes(ext.extensionId))).toEqual([]);
  expect(heard.filter((h) => h.startsWith('document') || h.startsWith('window'))).toEqual([]);
});

// ---- issue 15, point 2: the page cannot act through a panel -----------------------------------

async function interactionsOf(ext: Extension, contactId: string) {
  const { interactions } = await readTables(ext, ['interactions']);
  return interactions.filter((i) => i.contactId === contactId);
}

/** The page embeds panel.html itself (the URL is readable from Kundennah's own frame). */
async function embedSecondPanel(page: Page, style: string) {
  await page.evaluate((css) => {
    const real = document.querySelector<HTMLIFrameElement>('iframe[src*="panel.html"]')!;
    const bait = document.createElement('button');
    bait.textContent = 'Jetzt gewinnen!';
    bait.style.cssText = 'position:fixed;left:40px;top:40px;width:300px;height:600px';
    const evil = document.createElement('iframe');
    evil.id = 'evil';
    evil.src = real.src;
    evil.style.cssText = `position:fixed;left:40px;top:40px;width:300px;height:600px;border:0;z-index:2147483647;${css}`;
    document.body.append(bait, evil);
  }, style);
  return page.frameLocator('#evil');
}

/** Click where the user sees (or is made to see) something else: by position, as a person does. */
async function clickAt(page: Page, target: Locator) {
  const box = (await target.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('a panel the page embeds itself writes nothing, invisible or not; Kundennah’s own panel still writes', async ({
  ext,
}) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-jm',
        name: 'Jürgen Müller',
        emails: ['juergen.mueller@mueller-hausbau.de'],
      },
    }),
  ]);
  await serveApp(ext.context, [SITES.gmail.single], { csp: '' });
  const page = await ext.context.newPage();
  await page.goto(SITES.gmail.single.url);
  const real = page.frameLocator('iframe[src*="panel.html"]:not(#evil)');
  await expect(real.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Jürgen Müller');

  // An invisible second panel over the page's own bait button: the user clicks "the button".
  const evil = await embedSecondPanel(page, 'opacity:0');
  await expect(evil.getByTestId('log-contact')).toBeVisible();
  await page.waitForTimeout(500);
  await clickAt(page, evil.getByTestId('log-contact'));
  await expect(evil.getByRole('alert')).toContainText('verdeckt oder durchsichtig');
  // The same frame made visible (a page may also just show it): no key, so still nothing written.
  await page.evaluate(() => (document.getElementById('evil')!.style.opacity = '1'));
  await page.waitForTimeout(600);
  await clickAt(page, evil.getByTestId('log-contact'));
  await expect(evil.getByRole('alert')).toContainText('nicht Kundennah eingefügt');
  expect(await interactionsOf(ext, 'c-jm')).toEqual([]);

  await page.evaluate(() => document.getElementById('evil')!.remove());
  await real.getByTestId('log-contact').click();
  await expect(real.getByTestId('toast')).toContainText('Kontakt festgehalten');
  await expect.poll(async () => (await interactionsOf(ext, 'c-jm')).length).toBe(1);
});

test('Kundennah’s own panel writes nothing while the page makes it see-through or covers it', async ({
  ext,
}) => {
  await seed(ext, [
    history({
      contact: {
        id: 'c-jm',
        name: 'Jürgen Müller',
        emails: ['juergen.mueller@mueller-hausbau.de'],
      },
    }),
  ]);
  await serveApp(ext.context, [SITES.gmail.single], { csp: '' });
  const page = await ext.context.newPage();
  await page.goto(SITES.gmail.single.url);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Jürgen Müller');
  const log = panel.getByTestId('log-contact');

  // Nearly transparent, over the page's bait.
  await page.evaluate(() => {
    document.querySelector<HTMLElement>('iframe[src*="panel.html"]')!.parentElement!.style.opacity =
      '0.02';
  });
  await page.waitForTimeout(500);
  await clickAt(page, log);
  await expect(panel.getByRole('alert')).toContainText('verdeckt oder durchsichtig');

  // Opaque again, but under a layer of the page's own that lets clicks through.
  await page.evaluate(() => {
    document.querySelector<HTMLElement>('iframe[src*="panel.html"]')!.parentElement!.style.opacity =
      '1';
    const cover = document.createElement('div');
    cover.id = 'cover';
    cover.textContent = 'Klicken Sie hier, um fortzufahren';
    cover.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;opacity:.98';
    document.body.append(cover);
  });
  await page.waitForTimeout(500);
  await clickAt(page, log);
  await expect(panel.getByRole('alert')).toContainText('verdeckt oder durchsichtig');
  expect(await interactionsOf(ext, 'c-jm')).toEqual([]);

  // Uncovered: the same click writes.
  await page.evaluate(() => document.getElementById('cover')!.remove());
  await page.waitForTimeout(500);
  await clickAt(page, log);
  await expect(panel.getByTestId('toast')).toContainText('Kontakt festgehalten');
  await expect.poll(async () => (await interactionsOf(ext, 'c-jm')).length).toBe(1);
});

// ---- issue 15, point 3: what the background accepts -------------------------------------------

/** Run `expression` in Kundennah's content-script world of `page` (as a hijacked script would). */
async function inContentScript(page: Page, extensionId: string) {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] =
    [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
  await cdp.send('Runtime.enable');
  const world = await expect
    .poll(() =>
      worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId)),
    )
    .toBeDefined()
    .then(() =>
      worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId)),
    );
  return async (expression: string): Promise<unknown> => {
    const r = await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
    return r.result.value;
  };
}

test('a content script cannot speak for another site, tell the background that data changed, or flood it', async ({
  ext,
}) => {
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
  const page = await ext.context.newPage();
  await page.goto(SITES.gmail.single.url);
  const panel = panelFrame(page);
  await expect(panel.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Jürgen Müller');
  const run = await inContentScript(page, ext.extensionId);
  const send = (message: object) =>
    run(`chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => r ?? null)`);

  // The Gmail script claims a XING profile: refused, the tab still shows Jürgen Müller.
  const xing = {
    site: 'xing',
    kind: 'profile',
    people: [{ name: 'Sabine Köhler', profileUrl: 'https://www.xing.com/profile/Sabine_Koehler' }],
  };
  expect(await send({ type: 'content:context', context: xing })).toBeNull();
  // Pages' messages from a content script: refused.
  expect(await send({ type: 'page:ensure-fresh' })).toBeNull();
  expect(
    await send({ type: 'page:data-changed', contactIds: ['c-jm'], tables: ['contacts'] }),
  ).toBeNull();
  // 5,000 people on one page: refused, not stored.
  const many = Array.from({ length: 5000 }, (_, i) => ({
    name: `Person ${i}`,
    email: `p${i}@x.de`,
  }));
  expect(
    await send({
      type: 'content:context',
      context: { site: 'gmail', kind: 'thread', people: many },
    }),
  ).toBeNull();

  // A flood of such messages leaves the background answering our own pages promptly.
  const flood = await run(`(async () => {
    const big = { type: 'content:context', context: { site: 'gmail', kind: 'thread',
      people: Array.from({ length: 5000 }, (_, i) => ({ name: 'P' + i })) } };
    const claims = { type: 'content:context', context: ${JSON.stringify(xing)} };
    const all = [];
    for (let i = 0; i < 300; i++) {
      all.push(chrome.runtime.sendMessage(i % 3 ? claims : big));
      all.push(chrome.runtime.sendMessage({ type: 'page:data-changed', contactIds: ['c-jm'], tables: ['contacts'] }));
    }
    return (await Promise.all(all)).filter((r) => r !== undefined).length;
  })()`);
  expect(flood).toBe(0);
  const dashboard = await ext.openPage('options.html');
  const answeredIn = await dashboard.evaluate(async () => {
    const started = performance.now();
    await (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome.runtime.sendMessage({ type: 'page:ensure-fresh' });
    return performance.now() - started;
  });
  expect(answeredIn).toBeLessThan(3000);

  // What the background keeps for the tab is still Gmail's page, and the panel still shows it.
  const sw = await ext.sw();
  const stored = await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
    };
    const all = await chrome.storage.session.get(null);
    return Object.entries(all)
      .filter(([k]) => /^tab:\d+$/.test(k))
      .map(([, v]) => (v as { context: { site: string; people: unknown[] } | null }).context);
  });
  expect(stored).toEqual([expect.objectContaining({ site: 'gmail', people: [expect.anything()] })]);
  await expect(panel.getByTestId('contact-card')).toHaveAttribute('aria-label', 'Jürgen Müller');
});
