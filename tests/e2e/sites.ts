// Fixture pages served as small single-page apps on the real sites' URLs: the thread or profile is
// rendered late (as the real apps do), navigation changes it without a page load (hash changes for
// Gmail and Outlook, pushState for XING and LinkedIn), and a strict CSP is sent.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { STRICT_CSP, serveSite } from './harness';

export interface Route {
  /** The full URL the fixture stands for. */
  url: string;
  /** Fixture file under tests/fixtures. */
  file: string;
  /** Text replacements that turn a fixture into another person's page. */
  replace?: [string, string][];
}

function load(r: Pick<Route, 'file' | 'replace'>): string {
  let html = readFileSync(`tests/fixtures/${r.file}`, 'utf8');
  for (const [from, to] of r.replace ?? []) html = html.split(from).join(to);
  return html;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function parts(html: string) {
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const styles = [...html.matchAll(/<style[\s\S]*?<\/style>/gi)].map((m) => m[0]).join('\n');
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  const metas = [...head.matchAll(/<(meta|link)\b[^>]*>/gi)].map((m) => m[0]).join('\n');
  const jsonLd = [...head.matchAll(/<script type="application\/ld\+json">[\s\S]*?<\/script>/gi)]
    .map((m) => m[0])
    .join('\n');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const bodyAttrs = /<body([^>]*)>/i.exec(html)?.[1] ?? '';
  const htmlAttrs = /<html([^>]*)>/i.exec(html)?.[1] ?? '';
  return { title, styles, metas, jsonLd, body, bodyAttrs, htmlAttrs };
}

const keyOf = (url: string) => {
  const u = new URL(url);
  return u.pathname.replace(/\/$/, '') + u.hash;
};

/** One document holding every route of a site; a tiny router renders the one the URL names. */
export function appDocument(routes: Route[], delayMs = 300): string {
  const first = parts(load(routes[0]!));
  const templates = routes
    .map((r) => {
      const p = parts(load(r));
      return `<template data-route="${escapeAttr(keyOf(r.url))}" data-title="${escapeAttr(p.title)}">${p.body}</template>`;
    })
    .join('\n');
  return `<!doctype html><html${first.htmlAttrs}><head><meta charset="utf-8"><title>Loading…</title>
${first.metas}
${first.jsonLd}
${routes.map((r) => parts(load(r)).styles).join('\n')}
</head><body${first.bodyAttrs}><div id="app-root"></div>
${templates}
<script>
(() => {
  const delay = ${delayMs};
  const key = () => location.pathname.replace(/\\/$/, '') + location.hash;
  const render = () => {
    const t = [...document.querySelectorAll('template[data-route]')].find((x) => x.dataset.route === key());
    const root = document.getElementById('app-root');
    document.title = t ? t.dataset.title : 'Not found';
    root.replaceChildren(t ? t.content.cloneNode(true) : document.createTextNode('Not found'));
  };
  const later = () => setTimeout(render, delay);
  window.addEventListener('hashchange', later);
  window.addEventListener('popstate', later);
  window.__go = (url) => { history.pushState({}, '', url); later(); };
  later();
})();
</script></body></html>`;
}

/** Serve the routes on their origin (one origin per call). */
export async function serveApp(
  context: BrowserContext,
  routes: Route[],
  options: { delayMs?: number; csp?: string } = {},
): Promise<void> {
  const origin = new URL(routes[0]!.url).origin;
  await serveSite(context, origin, appDocument(routes, options.delayMs), {
    csp: options.csp ?? STRICT_CSP,
  });
}

/** Navigate inside the app the way it does itself (no page load). */
export async function navigateInApp(page: Page, url: string): Promise<void> {
  const u = new URL(url);
  const current = new URL(page.url());
  if (u.pathname === current.pathname && u.hash !== current.hash)
    await page.evaluate((hash) => (location.hash = hash), u.hash);
  else
    await page.evaluate((href) => (window as unknown as { __go(u: string): void }).__go(href), url);
}

export const panelFrame = (page: Page) => page.frameLocator('iframe[src*="panel.html"]');

export const SITES = {
  gmail: {
    single: {
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
      file: 'gmail/2026-11-thread-single.html',
    },
    longCc: {
      url: 'https://mail.google.com/mail/u/0/#label/Kunden/FMfcgzQcqtXvlDVnphwbnChjvpShfKTg',
      file: 'gmail/2026-11-thread-long-cc.html',
    },
    inbox: { url: 'https://mail.google.com/mail/u/0/#inbox', file: 'gmail/2026-11-inbox.html' },
  },
  outlook: {
    readingPane: {
      url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX0%3D',
      file: 'outlook/2026-11-reading-pane.html',
    },
  },
  xing: {
    profile: {
      url: 'https://www.xing.com/profile/Sabine_Koehler',
      file: 'xing/2026-11-profile.html',
    },
    cv: {
      url: 'https://www.xing.com/profile/Sabine_Koehler/cv',
      file: 'xing/2026-11-profile-cv.html',
    },
    search: {
      url: 'https://www.xing.com/search/members',
      file: 'xing/2026-11-search.html',
    },
  },
  linkedin: {
    profile: {
      url: 'https://www.linkedin.com/in/jonas-weber-7b3a91152/',
      file: 'linkedin/2026-11-profile.html',
    },
    feed: { url: 'https://www.linkedin.com/feed/', file: 'linkedin/2026-11-feed.html' },
  },
} as const;
