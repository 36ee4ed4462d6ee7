import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isPanelSender } from '@/lib/background/hub';

describe('who may open a panel port', () => {
  const id = fakeBrowser.runtime.id;
  it.each([
    [{ id, url: `chrome-extension://${id}/panel.html` }, true],
    [{ id, url: `chrome-extension://2160074b-fe6f-4a10-9af2-b986960cb946/panel.html` }, true],
    [{ id, url: `moz-extension://abc/sidepanel.html` }, true],
    [{ id, url: `chrome-extension://${id}/popup.html` }, false],
    [{ id, url: 'https://mail.google.com/mail/u/0/#inbox/abc' }, false],
    [{ id: 'other-extension', url: `chrome-extension://other/panel.html` }, false],
    [{ id, url: undefined }, false],
    [undefined, false],
  ])('%j -> %s', (sender, allowed) => {
    expect(isPanelSender(sender)).toBe(allowed);
  });
});
