// Pure URL predicates: where each adapter runs and what kind of page a URL is. No DOM here, so the
// rules are tested with tables of URLs that must and must not match (tests/unit/sites/urls.test.ts).
import { canonicalProfileUrl, profileSite } from '../model/profile-url';
import type { PageKind, Site } from './page-context';

function parse(raw: string): URL | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

const OUTLOOK_HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  // Microsoft's newer home for Outlook on the web (2025); same app, same paths.
  'outlook.cloud.microsoft',
];

/** The supported site a URL belongs to (any page of it), or null. */
export function siteOfUrl(raw: string): Site | null {
  const url = parse(raw);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  if (host === 'mail.google.com') return 'gmail';
  if (OUTLOOK_HOSTS.includes(host)) return 'outlook';
  if (hostIs(host, 'xing.com')) return 'xing';
  if (hostIs(host, 'linkedin.com')) return 'linkedin';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Gmail: the view lives in the hash, e.g. #inbox/<id>, #label/Kunden/<id>, #search/rechnung/<id>.

/** Views whose next hash segment is the thread. */
const GMAIL_PLAIN_VIEWS = new Set([
  'inbox',
  'starred',
  'snoozed',
  'imp',
  'sent',
  'scheduled',
  'drafts',
  'all',
  'spam',
  'trash',
  'chats',
]);
/** Views with a parameter (label name, query, category) before the thread. */
const GMAIL_PARAM_VIEWS = new Set([
  'label',
  'search',
  'category',
  'advanced-search',
  'section_query',
]);

/**
 * A thread token in the hash: the legacy hex id (16 hex digits) or the newer opaque token, which
 * Gmail writes with consonants only (FMfcgz…, KtbxL…, QgrcJ…). List pages look alike (#inbox/p2).
 */
function isGmailThreadToken(token: string): boolean {
  return /^[0-9a-f]{12,16}$/i.test(token) || /^[B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{16,}$/.test(token);
}

/** The thread token of a Gmail thread URL (as written in the hash), or null for any other page. */
export function gmailThreadIdFromUrl(raw: string): string | null {
  const url = parse(raw);
  if (!url || url.hostname.toLowerCase() !== 'mail.google.com') return null;
  if (!url.pathname.startsWith('/mail')) return null;
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = hash.split('/').filter((s) => s.length > 0);
  const view = segments[0];
  const last = segments[segments.length - 1];
  if (!view || !last) return null;
  if (GMAIL_PLAIN_VIEWS.has(view) && segments.length === 2 && isGmailThreadToken(last)) return last;
  if (GMAIL_PARAM_VIEWS.has(view) && segments.length >= 3 && isGmailThreadToken(last)) return last;
  return null;
}

/** The vowel-free alphabet of Gmail's newer thread tokens (a base-40 number). */
const GMAIL_TOKEN_DIGITS = 'BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz';

/**
 * The legacy hex thread id (the API's id, Gmail's data-legacy-thread-id) of a thread token from the
 * URL: a hex token is one already; a newer token (FMfcgz…) is the text "f:<decimal thread id>"
 * written in base 40 with the alphabet above. Other tokens (drafts, sent mail) give null.
 */
export function gmailLegacyThreadId(token: string): string | null {
  if (/^[0-9a-f]{12,16}$/i.test(token)) return token.toLowerCase();
  if (token.length > 64) return null;
  let n = 0n;
  for (const char of token) {
    const digit = GMAIL_TOKEN_DIGITS.indexOf(char);
    if (digit < 0) return null;
    n = n * 40n + BigInt(digit);
  }
  let text = '';
  for (; n > 0n; n >>= 8n) text = String.fromCharCode(Number(n & 255n)) + text;
  const decimal = /^(?:thread-)?f:(\d{1,20})$/.exec(text)?.[1];
  return decimal ? BigInt(decimal).toString(16) : null;
}

export function isGmailThreadUrl(raw: string): boolean {
  return gmailThreadIdFromUrl(raw) !== null;
}

// ---------------------------------------------------------------------------------------------
// Outlook on the web: /mail/[<n>/][<folder>/]id/<id>, /mail/deeplink/read/<id>, ?ItemID=<id>.

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The (decoded) item or conversation id of an Outlook message URL, or null for any other page. */
export function outlookItemIdFromUrl(raw: string): string | null {
  const url = parse(raw);
  if (!url || !OUTLOOK_HOSTS.includes(url.hostname.toLowerCase())) return null;
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  const app = segments[0]?.toLowerCase();
  if (app === 'mail') {
    const idAt = segments.indexOf('id');
    const id = idAt > 0 ? segments[idAt + 1] : undefined;
    if (id) return decode(id);
    const deeplink = segments.indexOf('deeplink');
    if (deeplink > 0 && segments[deeplink + 1] === 'read' && segments[deeplink + 2]) {
      return decode(segments[deeplink + 2] ?? '');
    }
  }
  if (app === 'mail' || app === 'owa') {
    const param = url.searchParams.get('ItemID') ?? url.searchParams.get('itemid');
    if (param) return param;
  }
  return null;
}

export function isOutlookMessageUrl(raw: string): boolean {
  return outlookItemIdFromUrl(raw) !== null;
}

// ---------------------------------------------------------------------------------------------
// Profiles: the rule of PRODUCT.md ("Days"), implemented once in lib/model/profile-url.ts.

export function isXingProfileUrl(raw: string): boolean {
  return parse(raw) !== null && profileSite(raw) === 'xing';
}

export function isLinkedInProfileUrl(raw: string): boolean {
  return parse(raw) !== null && profileSite(raw) === 'linkedin';
}

/** Canonical profile URL of a XING/LinkedIn profile page (sub-pages included), or null. */
export function profileUrlOfPage(raw: string): string | null {
  return parse(raw) ? canonicalProfileUrl(raw) : null;
}

/** What a URL says about the page: a thread, a profile, or neither (null). */
export function pageKindOfUrl(raw: string): PageKind | null {
  switch (siteOfUrl(raw)) {
    case 'gmail':
      return isGmailThreadUrl(raw) ? 'thread' : null;
    case 'outlook':
      return isOutlookMessageUrl(raw) ? 'thread' : null;
    case 'xing':
      return isXingProfileUrl(raw) ? 'profile' : null;
    case 'linkedin':
      return isLinkedInProfileUrl(raw) ? 'profile' : null;
    default:
      return null;
  }
}
