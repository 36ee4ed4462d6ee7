import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { effectiveSettings, getDb } from '../db';
import type { Settings } from '../model';
import type { PageToBackground } from '../messaging';

/** Effective settings, live; `undefined` while loading (Dexie's convention). */
export function useSettings(): Settings | undefined {
  return useLiveQuery(async () => {
    const row = await getDb().settings.get('settings');
    return effectiveSettings(row?.values ?? {}, navigator.language);
  }, []);
}

/**
 * Tell the background after every write of this page which contacts it touched, so that the derived
 * rows, the badge and open panels follow (the background may be asleep: a message wakes it).
 */
export function useForwardDataChanges(): void {
  useEffect(
    () =>
      getDb().onChange((change) => {
        const message: PageToBackground = { type: 'page:data-changed', ...change };
        browser.runtime.sendMessage(message).catch(() => {
          // The background picks it up at its next start (it recomputes what is stale).
        });
      }),
    [],
  );
}

/** Ask the background to bring the derived rows up to date (new day, first start). */
export function requestFreshDerived(): Promise<unknown> {
  const message: PageToBackground = { type: 'page:ensure-fresh' };
  return browser.runtime.sendMessage(message).catch(() => undefined);
}

/** With sync on, a sync in a moment (the popup opened: what colleagues changed comes in). */
export function askSyncSoon(): Promise<unknown> {
  const message: PageToBackground = { type: 'page:sync', request: { action: 'soon' } };
  return browser.runtime.sendMessage(message).catch(() => undefined);
}
