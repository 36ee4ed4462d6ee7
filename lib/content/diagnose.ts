// When a thread or profile is open and nobody on it can be read (issue 14, "When a page changes
// under us"): the site's reader runs once more while lib/sites/dom.ts counts what each selector
// matched, and the app's own version markers are read. What leaves this function is selector
// strings, counts and short version tokens — never a name, an address or text of the page
// (tests/unit/content/diagnose.test.ts runs it on every site fixture to prove it).
import { attempt, recordInto, type VersionMarkers } from '../sites/dom';
import type { PageContext, SiteReader } from '../sites/page-context';

export interface Diagnosis {
  /** Selector (or a reader's own label such as "people") -> elements matched, summed over the read. */
  counts: Record<string, number>;
  /** Marker selector -> the token it holds (the app's build, the page's language). */
  versions: Record<string, string>;
}

/** How long a thread or profile may show nobody before the panel says it cannot read the page. */
export const UNREADABLE_MS = 5000;

const TOKEN = /^[\w.-]{1,80}$/;
const LANG: VersionMarkers = [['html[lang]', 'lang', /^([\w-]+)$/]];

/** True when the reader names a thread or profile but nobody on it (no name, no address). */
export const nobodyOn = (context: PageContext | null): boolean =>
  !!context && !context.people.some((p) => p.name || p.email);

/** Reads the page while counting what each selector matched, and the app's version markers. */
export function measure(
  read: SiteReader,
  markers: VersionMarkers,
  doc: Document,
  url: string,
): [PageContext | null, Diagnosis] {
  const counts: Record<string, number> = {};
  let context: PageContext | null = null;
  recordInto(counts);
  try {
    context = read(doc, url);
  } catch {
    // Counted as far as it got.
  } finally {
    recordInto();
  }
  const versions: Record<string, string> = {};
  for (const [selector, name, pattern] of [...LANG, ...markers]) {
    const value = attempt(() =>
      pattern.exec(doc.querySelector(selector)?.getAttribute(name) ?? ''),
    );
    if (value?.[1] && TOKEN.test(value[1])) versions[selector] = value[1];
  }
  return [context, { counts, versions }];
}

/**
 * The diagnosis of a page that still is the one last sent (`sent`, its context as JSON) and still
 * shows nobody; undefined when somebody turned up meanwhile or the only person on it is the
 * signed-in user (a note to self is no sign of a changed page).
 */
export function diagnose(
  read: SiteReader,
  markers: VersionMarkers,
  doc: Document,
  url: string,
  sent: string | undefined,
): Diagnosis | undefined {
  const [context, diagnosis] = measure(read, markers, doc, url);
  return JSON.stringify(context) === sent && nobodyOn(context) && !diagnosis.counts.people
    ? diagnosis
    : undefined;
}
