// Renders the toolbar and store icons from one SVG in headless Chromium (run: npx tsx
// tests/tools/make-icons.ts). The PNGs are committed; this is how to make them again.
import { chromium } from '@playwright/test';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="#138a73"/><stop offset="1" stop-color="#0b5447"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="28" fill="url(#g)"/>
  <path d="M40 30 v68 M40 66 L82 30 M54 54 L86 98" stroke="#fff" stroke-width="15" stroke-linecap="round" stroke-linejoin="round" fill="none"/>
  <circle cx="98" cy="34" r="13" fill="#f0a500" stroke="#0b5447" stroke-width="4"/>
</svg>`;

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 96, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  }
  await browser.close();
}

void main();
