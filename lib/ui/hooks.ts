import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { DB_NAME, getDb, resolveSettings } from '../db';
import type { Settings } from '../model';
import type { PageToBackground } from '../messaging';

/** Effective settings, live; `undefined` while loading (Dexie's convention). */
export function useSettings(): Settings | undefined {
  return useLiveQuery(async () => {
    const row = await getDb().settings.get('settings');
    return resolveSettings(row?.values ?? {}, navigator.language);
  }, []);
}

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Tell the background when this page wrote to the database, so that the badge and open panels
 * update (the background may be asleep: a runtime message wakes it).
 */
export function useForwardDataChanges(): void {
  useEffect(() => {
    const onMutated = (parts: Record<string, unknown>) => {
      if (!Object.keys(parts).some((k) => k.startsWith(`idb://${DB_NAME}/`))) return;
      clearTimeout(pending);
      pending = setTimeout(() => {
        const message: PageToBackground = { type: 'page:data-changed' };
        browser.runtime.sendMessage(message).catch(() => {
          // The background restarts on the next event; the next write or alarm catches up.
        });
      }, 100);
    };
    Dexie.on('storagemutated', onMutated);
    return () => Dexie.on.storagemutated.unsubscribe(onMutated);
  }, []);
}
