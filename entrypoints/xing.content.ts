import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '@/lib/content/run';
import { PANEL_LAYOUT } from '@/lib/content/layouts';
import { readXing } from '@/lib/sites/xing/read';
import { XING_VERSION_MARKERS } from '@/lib/sites/xing/selectors';
import { XING_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: [...XING_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runSite(ctx, {
      site: 'xing',
      read: readXing,
      layout: PANEL_LAYOUT.xing,
      markers: XING_VERSION_MARKERS,
    });
  },
});
