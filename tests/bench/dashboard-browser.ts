// Runs inside extension pages of the built extension (bundled by tests/bench/dashboard.ts):
// writes 10,000 bench contacts and their derived summaries into the extension's database, and
// measures the dashboard's contacts table — keystroke to painted rows, scroll to painted rows —
// next to the same work done the plainest way (a plain input, a plain array, innerHTML).
import { computeTiers, createContext, foldText, todayIn } from '../../lib/core';
import {
  DERIVED_VERSION,
  DIRTY_KEY,
  KundennahDB,
  emptyMarks,
  deriveContact,
  effectiveSettings,
  settingsKey,
  type SummaryRow,
} from '../../lib/db';
import { generateBenchData } from '../support/bench-data';
import { median } from './figures';

declare const chrome: { i18n: { getUILanguage(): string } };

/**
 * The table's data: contacts and their summaries (the rows the table reads), derived with the core
 * from the full bench histories in memory. The other records are not written: the table never
 * reads them, and writing 270,000 records takes minutes here. The derived state is marked fresh
 * for today and these settings, so the background keeps the rows as they are.
 */
export async function setup(): Promise<{ contacts: number; ms: number }> {
  const t0 = performance.now();
  const now = new Date();
  const settings = effectiveSettings({}, chrome.i18n.getUILanguage());
  const histories = generateBenchData({ now });
  const tiers = computeTiers(histories, settings, now);
  const ctx = createContext(settings, now);
  const summaries = histories.map(
    (h) => deriveContact(h, tiers[h.contact.id] ?? { tier: 'C', reason: '' }, ctx).summary,
  );
  const db = new KundennahDB();
  await db.open();
  await db.transaction('rw', [db.contacts, db.summaries, db.meta], async () => {
    await db.contacts.clear();
    await db.summaries.clear();
    await db.contacts.bulkAdd(histories.map((h) => h.contact));
    await db.summaries.bulkAdd(summaries);
    await db.meta.put({
      key: 'derived',
      value: {
        version: DERIVED_VERSION,
        day: todayIn(now, settings.timeZone),
        settingsKey: settingsKey(settings),
      },
    });
    // The rows follow these writes already: no contact is left marked for the deriver.
    await db.meta.put({ key: DIRTY_KEY, value: emptyMarks() });
  });
  db.close();
  return { contacts: histories.length, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// Timing one keystroke: from the key event's own time stamp to the frame after the input was
// handled (React handles an input event synchronously; the rows are in the DOM when the event has
// bubbled up to the window, and the next animation frame paints them).

let pending: Promise<number> | null = null;

function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }),
  );
}

/** Arm the listeners for the next keystroke; `keystrokeDone` resolves with its milliseconds. */
export function armKeystroke(): void {
  pending = new Promise<number>((resolve) => {
    let start = 0;
    window.addEventListener('keydown', (e) => (start = e.timeStamp), {
      capture: true,
      once: true,
    });
    window.addEventListener(
      'input',
      () => void afterPaint().then(() => resolve(performance.now() - start)),
      { once: true },
    );
  });
}

export function keystrokeDone(): Promise<number> {
  const p = pending;
  pending = null;
  if (!p) throw new Error('armKeystroke first');
  return p;
}

