// What the user is told about sync on this device, as stored in its meta row: small and free of
// the sync engine, so that the popup can read it without loading sync.
import { SYNC_META_PREFIX } from '../db/outbox';

/** The meta row of the account (with its password; local to this device: never in a backup). */
export const SYNC_ACCOUNT_KEY = `${SYNC_META_PREFIX}account`;

/** The meta row of the state (local to this device: never in a backup). */
export const SYNC_STATE_KEY = `${SYNC_META_PREFIX}state`;

/** Why a sync failed, in the terms the user is told (docs/sync.md "Errors"). */
export type SyncFailure =
  /** Wrong name or password, or the account was removed. */
  | 'unauthorized'
  /** Signed in, but no longer a member of this space. */
  | 'forbidden'
  /** The server could not be reached. */
  | 'offline'
  /** The browser does not (any more) let Kundennah contact the server. */
  | 'no-permission'
  | 'other';

export interface SyncState {
  lastSyncAt?: string;
  /** Why the latest attempt failed, and since when attempts have failed (cleared by a success). */
  failure?: SyncFailure;
  failingSince?: string;
  /** The latest successful sync's contacts merged from colleagues' edits (`contacts:<id>`). */
  merged?: { id: string; from: string[] }[];
  /** Documents of the latest sync that were refused (nothing of them was stored). */
  refused?: number;
  /** Changes of this device the server refused in the latest sync (they reached nobody). */
  serverRefused?: number;
  /** Team spaces the latest sync found this account no longer a member of (wiped here). */
  lost?: string[];
}

/** The popup speaks up once sync has failed for this long (a laptop offline for an hour is fine). */
export const FAILING_TOO_LONG_MS = 24 * 60 * 60 * 1000;

/** Since when sync has failed, if that is longer than a day. */
export function failingTooLong(state: SyncState | undefined, now: Date): string | undefined {
  const since = state?.failure ? state.failingSince : undefined;
  if (!since) return undefined;
  return now.getTime() - Date.parse(since) >= FAILING_TOO_LONG_MS ? since : undefined;
}
