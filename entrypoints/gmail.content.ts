import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '@/lib/content/run';
import { PANEL_LAYOUT } from '@/lib/content/layouts';
import { readGmail } from '@/lib/sites/gmail/read';
import { VERSION_MARKERS } from '@/lib/sites/gmail/selectors';
import { GMAIL_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: [...GMAIL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runSite(ctx, {
      site: 'gmail',
      read: readGmail,
      layout: PANEL_LAYOUT.gmail,
      markers: VERSION_MARKERS,
    });
  },
});
