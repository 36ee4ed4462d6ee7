// Small, defensive DOM helpers shared by the site readers. Every query is targeted (a selector list
// tried in order, scoped to a root); nothing here walks the whole document.
import type { Person } from './page-context';

/** A selector list, most stable first (see each site's selectors.ts). */
export type Selectors = readonly string[];
/**
 * Where an app shows its own build: [selector, attribute, pattern]. Only the pattern's first group
 * is reported, and only when it is a short token of letters, digits, dots and dashes.
 */
export type VersionMarkers = readonly (readonly [string, string, RegExp])[];
type Root = Document | Element;

/**
 * While a diagnosis runs (lib/content/diagnose.ts), how many elements each selector a helper was
 * given matches, summed over the read, and counts readers note themselves ("people"). Keys are only
 * our own selector strings and labels, never text of the page. Undefined (and free) otherwise.
 */
let counts: Record<string, number> | undefined;

export function recordInto(into?: Record<string, number>): void {
  counts = into;
}

export function count(key: string, n: number): void {
  if (counts) counts[key] = (counts[key] ?? 0) + n;
}

export function record(root: Root, selectors: Selectors): void {
  if (counts)
    for (const s of selectors)
      counts[s] = (counts[s] ?? 0) + (attempt(() => root.querySelectorAll(s).length) ?? 0);
}

/** Runs one strategy; a strategy that throws counts as "found nothing". */
export function attempt<T>(strategy: () => T | null | undefined): T | undefined {
  try {
    return strategy() ?? undefined;
  } catch {
    return undefined;
  }
}

/** Every element one selector matches; none when the selector is broken. */
export function queryAll(root: Root, selector: string): Element[] {
  return attempt(() => Array.from(root.querySelectorAll(selector))) ?? [];
}

/** The first element matched by the first selector in the list that matches anything. */
export function first(root: Root | null | undefined, selectors: Selectors): Element | null {
  if (!root) return null;
  record(root, selectors);
  for (const selector of selectors) {
    const found = attempt(() => root.querySelector(selector));
    if (found) return found;
  }
  return null;
}

/** All elements matched by the first selector in the list that matches anything. */
export function all(root: Root | null | undefined, selectors: Selectors): Element[] {
  if (!root) return [];
  record(root, selectors);
  for (const selector of selectors) {
    const found = queryAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

/** All elements matched by any selector of the list, in document order. */
export function union(root: Root | null | undefined, selectors: Selectors): Element[] {
  if (!root || selectors.length === 0) return [];
  record(root, selectors);
  const joined = attempt(() => Array.from(root.querySelectorAll(selectors.join(','))));
  if (joined) return joined;
  // One broken selector must not cost the others: query the ones that parse, in document order.
  const valid = selectors.filter((s) => attempt(() => (root.querySelector(s), true)));
  return queryAll(root, valid.join(','));
}

/** True when the element or an ancestor matches one of the selectors. */
export function within(el: Element, selectors: Selectors): boolean {
  if (selectors.length === 0) return false;
  return attempt(() => el.closest(selectors.join(','))) != null;
}

export function clean(value: string | null | undefined): string {
  return (value ?? '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function text(el: Element | null | undefined): string {
  return el ? clean(el.textContent) : '';
}

export function attr(el: Element | null | undefined, name: string): string {
  return el ? clean(el.getAttribute(name)) : '';
}

/** The first non-empty text node inside el: a heading's name without the badges that follow it. */
export function firstText(el: Element | null | undefined): string {
  if (!el) return '';
  const stack: Node[] = [el];
  let budget = 200;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.shift() as Node;
    if (node.nodeType === 3) {
      const value = clean(node.nodeValue);
      if (value) return value;
    } else if (node.nodeType === 1) {
      stack.unshift(...Array.from(node.childNodes));
    }
  }
  return text(el);
}

const EMAIL =
  /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}/i;

export function findEmail(value: string | null | undefined): string {
  const match = EMAIL.exec(value ?? '');
  return match ? match[0].toLowerCase() : '';
}

export function isEmail(value: string): boolean {
  const found = findEmail(value);
  return found !== '' && found === value.trim().toLowerCase();
}

/**
 * Splits "Anna Schmidt <anna@example.de>", "\"Schmidt, Anna\" <anna@…>", "anna@…" or "Anna Schmidt"
 * into name and e-mail. Labels such as "From:" or "An:" are removed by the caller.
 */
export function splitAddress(value: string): Person {
  const raw = clean(value);
  const email = findEmail(raw);
  let name = raw;
  if (email) {
    name = raw
      .replace(/<[^<>]*>/g, ' ')
      .replace(/\([^()]*@[^()]*\)/g, ' ')
      .replace(EMAIL, ' ');
  }
  name = clean(name.replace(/^["'\s]+|["'\s,;:]+$/g, ''));
  const person: Person = {};
  if (name && !isEmail(name)) person.name = name;
  if (email) person.email = email;
  return person;
}

/** Drops empty fields so that results compare equal to hand-written expectations. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined && field !== '') out[key] = field;
  }
  return out as T;
}

/** JSON-LD blocks of the page (inert script elements), flattened to their objects and @graph. */
export function jsonLd(doc: Document, selector: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const script of all(doc, [selector])) {
    const data = attempt(() => JSON.parse(script.textContent ?? '') as unknown);
    const queue: unknown[] = [data];
    while (queue.length > 0 && out.length < 50) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...(item as unknown[]));
      else if (item && typeof item === 'object') {
        out.push(item as Record<string, unknown>);
        const graph = (item as Record<string, unknown>)['@graph'];
        if (graph) queue.push(graph);
      }
    }
  }
  return out;
}

/** The document title, also on documents whose `title` property a parser leaves empty. */
export function documentTitle(doc: Document): string {
  return clean(attempt(() => doc.title) || attempt(() => doc.querySelector('title')?.textContent));
}

export function meta(doc: Document, names: Selectors): string {
  for (const name of names) {
    const el = first(doc, [`meta[property="${name}"], meta[name="${name}"]`]);
    const value = attr(el, 'content');
    if (value) return value;
  }
  return '';
}
