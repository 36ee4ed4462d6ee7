// Figures derived from all contacts that several answers need (tiers for the panel, the agenda for
// the badge). Cached in memory for speed only: losing the cache when the service worker stops
// costs one recomputation, never data.
import { buildAgenda, computeTiers, todayIn } from '../core';
import { getAllHistories, type KundennahDB } from '../db';
import type { ContactHistory, Settings, Tier } from '../model';

export type TierMap = Record<string, { tier: Tier; reason: string }>;

/** Contacts with their purchases only: all that the tier rule reads, much less than everything. */
async function tierInputs(db: KundennahDB): Promise<ContactHistory[]> {
  const [contacts, purchases] = await Promise.all([db.contacts.toArray(), db.purchases.toArray()]);
  const byId = new Map<string, ContactHistory>();
  for (const contact of contacts)
    byId.set(contact.id, {
      contact,
      interactions: [],
      commitments: [],
      feedback: [],
      purchases: [],
      followUps: [],
    });
  for (const p of purchases) byId.get(p.contactId)?.purchases.push(p);
  return [...byId.values()];
}

export function createDerived(db: () => KundennahDB) {
  let tiers: { key: string; value: Promise<TierMap> } | undefined;

  const keyOf = (settings: Settings, now: Date) =>
    `${todayIn(now, settings.timeZone)}|${JSON.stringify(settings)}`;

  return {
    /** Forget everything: called on every data change. */
    invalidate() {
      tiers = undefined;
    },
    tiers(settings: Settings, now: Date): Promise<TierMap> {
      const key = keyOf(settings, now);
      if (tiers?.key !== key) {
        const value = tierInputs(db()).then((h) => computeTiers(h, settings, now));
        tiers = { key, value };
        value.catch(() => {
          if (tiers?.value === value) tiers = undefined;
        });
      }
      return tiers.value;
    },
    /** Today's pressing items over everything (the badge count). */
    async agenda(settings: Settings, now: Date) {
      return buildAgenda(await getAllHistories(db()), settings, now);
    },
  };
}
export type Derived = ReturnType<typeof createDerived>;
