import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '@/lib/content/run';
import { PANEL_LAYOUT } from '@/lib/content/layouts';
import { readLinkedIn } from '@/lib/sites/linkedin/read';
import { LINKEDIN_VERSION_MARKERS } from '@/lib/sites/linkedin/selectors';
import { LINKEDIN_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runSite(ctx, {
      site: 'linkedin',
      read: readLinkedIn,
      layout: PANEL_LAYOUT.linkedin,
      markers: LINKEDIN_VERSION_MARKERS,
    });
  },
});
