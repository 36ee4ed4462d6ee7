import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '@/lib/content/run';
import { PANEL_LAYOUT } from '@/lib/content/layouts';
import { readOutlook } from '@/lib/sites/outlook/read';
import { VERSION_MARKERS } from '@/lib/sites/outlook/selectors';
import { OUTLOOK_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: [...OUTLOOK_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runSite(ctx, {
      site: 'outlook',
      read: readOutlook,
      layout: PANEL_LAYOUT.outlook,
      markers: VERSION_MARKERS,
    });
  },
});
