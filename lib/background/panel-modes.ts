// Where each site shows its panel (injected or the side panel) is answered to every page report of a
// content script. When the user changes it in the settings, the open tabs of the sites whose mode
// changed are told to report again (`bg:recheck`, no data), and the answer carries the new mode:
// the panel appears or goes away at once, without a reload.
import { browser } from 'wxt/browser';
import type { BackgroundToContent } from '../messaging';
import type { Settings } from '../model';
import { allTabContexts } from './tab-contexts';

type PanelModes = Settings['panelMode'];

/** The modes as of the last settings change this session (storage.session: survives the worker). */
const LAST_MODES = 'panel-modes';

/**
 * Tell the tabs of every site whose mode differs from the last known one to report again; all
 * tabs with a page context when no mode is known yet this session. Returns the tabs told.
 */
export async function followPanelModes(modes: PanelModes): Promise<number[]> {
  const got = await browser.storage.session.get(LAST_MODES);
  const before = got[LAST_MODES] as Partial<PanelModes> | undefined;
  await browser.storage.session.set({ [LAST_MODES]: { ...modes } });
  const changed = (site: keyof PanelModes) => before?.[site] !== modes[site];
  const message: BackgroundToContent = { type: 'bg:recheck' };
  // A tab without a thread or profile shows no panel; its next report gets the new mode anyway.
  const told = [...(await allTabContexts())]
    .filter(([, tab]) => tab.context && changed(tab.context.site))
    .map(([tabId]) => tabId);
  await Promise.all(
    told.map((tabId) =>
      // A tab closed or navigated away meanwhile has nobody listening: nothing to follow there.
      browser.tabs.sendMessage(tabId, message).catch(() => undefined),
    ),
  );
  return told;
}
