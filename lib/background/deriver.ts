// Keeps the derived tables (summaries, agenda) in step with the data. Every write marks the contacts
// it touched as dirty, in its own transaction (lib/db/changes.ts); this recomputes the marked ones —
// and everyone whose tier moved — and everything when the day or the settings change. A change
// message (from this worker's own writes or from a page) says "look soon" and names the contacts; a
// lost message costs nothing but time until the next look, because the marks are data.
// Tier inputs are cached in memory (a cache only: a stopped worker rebuilds it from the database).
import { createContext, tierInsights, type TierInsights } from '../core';
import {
  contactsWithChangedTier,
  derivedIsFresh,
  dirtyMarks,
  recomputeAll,
  recomputeContacts,
  settingsKey,
  tierInputs,
  tiersIn,
  type DataChange,
  type KundennahDB,
  type TierMap,
} from '../db';
import { historyOf, type ContactHistory, type Settings } from '../model';

/** Above this many touched contacts (a big import), one full recomputation is faster. */
const FULL_RECOMPUTE_ABOVE = 300;
/** A write is followed this soon, and a stream of writes delays that by at most `MAX_WAIT_MS`. */
const DELAY_MS = 30;
const MAX_WAIT_MS = 1000;

interface TierCache {
  key: string;
  inputs: Map<string, ContactHistory>;
  tiers: TierMap;
}

export interface Deriver {
  /** A write happened (anywhere): look at the dirty marks soon. */
  note(change?: DataChange): void;
  /** Make sure the stored rows follow every write and are for today and these settings. */
  ensureFresh(): Promise<void>;
  /** Resolves when nothing is pending. */
  idle(): Promise<void>;
  /**
   * Hold the rows back during a stream of writes that ends by itself (a sync bringing thousands
   * of records in hundreds of transactions): one run after the release instead of a full
   * recomputation every second. Returns the release (calling it again does nothing).
   */
  hold(): () => void;
}

export function createDeriver(deps: {
  db: () => KundennahDB;
  settings: () => Promise<Settings>;
  now: () => Date;
  /** Called after rows changed (badge, open panels). */
  onUpdated: () => void;
}): Deriver {
  let cache: TierCache | undefined;
  /** Contacts named by change messages since the last run (marks name the rest). */
  let noted = new Set<string>();
  let notedTiers = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince: number | undefined;
  let running: Promise<void> = Promise.resolve();
  let holds = 0;

  const keyOf = (s: Settings, now: Date) => `${createContext(s, now).todayIso}|${settingsKey(s)}`;

  async function refreshTierInputs(db: KundennahDB, c: TierCache, ids: string[]): Promise<void> {
    for (const id of ids) {
      const contact = await db.contacts.get(id);
      if (!contact) {
        c.inputs.delete(id);
        continue;
      }
      const purchases = await db.purchases.where('contactId').equals(id).toArray();
      c.inputs.set(id, historyOf(contact, purchases));
    }
  }

  async function run(): Promise<void> {
    const db = deps.db();
    const settings = await deps.settings();
    const now = deps.now();
    const key = keyOf(settings, now);
    const marks = await dirtyMarks(db);
    const ids = [...new Set([...Object.keys(marks.contacts), ...noted])];
    const tiersMoved = marks.tiers > 0 || notedTiers;
    noted = new Set();
    notedTiers = false;
    const stale =
      marks.all > 0 ||
      ids.length > FULL_RECOMPUTE_ABOVE ||
      !(await derivedIsFresh(db, settings, now));

    if (stale) {
      const tiers = await recomputeAll(db, settings, now);
      const inputs = new Map((await tierInputs(db)).map((h) => [h.contact.id, h]));
      cache = { key, inputs, tiers };
      deps.onUpdated();
      return;
    }
    if (!ids.length && !tiersMoved) return;

    let affected = ids;
    let tierPart: TierInsights | undefined;
    if (tiersMoved || !cache || cache.key !== key) {
      const fresh = !cache || cache.key !== key;
      if (!cache || fresh) {
        const inputs = new Map((await tierInputs(db)).map((h) => [h.contact.id, h]));
        cache = { key, inputs, tiers: {} };
      } else await refreshTierInputs(db, cache, ids);
      const c = cache;
      const tiers = tiersIn([...c.inputs.values()], createContext(settings, now));
      const changed = fresh
        ? await contactsWithChangedTier(db, tiers)
        : Object.keys(tiers).filter(
            (id) =>
              c.tiers[id]?.tier !== tiers[id]?.tier || c.tiers[id]?.reason !== tiers[id]?.reason,
          );
      c.tiers = tiers;
      affected = [...new Set([...ids, ...changed])];
      // The insights that follow from the same inputs (distribution, Pareto, lost, birthdays,
      // referrals) move with them.
      tierPart = tierInsights([...c.inputs.values()], settings, now);
    }
    await recomputeContacts(db, affected, cache.tiers, settings, now, marks, tierPart);
    deps.onUpdated();
  }

  /** A run queued behind the current one and not started yet: later requests join it. */
  let queued: Promise<void> | undefined;

  function enqueue(): Promise<void> {
    // However many messages arrive, at most one run waits: the queue cannot grow, and each run
    // takes everything noted until it starts (issue 15, point 3: a flood cannot starve the rows).
    if (queued) return queued;
    const next = running
      .then(() => {
        queued = undefined;
        return run();
      })
      .catch((e) => console.warn('Kundennah: derived data not updated', e));
    queued = next;
    running = next;
    return next;
  }

  function schedule(): void {
    if (holds > 0) return;
    const at = Date.now();
    waitingSince ??= at;
    clearTimeout(timer);
    // A flood of writes must not starve the rows: after MAX_WAIT_MS they follow anyway.
    const delay = Math.max(0, Math.min(DELAY_MS, waitingSince + MAX_WAIT_MS - at));
    timer = setTimeout(() => {
      waitingSince = undefined;
      void enqueue();
    }, delay);
  }

  return {
    note(change) {
      for (const id of change?.contactIds ?? []) noted.add(id);
      if (change?.tables.some((t) => t === 'contacts' || t === 'purchases')) notedTiers = true;
      schedule();
    },
    async ensureFresh() {
      await enqueue();
    },
    async idle() {
      await running;
    },
    hold() {
      holds++;
      clearTimeout(timer);
      waitingSince = undefined;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        schedule();
      };
    },
  };
}
