// "When a page changes under us" (issue 14): on every site, a thread or profile whose DOM changed so
// that nobody can be read shows, after about five seconds, "Kundennah kann diese Seite gerade nicht
// lesen"; its diagnostic report opens, names selectors with counts and no person, and copies. A
// normal page never shows the notice, and the notice goes as soon as a person is read again.
import type { FrameLocator, Page } from '@playwright/test';
import type { Site } from '@/lib/sites/page-context';
import { CHANGED_PAGES } from '../support/changed-pages';
import { expect, test, type Extension } from './harness';
import { SITES, navigateInApp, panelFrame, serveApp, type Route } from './sites';

interface SiteCase {
  site: Site;
  /** A normal page of the same app (another thread or profile), with the person it shows. */
  normal: Route & { person: string };
  /** A selector of the site's reader that the report must list with its count. */
  selector: string;
  sidePanel?: boolean;
}

const CASES: SiteCase[] = [
  {
    site: 'gmail',
    normal: { ...SITES.gmail.longCc, person: 'Anna Schmidt' },
    selector: 'span.gD',
  },
  {
    site: 'outlook',
    normal: {
      url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX1%3D',
      file: 'outlook/2026-11-reading-pane.html',
      person: 'Anna Schmidt',
    },
    selector: '[aria-label^="From:"]',
  },
  {
    site: 'xing',
    normal: { ...SITES.xing.cv, person: 'Sabine Köhler' },
    selector: '#XingIdModule h1',
  },
  {
    site: 'linkedin',
    sidePanel: true,
    normal: {
      url: 'https://www.linkedin.com/in/jonas-weber-7b3a91152/details/experience/',
      file: 'linkedin/2026-11-details-experience.html',
      person: 'Jonas Weber',
    },
    selector: 'section[data-member-id] h1',
  },
];

async function panelOf(ext: Extension, page: Page, c: SiteCase): Promise<FrameLocator | Page> {
  if (!c.sidePanel) return panelFrame(page);
  const side = await ext.openPage('sidepanel.html');
  await side.setViewportSize({ width: 360, height: 900 });
  return side;
}

for (const c of CASES) {
  test(`${c.site}: a changed page says it cannot be read and offers a report without names`, async ({
    ext,
  }) => {
    test.setTimeout(60_000);
    const changed = CHANGED_PAGES[c.site];
    await serveApp(ext.context, [c.normal, { ...changed }]);
    const origin = new URL(changed.url).origin;
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await ext.context.newPage();
    await page.goto(c.normal.url);
    const panel = await panelOf(ext, page, c);
    const notice = panel.getByTestId('unreadable');

    // 1. A normal page: the person, and no notice even well after five seconds.
    await expect(panel.getByTestId('unknown-person')).toContainText(c.normal.person);
    await page.waitForTimeout(6500);
    await expect(notice).toHaveCount(0);

    // 2. The app changed its DOM: nobody can be read. Not at once (the app may still render) …
    await navigateInApp(page, changed.url);
    const shownAfter = Date.now();
    await page.waitForTimeout(2500);
    await expect(notice).toHaveCount(0);
    // … but after about five seconds, said plainly.
    await expect(notice).toContainText(
      'Kundennah kann diese Seite gerade nicht lesen – vermutlich hat sich die Seite geändert',
      { timeout: 10_000 },
    );
    expect(Date.now() - shownAfter).toBeGreaterThan(4500);
    await expect(panel.getByTestId('unknown-person')).toHaveCount(0);

    // 3. The report opens: selectors with their counts, the app's language, no person.
    await panel.getByTestId('diagnosis-toggle').click();
    const report = panel.getByTestId('diagnosis-report');
    await expect(report).toBeVisible();
    const text = await report.inputValue();
    expect(text).toContain('Kundennah diagnostic report');
    expect(text).toContain(`page: ${c.site} `);
    expect(text).toMatch(
      new RegExp(`^\\s+0 {2}${c.selector.replace(/[[\]^$.*+?()|\\]/g, '\\$&')}$`, 'm'),
    );
    for (const secret of changed.private) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    await expect(panel.getByText('Kundennah sendet nichts.')).toBeVisible();
    if (c.site === 'gmail') await page.screenshot({ path: 'docs/panel-unreadable.png' });

    // 4. Copy: the report lands on the clipboard, nowhere else.
    await panel.getByTestId('diagnosis-copy').click();
    await expect(panel.getByTestId('diagnosis-copied')).toContainText('Kopiert');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(text);

    // 5. Somebody readable again: the notice goes at once.
    await navigateInApp(page, c.normal.url);
    await expect(panel.getByTestId('unknown-person')).toContainText(c.normal.person);
    await expect(notice).toHaveCount(0);
    expect(ext.errors).toEqual([]);
  });
}
