import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface SidebarApi {
  open(): Promise<void>;
  toggle?(): Promise<void>;
}

/** Open the browser's own side panel (Chrome `sidePanel`, Firefox `sidebarAction`). Must run in
 * answer to a user action (a click, a keyboard command). Returns false where neither exists. */
export async function openSidePanel(tab: { id?: number; windowId?: number }): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  try {
    if (api.sidePanel) {
      await api.sidePanel.open(
        tab.id !== undefined ? { tabId: tab.id } : { windowId: tab.windowId },
      );
      return true;
    }
    if (api.sidebarAction) {
      await api.sidebarAction.open();
      return true;
    }
  } catch (e) {
    console.warn('Kundennah: the side panel could not be opened', e);
  }
  return false;
}
