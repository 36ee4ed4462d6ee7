// XING profile pages (www.xing.com/profile/First_Last and its sub-pages such as /cv), in one place.
// XING's React app marks its design-system parts with data-xds="…" and its modules with ids
// (#XingIdModule, #ProfileTimelineModule); generated class names (sc-…) change per build and are
// never used. A XING change touches this file and adds a dated fixture under tests/fixtures/xing/.
//
// "seen 2026-11" alone: in the hand-written fixtures of November 2026 (tests/fixtures/xing/),
// modelled on the app's DOM; "(real capture)": in a saved page of the real app
// (tests/fixtures/xing/real/); "seen 2019-2021" and the like: in earlier versions of the app.
import type { VersionMarkers } from '../dom';
import type { ProfileSelectors } from '../profile';

/**
 * XING's build, for the diagnostic report (lib/content/diagnose.ts). None is known yet (no real
 * capture of a current profile with its head); the report then names the page's language only.
 */
export const XING_VERSION_MARKERS: VersionMarkers = [];

export const XING: ProfileSelectors = {
  SCOPE: [
    'main#content', // seen 2026-11; fallback: any main
    'main', // seen 2026-11; fallback: the whole document
  ],
  NAME: [
    '#XingIdModule h1', // seen 2026-11; the h1 also holds the membership badge (first text wins)
    '[data-xds="Hero"]', // seen 2023-2026; fallback: the 2019 design below
    '[data-qa="malt-profile-display-name"]', // seen 2019-2021; fallback: the 2016-17 design below
    '#vcard .user-name', // seen 2017-03, XING profile (real capture, values anonymised by its author)
  ],
  NAME_LABEL: [],
  HEADLINE: [
    '[data-xds="IconJobs"] + div p', // seen 2026-11: the occupation line under the name
    '[data-qa="profile-occupations"] p', // seen 2019-2021; fallback: JSON-LD jobTitle
    '[class*="occupationText"]', // seen 2021 (logged-out profile); fallback: JSON-LD jobTitle
  ],
  COMPANY_LABEL: [],
  COMPANY: [
    '[data-xds="IconJobs"] + div p strong', // seen 2026-11: employer in bold on the occupation line
    '[data-qa="profile-occupations"] p strong', // seen 2019-2021
    '#ProfileTimelineModule [data-qa*="work_experience"] p[data-xds="BodyCopy"]', // seen 2026-11: latest position
    '[data-qa="we-entry"] [class*="entry-organization"]', // seen 2021 (logged-out CV); fallback: JSON-LD worksFor
  ],
  EMAIL: [
    '#XingIdModule a[href^="mailto:"]', // seen 2026-11: contact details, when shared with the user
    '[data-qa="contact-details"] a[href^="mailto:"]', // seen 2021; fallback: none (no e-mail)
  ],
  HEADINGS: [
    'h1', // seen 2026-11; last resort for the name
  ],
  TITLE_SITE: 'XING', // seen 2026-11: "Anna Schmidt - Senior Consultant - Acme GmbH | XING"
  SECTION_WORDS: ['Lebenslauf', 'CV', 'Profil', 'Profile', 'Web-Profile', 'Aktivitäten'], // seen 2026-11
  NOT_COMPANY: [],
};
