// Canonical XING / LinkedIn profile URLs (ARCHITECTURE.md "readPage" contract, PRODUCT.md "Days"):
//   XING:     host xing.com or a subdomain, path /profile/<slug>  -> https://www.xing.com/profile/<slug>
//   LinkedIn: host linkedin.com or a subdomain, path /in/<slug>   -> https://www.linkedin.com/in/<slug>
// No query, no hash, no sub-path (/cv, /details/...), no trailing slash. The slug keeps its case and
// its percent-encoding as the URL parser produces it (umlauts become %C3%BC once, consistently).

export type ProfileSite = 'xing' | 'linkedin';

function parseHttpUrl(raw: string): URL | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function hostIs(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  return h === domain || h.endsWith(`.${domain}`);
}

function firstSegmentAfter(pathname: string, prefix: string): string | null {
  if (!pathname.startsWith(prefix)) return null;
  const slug = pathname.slice(prefix.length).split('/')[0] ?? '';
  return slug.length > 0 ? slug : null;
}

/** A profile URL already in its canonical form (what the URL parser would leave as it is). */
const CANONICAL = /^https:\/\/www\.(?:linkedin\.com\/in|xing\.com\/profile)\/[A-Za-z0-9_-]+$/;

/**
 * The site of a profile URL (PRODUCT.md "Days"), or null when it is neither a XING nor a LinkedIn
 * profile: the one definition for the channel rule, the popup's links and the page readers.
 */
export function profileSite(raw: unknown): ProfileSite | null {
  if (typeof raw !== 'string') return null;
  // Stored URLs are canonical: the agenda asks for every birthday's channel, without a URL parser.
  if (CANONICAL.test(raw)) return raw.charCodeAt(12) === 108 ? 'linkedin' : 'xing';
  const url = parseHttpUrl(raw);
  if (!url) return null;
  if (hostIs(url.hostname, 'xing.com') && firstSegmentAfter(url.pathname, '/profile/'))
    return 'xing';
  if (hostIs(url.hostname, 'linkedin.com') && firstSegmentAfter(url.pathname, '/in/'))
    return 'linkedin';
  return null;
}

/** Canonical profile URL, or null when the input is no XING/LinkedIn profile URL. */
export function canonicalProfileUrl(raw: string): string | null {
  // An import compares every row's URLs: most are canonical already and need no URL parser.
  if (CANONICAL.test(raw)) return raw;
  const url = parseHttpUrl(raw);
  if (!url) return null;
  if (hostIs(url.hostname, 'xing.com')) {
    const slug = firstSegmentAfter(url.pathname, '/profile/');
    return slug ? `https://www.xing.com/profile/${slug}` : null;
  }
  if (hostIs(url.hostname, 'linkedin.com')) {
    const slug = firstSegmentAfter(url.pathname, '/in/');
    return slug ? `https://www.linkedin.com/in/${slug}` : null;
  }
  return null;
}

/**
 * What the model stores for a URL in `profileUrls`: the canonical profile URL for XING/LinkedIn,
 * any other http(s) URL as written (a website), null for anything else (javascript:, garbage).
 */
export function normalizeProfileUrl(raw: string): string | null {
  const canonical = canonicalProfileUrl(raw);
  if (canonical) return canonical;
  const url = parseHttpUrl(raw);
  return url ? url.href : null;
}

/** Key for comparing two profile URLs: LinkedIn slugs are case-insensitive, XING's are too. */
export function profileUrlKey(url: string): string {
  return (canonicalProfileUrl(url) ?? url.trim()).toLowerCase();
}
