// LinkedIn profile pages (www.linkedin.com/in/slug, country hosts such as de.linkedin.com, and
// sub-pages such as /details/experience/), in one place. Since 2025 LinkedIn obfuscates most class
// names of the top card, so every list leads with ARIA labels, hrefs and data-* attributes; the
// long-lived utility classes (text-body-medium, t-14) come after. A LinkedIn change touches this
// file and adds a dated fixture under tests/fixtures/linkedin/.
//
// "seen 2026-11" alone: in the hand-written fixtures of November 2026 (tests/fixtures/linkedin/),
// modelled on the app's DOM; "(real capture)": in a saved page of the real app
// (tests/fixtures/linkedin/real/); "seen 2019-2021" and the like: in earlier versions of the app.
import type { VersionMarkers } from '../dom';
import type { ProfileSelectors } from '../profile';

/** LinkedIn's build, for the diagnostic report (lib/content/diagnose.ts). */
export const LINKEDIN_VERSION_MARKERS: VersionMarkers = [
  ['meta[name="como-t"]', 'content', /"serviceVersion":"([\w.-]+)"/], // seen 2026-08, LinkedIn profile (real capture): "0.2.6676"; the tag's other fields are never read. Before 2022 (voyager-web) a meta named serviceVersion held it; not kept, to keep the script small.
];

export const LINKEDIN: ProfileSelectors = {
  SCOPE: [
    'main#main', // seen 2026-11 (signed in); keeps the global nav and "People also viewed" out
    'main', // seen 2026-11 (public profile: main.main); 2024-07, 2026-03, 2026-08, LinkedIn profiles (real captures); fallback: the whole document
  ],
  NAME: [
    'a[href*="/overlay/about-this-profile/"] h1', // seen 2026-11; 2024-07, LinkedIn profile (real capture)
    'section[data-member-id] h1', // seen 2024-2026 (top card); 2024-07, LinkedIn profile (real capture); fallback: public profile heading
    '.top-card-layout__title', // seen 2026-11 (public profile); fallback: the link's label, the title
  ],
  NAME_LABEL: [
    'a[href*="/overlay/about-this-profile/"][aria-label]', // seen 2026-11: wraps the name heading; 2024-07, LinkedIn profile (real capture)
  ],
  HEADLINE: [
    'section[data-member-id] .text-body-medium', // seen 2024-2026: tagline under the name; 2024-07, LinkedIn profile (real capture)
    '.text-body-medium.break-words', // seen 2022-2026; 2021-08, 2024-07 (real captures); fallback: the suggestion-target attribute
    'section[data-member-id] [data-generated-suggestion-target]', // seen 2024-2026, on the tagline; 2024-07, LinkedIn profile (real capture)
    '.top-card-layout__headline', // seen 2026-11 (public profile); fallback: JSON-LD jobTitle
  ],
  COMPANY_LABEL: [
    '[aria-label^="Current company:"]', // seen 2026-11: top-card button, English UI; 2024-07, LinkedIn profile (real capture)
    '[aria-label^="Aktuelles Unternehmen:"]', // seen 2026-11: German UI
  ],
  // "Current company: Acme GmbH. Click to skip to experience card" (German: "… Klicken, um …").
  COMPANY_LABEL_PATTERN: /^[^:]*:\s*(.+?)(?:\.\s+(?:Click|Klicken|Cliquez|Haga clic)\b.*)?$/i, // seen 2026-11
  COMPANY: [
    '[data-section="currentPositionsDetails"] .top-card-link__description', // seen 2026-11 (public profile)
    '[data-view-name="profile-component-entity"] .t-14.t-normal span[aria-hidden="true"]', // seen 2026-11: first experience entry ("Acme GmbH · Full-time"); 2024-07, LinkedIn profile (real capture)
    '[data-section="currentPositionsDetails"] .org', // seen 2017-03, LinkedIn public profile (real capture, values anonymised by its author)
  ],
  EMAIL: [
    '.pv-contact-info__contact-type a[href^="mailto:"]', // seen 2026-11: contact-info overlay
    'section[class*="contact-info"] a[href^="mailto:"]', // seen 2024; fallback: none (no e-mail)
  ],
  HEADINGS: [
    'h1', // seen 2026-11; 2017-03, 2024-07 (real captures); last resort for the name
  ],
  TITLE_SITE: 'LinkedIn', // seen 2026-11: "(3) Anna Schmidt | LinkedIn"
  SECTION_WORDS: [
    // seen 2026-11: sub-pages put their section before the name ("Experience | Anna Schmidt | LinkedIn")
    'Experience',
    'Berufserfahrung',
    'Education',
    'Ausbildung',
    'Skills',
    'Kenntnisse',
    'Activity',
    'Aktivitäten',
    'Recommendations',
    'Empfehlungen',
    'Languages',
    'Sprachen',
    'Projects',
    'Projekte',
    'Licenses & certifications',
    'Bescheinigungen und Zertifikate',
    'Contact info',
    'Kontaktinfo',
  ],
  // The 2025-26 server-driven layout hashes every class name per build (different hashes in the
  // 2026-03 and 2026-08 captures) and has no h1: the card is read from its structure.
  STRUCTURE: {
    NAME_HEADING: [
      'a[href*="/in/"] h2', // seen 2026-03 and 2026-08, LinkedIn profile (real captures): the name
      'h1', // seen 2021-08 to 2026-11 (real captures, hand-written fixtures)
      'h2', // seen 2026-03, LinkedIn profile (real capture); fallback: none
    ],
    CARD: [
      '[componentkey$="Topcard"]', // seen 2026-03 and 2026-08, LinkedIn profile (real captures)
      'section', // seen 2021-08 to 2026-08 (real captures): the top card is a section
    ],
    TILE: [
      '[role="button"]', // seen 2026-03 and 2026-08 (real captures): employer and school tiles
    ],
    LINE: ['p', 'li', 'div', 'h1', 'h2', 'h3'], // seen 2026-03 and 2026-08 (real captures): one line each
    // seen 2026-03 (real capture): "· 1st" and "· 2nd" both under the name; pronouns "(sie/ihr)"
    NOT_HEADLINE: /^(?:·|\(?\p{L}+\/\p{L}+\)?$)/u,
  },
  NOT_COMPANY: [
    // seen 2026-11: employment types that open the line of a grouped experience entry
    'Full-time',
    'Part-time',
    'Self-employed',
    'Freelance',
    'Contract',
    'Internship',
    'Vollzeit',
    'Teilzeit',
    'Selbstständig',
    'Freiberuflich',
    'Befristet',
    'Praktikum',
  ],
};
