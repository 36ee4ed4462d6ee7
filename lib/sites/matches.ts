// Where Kundennah runs. Content scripts, web_accessible_resources and the URL predicates share this
// list so that a new site is added in one place.
export const GMAIL_MATCHES = ['https://mail.google.com/*'] as const;
export const OUTLOOK_MATCHES = [
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  // Microsoft's newer host for the same app (2025 on); lib/sites/urls.ts knows it too.
  'https://outlook.cloud.microsoft/*',
] as const;
export const XING_MATCHES = ['https://www.xing.com/*'] as const;
export const LINKEDIN_MATCHES = [
  'https://www.linkedin.com/*',
  // Profiles opened from search engines land on the country hosts of the German-speaking market.
  'https://de.linkedin.com/*',
  'https://at.linkedin.com/*',
  'https://ch.linkedin.com/*',
] as const;

export const SITE_MATCHES = [
  ...GMAIL_MATCHES,
  ...OUTLOOK_MATCHES,
  ...XING_MATCHES,
  ...LINKEDIN_MATCHES,
] as const;

/** The match patterns of each site (the content script of a site runs on these pages only). */
export const MATCHES_OF_SITE = {
  gmail: GMAIL_MATCHES,
  outlook: OUTLOOK_MATCHES,
  xing: XING_MATCHES,
  linkedin: LINKEDIN_MATCHES,
} as const;

/** Every pattern above has this form: one scheme, one exact host, any path. */
const PATTERN = /^(https):\/\/([a-z0-9.-]+)\/\*$/;

/**
 * The site whose content script may run on `url` (null: none). The background checks a content
 * script's claims against it (issue 15, point 3): a script on Gmail cannot speak for XING.
 */
export function siteOfMatches(url: string | undefined): keyof typeof MATCHES_OF_SITE | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return null;
  }
  for (const [site, patterns] of Object.entries(MATCHES_OF_SITE))
    for (const pattern of patterns) {
      const m = PATTERN.exec(pattern);
      if (m && parsed.protocol === `${m[1]}:` && parsed.host === m[2])
        return site as keyof typeof MATCHES_OF_SITE;
    }
  return null;
}
