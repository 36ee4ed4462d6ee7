// Keeps the derived tables (summaries, agenda) in step with the data. Writes anywhere report which
// contacts they touched; this recomputes those, and everything when the day or the settings change.
// Tier inputs are cached in memory (a cache only: a stopped worker rebuilds it from the database).
import { computeTiers, todayIn } from '../core';
import {
  contactsWithChangedTier,
  derivedIsFresh,
  getMeta,
  recomputeAll,
  recomputeContacts,
  setMeta,
  settingsKey,
  tierInputs,
  type DataChange,
  type KundennahDB,
  type TierMap,
} from '../db';
import { historyOf, type ContactHistory, type Settings } from '../model';

const PENDING_KEY = 'derivedPending';
/** Above this many touched contacts (a big import), one full recomputation is faster. */
const FULL_RECOMPUTE_ABOVE = 300;

interface TierCache {
  key: string;
  inputs: Map<string, ContactHistory>;
  tiers: TierMap;
}

export interface Deriver {
  /** A write happened (anywhere): recompute what it touched, soon. */
  note(change: DataChange): void;
  /** Make sure the stored rows are for today and these settings; resolves when they are. */
  ensureFresh(): Promise<void>;
  /** Resolves when nothing is pending. */
  idle(): Promise<void>;
}

export function createDeriver(deps: {
  db: () => KundennahDB;
  settings: () => Promise<Settings>;
  now: () => Date;
  /** Called after rows changed (badge, open panels). */
  onUpdated: () => void;
}): Deriver {
  let cache: TierCache | undefined;
  let pendingIds = new Set<string>();
  let tiersDirty = false;
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const keyOf = (s: Settings, now: Date) => `${todayIn(now, s.timeZone)}|${settingsKey(s)}`;

  async function refreshTierInputs(db: KundennahDB, ids: string[]): Promise<void> {
    if (!cache) return;
    for (const id of ids) {
      const contact = await db.contacts.get(id);
      if (!contact) {
        cache.inputs.delete(id);
        continue;
      }
      const purchases = await db.purchases.where('contactId').equals(id).toArray();
      cache.inputs.set(id, historyOf(contact, purchases));
    }
  }

  async function run(): Promise<void> {
    const db = deps.db();
    const settings = await deps.settings();
    const now = deps.now();
    const key = keyOf(settings, now);
    const stale =
      everything ||
      pendingIds.size > FULL_RECOMPUTE_ABOVE ||
      !(await derivedIsFresh(db, settings, now));
    const ids = [...pendingIds];
    const moveTiers = tiersDirty;
    pendingIds = new Set();
    tiersDirty = false;
    everything = false;

    if (stale) {
      await setMeta(db, PENDING_KEY, ['*']);
      const tiers = await recomputeAll(db, settings, now);
      const inputs = new Map((await tierInputs(db)).map((h) => [h.contact.id, h]));
      cache = { key, inputs, tiers };
      await setMeta(db, PENDING_KEY, []);
      deps.onUpdated();
      return;
    }
    if (!ids.length && !moveTiers) return;
    await setMeta(db, PENDING_KEY, ids);

    let affected = ids;
    if (moveTiers || !cache || cache.key !== key) {
      const fresh = !cache || cache.key !== key;
      if (fresh) {
        const inputs = new Map((await tierInputs(db)).map((h) => [h.contact.id, h]));
        cache = { key, inputs, tiers: {} };
      } else await refreshTierInputs(db, ids);
      const c = cache!;
      const tiers = computeTiers([...c.inputs.values()], settings, now);
      const changed = fresh
        ? await contactsWithChangedTier(db, tiers)
        : Object.keys(tiers).filter(
            (id) =>
              c.tiers[id]?.tier !== tiers[id]?.tier || c.tiers[id]?.reason !== tiers[id]?.reason,
          );
      c.tiers = tiers;
      affected = [...new Set([...ids, ...changed])];
    }
    await recomputeContacts(db, affected, cache!.tiers, settings, now);
    await setMeta(db, PENDING_KEY, []);
    deps.onUpdated();
  }

  function schedule(delay = 30): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running
        .then(run)
        .catch((e) => console.warn('Kundennah: derived data not updated', e));
    }, delay);
  }

  return {
    note(change) {
      for (const id of change.contactIds) pendingIds.add(id);
      if (change.tables.includes('contacts') || change.tables.includes('purchases'))
        tiersDirty = true;
      if (change.tables.includes('settings')) everything = true;
      schedule();
    },
    async ensureFresh() {
      // Work a stopped worker left unfinished comes first.
      const left = await getMeta<string[]>(deps.db(), PENDING_KEY);
      if (left?.includes('*')) everything = true;
      else for (const id of left ?? []) pendingIds.add(id);
      if (left?.length) tiersDirty = true;
      running = running
        .then(run)
        .catch((e) => console.warn('Kundennah: derived data not updated', e));
      await running;
    },
    async idle() {
      await running;
    },
  };
}
