// `npm start`: build, then open Chromium with Kundennah and the demo data where a display exists;
// otherwise print how to load the extension by hand.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const EXT = resolve('.output/chrome-mv3');
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter((p): p is string => !!p);

function howToLoad(reason: string): void {
  console.log(`
${reason}

Kundennah is built in ${EXT}. To load it by hand:
  Chrome / Edge / Chromium: open chrome://extensions, switch on "Developer mode",
    click "Load unpacked" and choose ${EXT}
  Firefox: run "npm run build:firefox", open about:debugging#/runtime/this-firefox,
    click "Load Temporary Add-on…" and choose .output/firefox-mv3/manifest.json
Then open the dashboard (the extension's options page) and click "Load demo data".
`);
}

async function main() {
  console.log('Building Kundennah…');
  execSync('npx wxt build', { stdio: 'inherit' });
  const browserPath = CANDIDATES.find((p) => existsSync(p));
  const hasDisplay =
    process.platform === 'darwin' ||
    process.platform === 'win32' ||
    !!process.env.DISPLAY ||
    !!process.env.WAYLAND_DISPLAY;
  if (!hasDisplay) return howToLoad('No display found, so no browser window is opened.');
  if (!browserPath)
    return howToLoad('No Chromium or Chrome found (set CHROMIUM_PATH to use another).');

  const profile = mkdtempSync(join(tmpdir(), 'kundennah-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: false,
    viewport: null,
    args: [
      '--no-first-run',
      '--disable-sync',
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByTestId('load-demo').click();
  await page.getByText(/Demodaten geladen|Demo data loaded/).waitFor();
  console.log(
    `Kundennah is running with demo data (profile ${profile}). Close the window to stop.`,
  );
  await new Promise<void>((done) => context.on('close', () => done()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