/** The time (ms since the page's navigation started) when the table's first rows were painted. */
export function rowsPaintedAt(): Promise<number> {
  return new Promise((resolve) => {
    const ready = () => !!document.querySelector('[data-testid="contacts-table"] tbody tr');
    const done = () => void afterPaint().then(() => resolve(performance.now()));
    if (ready()) return done();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      done();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** Rows the dashboard's table says it holds (aria-rowcount minus the header row). */
export function tableRowCount(): number {
  const table = document.querySelector('[data-testid="contacts-table"]');
  return Number(table?.getAttribute('aria-rowcount') ?? 1) - 1;
}

// ---------------------------------------------------------------------------------------------
// The floor: the same search over a plain array of the same summaries, rows written with innerHTML.

let plainRows: { search: string; html: string }[] = [];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Read the summaries with plain IndexedDB (the floor of loading them) and build the plain page. */
export async function installFloor(): Promise<{ readMs: number; count: number }> {
  const t0 = performance.now();
  const rows = await new Promise<SummaryRow[]>((resolve, reject) => {
    const req = indexedDB.open('kundennah');
    req.onsuccess = () => {
      const get = req.result.transaction('summaries').objectStore('summaries').getAll();
      get.onsuccess = () => {
        resolve(get.result as SummaryRow[]);
        req.result.close();
      };
      get.onerror = () => reject(get.error);
    };
    req.onerror = () => reject(req.error);
  });
  const readMs = performance.now() - t0;
  plainRows = rows
    .map((r) => ({
      name: r.name,
      search: r.search,
      html: `<tr><td>${escape(r.name)}</td><td>${escape(r.company ?? '')}</td><td>${r.tier}</td><td>${r.next?.due ?? ''}</td></tr>`,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const box = document.createElement('div');
  box.id = 'bench-floor';
  box.style.cssText =
    'position:fixed;inset:0;background:#fff;z-index:99;display:flex;flex-direction:column';
  box.innerHTML =
    '<input id="bench-floor-input" style="margin:8px;font:inherit">' +
    '<div id="bench-floor-scroll" style="flex:1;overflow:auto;position:relative">' +
    '<div id="bench-floor-spacer"></div><table id="bench-floor-table" style="position:absolute;top:0;left:0;right:0"><tbody></tbody></table></div>';
  document.body.append(box);
  const input = box.querySelector<HTMLInputElement>('#bench-floor-input')!;
  const scroller = box.querySelector<HTMLDivElement>('#bench-floor-scroll')!;
  const spacer = box.querySelector<HTMLDivElement>('#bench-floor-spacer')!;
  const table = box.querySelector<HTMLTableElement>('#bench-floor-table')!;
  const body = table.tBodies[0]!;
  const H = 46;
  let shown = plainRows;
  const render = () => {
    const first = Math.floor(scroller.scrollTop / H);
    const n = Math.ceil(scroller.clientHeight / H) + 1;
    table.style.transform = `translateY(${first * H}px)`;
    body.innerHTML = shown
      .slice(first, first + n)
      .map((r, k) => r.html.replace('<tr>', `<tr style="height:${H}px" data-index="${first + k}">`))
      .join('');
  };
  input.addEventListener('input', () => {
    const terms = foldText(input.value).split(/\s+/).filter(Boolean);
    shown = plainRows.filter((r) => terms.every((t) => r.search.includes(t)));
    spacer.style.height = `${shown.length * H}px`;
    scroller.scrollTop = 0;
    render();
  });
  scroller.addEventListener('scroll', render);
  spacer.style.height = `${shown.length * H}px`;
  render();
  return { readMs, count: rows.length };
}

export function removeFloor(): void {
  document.getElementById('bench-floor')?.remove();
}

/** How many plain rows match a query (checks that the dashboard shows the same count). */
export function expectedCount(q: string): number {
  const terms = foldText(q).split(/\s+/).filter(Boolean);
  return plainRows.filter((r) => terms.every((t) => r.search.includes(t))).length;
}

// ---------------------------------------------------------------------------------------------
// Scrolling: jump by one screen, wait until the row at the new top is in the DOM, then the paint.

async function scrollSteps(
  scroller: HTMLElement,
  rowAt: (index: number) => Element | null,
  steps: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    scroller.scrollTop += scroller.clientHeight;
    const index = Math.floor(scroller.scrollTop / 46);
    await new Promise<void>((resolve) => {
      const check = () => {
        if (rowAt(index)) {
          observer.disconnect();
          resolve();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(scroller, { childList: true, subtree: true });
      check();
    });
    await afterPaint();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function measureTableScroll(steps: number): Promise<number> {
  const scroller = document.querySelector<HTMLElement>('.table-scroll');
  if (!scroller) throw new Error('no contacts table');
  scroller.scrollTop = 0;
  await afterPaint();
  const samples = await scrollSteps(
    scroller,
    (i) => scroller.querySelector(`tbody tr[data-index="${i}"]`),
    steps,
  );
  return median(samples);
}

export async function measureFloorScroll(steps: number): Promise<number> {
  const scroller = document.getElementById('bench-floor-scroll')!;
  scroller.scrollTop = 0;
  await afterPaint();
  const samples = await scrollSteps(
    scroller,
    (i) => scroller.querySelector(`tr[data-index="${i}"]`),
    steps,
  );
  return median(samples);
}
