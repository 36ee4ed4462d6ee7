import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

/** Parses a whole HTML page into a standalone Document, as a content script would see it. */
export function parseHtml(html: string, url = 'https://example.invalid/'): Document {
  const window = new Window({ url });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const cache = new Map<string, string>();

export function fixtureHtml(file: string): string {
  let html = cache.get(file);
  if (html === undefined) {
    html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
    cache.set(file, html);
  }
  return html;
}

/** A fresh Document of a fixture (tests may mutate it). Parsing a big page takes happy-dom a while. */
export function loadFixture(file: string, url?: string): Document {
  return parseHtml(fixtureHtml(file), url);
}

const parsed = new Map<string, Document>();

/** The fixture's Document, parsed once per test file: for tests that only read (readPage never writes). */
export function sharedFixture(file: string): Document {
  let doc = parsed.get(file);
  if (!doc) {
    doc = loadFixture(file);
    parsed.set(file, doc);
  }
  return doc;
}

/** Removes every element matching the selector: "the app renamed or dropped this part". */
export function removeAll(doc: Document, selector: string): number {
  const found = Array.from(doc.querySelectorAll(selector));
  for (const el of found) el.remove();
  return found.length;
}

/** Strips one attribute everywhere: "the app stopped writing it". */
export function stripAttribute(doc: Document, name: string): number {
  const found = Array.from(doc.querySelectorAll(`[${name}]`));
  for (const el of found) el.removeAttribute(name);
  return found.length;
}

/** Replaces the page's class names by fresh ones: "a new build with new generated classes". */
export function scrambleClasses(doc: Document): void {
  let n = 0;
  for (const el of Array.from(doc.querySelectorAll('[class]')))
    el.setAttribute('class', `x${(n++).toString(36)}`);
}

export function setTitle(doc: Document, title: string): void {
  const el = doc.querySelector('title');
  if (el) el.textContent = title;
}
