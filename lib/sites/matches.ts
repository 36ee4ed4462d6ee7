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
