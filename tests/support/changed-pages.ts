// "The site changed under us" (issue 14): each site's fixture page as a new build of the app might
// render it, with every hook the reader uses for the person renamed (attributes, classes, headings,
// the title's name). The thread or profile is still open — URL, subject, layout — but nobody can be
// read. One source for the unit test of the diagnostic report and the end-to-end test of the notice.
import type { Site } from '@/lib/sites/page-context';

export interface ChangedPage {
  /** The fixture under tests/fixtures it is made from, and the URL it is read under. */
  file: string;
  url: string;
  /** Text replacements (every occurrence) that turn the fixture into the changed page. */
  replace: [string, string][];
  /** Names, addresses and profile slugs on the page: the report must contain none of them. */
  private: string[];
}

export const CHANGED_PAGES: Record<Site, ChangedPage> = {
  gmail: {
    file: 'gmail/2026-11-thread-single.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqlKRdWZnXxvNrCgPCfZdLbzm',
    replace: [
      [' email="', ' data-sender-address="'],
      [' data-hovercard-id="', ' data-card-owner="'],
      ['class="gD"', 'class="qZ1"'],
      ['class="g2"', 'class="qZ2"'],
    ],
    private: ['Jürgen Müller', 'juergen.mueller@mueller-hausbau.de', 'Max Muster'],
  },
  outlook: {
    file: 'outlook/2026-11-reading-pane.html',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJlZmQ3MGE2MQAQAHGh1xTrKpxFsnb%2B3mQfhX0%3D',
    replace: [
      [' aria-label="', ' data-a11y-name="'],
      [' title="', ' data-tip="'],
      ['data-lpc-hover-target-id', 'data-persona-target'],
      ['class="OZZZK"', 'class="P7kQx"'],
      ['data-testid="RecipientWell"', 'data-testid="Recipients"'],
    ],
    private: ['Anna Schmidt', 'anna.schmidt@schmidt-partner.de', 'Jonas Weber', 'Max Muster'],
  },
  xing: {
    file: 'xing/2026-11-profile.html',
    url: 'https://www.xing.com/profile/Sabine_Koehler',
    replace: [
      [
        '<title>Sabine Köhler - Geschäftsführerin - Köhler Events GmbH | XING</title>',
        '<title>XING</title>',
      ],
      [
        '<meta property="og:title" content="Sabine Köhler - Geschäftsführerin - Köhler Events GmbH | XING">',
        '',
      ],
      ['"@type":"Person"', '"@type":"ProfilePage"'],
      ['<h1 data-xds="Hero"', '<div data-xds="ProfileHeadline"'],
      ['</h1>', '</div>'],
    ],
    private: ['Sabine Köhler', 'Sabine_Koehler', 'Köhler Events GmbH', 'Geschäftsführerin'],
  },
  linkedin: {
    file: 'linkedin/2026-11-profile.html',
    url: 'https://www.linkedin.com/in/jonas-weber-7b3a91152/',
    replace: [
      ['<title>(4) Jonas Weber | LinkedIn</title>', '<title>(4) LinkedIn</title>'],
      ['/overlay/about-this-profile/', '/overlay/profile-details/'],
      ['<h1 ', '<div role="presentation" '],
      ['</h1>', '</div>'],
    ],
    private: ['Jonas Weber', 'jonas-weber-7b3a91152'],
  },
};

/** The changed page's HTML from the fixture's. */
export function changedHtml(page: ChangedPage, html: string): string {
  for (const [from, to] of page.replace) html = html.split(from).join(to);
  return html;
}
