// How often a content script reads the page: soon after it changes, rarely while the app only churns
// around the same person, and never lazily while the user waits for a thread or profile to appear.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runSite } from '@/lib/content/run';
import type { PageContext } from '@/lib/sites/page-context-schema';

const anna: PageContext = {
  site: 'gmail',
  kind: 'thread',
  people: [{ name: 'Anna Schröder', email: 'anna@schroeder-bau.de' }],
  threadId: 't1',
};

function fakeContext() {
  const invalidated: (() => void)[] = [];
  const listeners = new AbortController();
  const ctx = {
    isInvalid: false,
    onInvalidated: (fn: () => void) => void invalidated.push(fn),
    // Like WXT's context: listeners go when the context is invalidated.
    addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
      target.addEventListener(type, handler, { signal: listeners.signal }),
  };
  const stop = () => {
    listeners.abort();
    invalidated.forEach((f) => f());
  };
  return { ctx: ctx as unknown as ContentScriptContext, stop };
}

/** The app changes its DOM every 50 ms for `ms` (as Gmail does all the time). */
async function churn(ms: number) {
  for (let t = 0; t < ms; t += 50) {
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(50);
  }
}

let stop = () => {};
let onPage: PageContext | null = null;
let reads = 0;
let sent: unknown[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  document.body.innerHTML = '';
  onPage = null;
  reads = 0;
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (msg: unknown) => {
    sent.push(msg);
    return { panel: 'sidepanel' };
  });
  const run = fakeContext();
  stop = run.stop;
  runSite(run.ctx, {
    site: 'gmail',
    read: () => {
      reads++;
      return onPage;
    },
    layout: { top: 0, right: 0, bottom: 0 },
    markers: [],
  });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('reading the page', () => {
  it('reads soon after start and reports the person who appears within a tenth of a second', async () => {
    await vi.advanceTimersByTimeAsync(40);
    expect(reads).toBe(1);
    // The inbox churns for three seconds with nobody to show: the script keeps looking at its
    // short pace instead of falling asleep.
    await churn(3000);
    expect(reads).toBeGreaterThanOrEqual(30);
    const before = sent.length;
    onPage = anna;
    await vi.advanceTimersByTimeAsync(20);
    document.body.append(document.createElement('div')); // the thread renders
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.slice(before)).toEqual([{ type: 'content:context', context: anna }]);
  });

  it('does not take its own panel and handle for a change of the page', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (msg: unknown) => {
      sent.push(msg);
      return { panel: 'injected' };
    });
    onPage = anna;
    await vi.advanceTimersByTimeAsync(40);
    expect(document.querySelector('iframe')).not.toBeNull();
    expect(document.querySelector('kundennah-handle')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(3000);
    expect(reads).toBe(1);
    // A change of the page itself is read.
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(2);
  });

  it('looks less and less often while the same person stays and the app keeps churning', async () => {
    onPage = anna;
    await vi.advanceTimersByTimeAsync(40);
    await churn(10_000);
    // At the short pace that would be 40 reads; the gap doubles up to two seconds.
    expect(reads).toBeLessThanOrEqual(10);
    expect(sent).toHaveLength(1);
  });

  it('reads again right away after a navigation, whatever the pace was', async () => {
    onPage = anna;
    await vi.advanceTimersByTimeAsync(40);
    await churn(6000);
    const before = reads;
    onPage = { ...anna, threadId: 't2', people: [{ name: 'Bernd Meier', email: 'b@meier.de' }] };
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.advanceTimersByTimeAsync(40);
    expect(reads).toBe(before + 1);
    expect(sent.at(-1)).toMatchObject({ context: { threadId: 't2' } });
  });
});

describe('a thread or profile on which nobody can be read', () => {
  const nobody: PageContext = { site: 'gmail', kind: 'thread', people: [], threadId: 't1' };
  const withReport = (m: unknown) => (m as { unreadable?: unknown }).unreadable !== undefined;

  it('is reported unreadable after five seconds, with the counts, and only once', async () => {
    onPage = nobody;
    await vi.advanceTimersByTimeAsync(40);
    await churn(4500);
    expect(sent.filter(withReport)).toEqual([]);
    await churn(1000);
    expect(sent.filter(withReport)).toEqual([
      {
        type: 'content:context',
        context: nobody,
        unreadable: { counts: {}, versions: {} },
      },
    ]);
    await churn(10_000);
    expect(sent.filter(withReport)).toHaveLength(1);
  });

  it('is no longer unreadable as soon as somebody is read', async () => {
    onPage = nobody;
    await vi.advanceTimersByTimeAsync(40);
    await churn(6000);
    onPage = anna;
    await churn(400);
    expect(sent.at(-1)).toEqual({ type: 'content:context', context: anna });
  });

  it('keeps its report when the same page is sent again (the background forgot the tab)', async () => {
    onPage = nobody;
    await vi.advanceTimersByTimeAsync(40);
    await churn(6000);
    document.dispatchEvent(new Event('visibilitychange'));
    await churn(400);
    expect(sent.at(-1)).toMatchObject({ context: nobody, unreadable: { counts: {} } });
  });

  it('a page with somebody on it, or a list with no thread, is never reported', async () => {
    onPage = anna;
    await vi.advanceTimersByTimeAsync(40);
    await churn(7000);
    onPage = null;
    await churn(7000);
    expect(sent.filter(withReport)).toEqual([]);
  });

  it('a person appearing within the five seconds means no report', async () => {
    onPage = nobody;
    await vi.advanceTimersByTimeAsync(40);
    await churn(3000);
    onPage = anna;
    await churn(5000);
    expect(sent.filter(withReport)).toEqual([]);
  });
});
