// Where the panel sits on each site so that it covers none of the site's own controls (site quirks
// kept as data, STYLE.md). `top`: below the site's header; `right`: left of a right-hand rail.
import type { PageContext } from '../sites/page-context-schema';

export const PANEL_LAYOUT: Record<
  PageContext['site'],
  { top: number; right: number; bottom: number }
> = {
  // Gmail: 64px header; the add-on rail (Calendar, Keep, Tasks) is 56px wide on the right.
  gmail: { top: 64, right: 56, bottom: 16 },
  // Outlook on the web: 48px suite header; no right rail in the mail view.
  outlook: { top: 48, right: 0, bottom: 0 },
  // XING: 64px sticky header.
  xing: { top: 64, right: 0, bottom: 0 },
  // LinkedIn (only when the user chose the injected panel): 52px global nav; messaging overlay
  // docks at the bottom right, so leave room for its 48px bar.
  linkedin: { top: 52, right: 0, bottom: 48 },
};
