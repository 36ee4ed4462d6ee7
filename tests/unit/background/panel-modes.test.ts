import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followPanelModes } from '@/lib/background/panel-modes';
import { setTabContext } from '@/lib/background/tab-contexts';
import type { PageContext } from '@/lib/sites/page-context-schema';

type Modes = Parameters<typeof followPanelModes>[0];
const injected: Modes = {
  gmail: 'injected',
  outlook: 'injected',
  xing: 'injected',
  linkedin: 'injected',
};

const thread = (site: PageContext['site']): PageContext => ({
  site,
  kind: 'thread',
  people: [{ name: 'Anna', email: 'anna@schroeder-bau.de' }],
});

let sent: [number, unknown][];

beforeEach(async () => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, m: unknown) => {
    sent.push([tabId, m]);
    return Promise.resolve(undefined);
  }) as typeof fakeBrowser.tabs.sendMessage);
  await setTabContext(1, { context: thread('gmail'), url: 'https://mail.google.com/a', at: 1 });
  await setTabContext(2, {
    context: thread('outlook'),
    url: 'https://outlook.office.com/b',
    at: 2,
  });
  await setTabContext(3, { context: null, url: 'https://mail.google.com/#inbox', at: 3 });
  await setTabContext(4, { context: thread('gmail'), url: 'https://mail.google.com/c', at: 4 });
});
afterEach(() => vi.restoreAllMocks());

describe('open tabs follow the panel mode', () => {
  it('tells the tabs of the site whose mode changed to report again, and no others', async () => {
    await followPanelModes(injected);
    sent = [];
    const told = await followPanelModes({ ...injected, gmail: 'sidepanel' });
    expect(told.sort()).toEqual([1, 4]);
    expect(sent).toEqual([
      [1, { type: 'bg:recheck' }],
      [4, { type: 'bg:recheck' }],
    ]);
  });

  it('tells nobody when another setting changed', async () => {
    await followPanelModes(injected);
    sent = [];
    expect(await followPanelModes(injected)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('tells every tab with a page when no mode is known yet this session', async () => {
    expect((await followPanelModes(injected)).sort()).toEqual([1, 2, 4]);
  });

  it('goes on when a tab has nobody listening any more', async () => {
    await followPanelModes(injected);
    sent = [];
    vi.mocked(fakeBrowser.tabs.sendMessage).mockImplementation(((tabId: number) =>
      tabId === 1
        ? Promise.reject(new Error('Could not establish connection'))
        : Promise.resolve(sent.push([tabId, 'ok']))) as typeof fakeBrowser.tabs.sendMessage);
    await expect(followPanelModes({ ...injected, gmail: 'sidepanel' })).resolves.toEqual([1, 4]);
    expect(sent).toEqual([[4, 'ok']]);
  });
});

describe('a tab context being stored', () => {
  it('is what a panel asking while the write is under way gets', async () => {
    const { getTabContext } = await import('@/lib/background/tab-contexts');
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      await slow;
      return set(items);
    });
    const writing = setTabContext(1, {
      context: thread('xing'),
      url: 'https://www.xing.com/profile/A_B',
      at: 5,
    });
    const asked = getTabContext(1);
    setTimeout(finish, 20);
    expect((await asked)?.context?.site).toBe('xing');
    await writing;
  });
});
