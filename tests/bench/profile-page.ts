// Runs inside the dashboard page of the benchmark profile: writes the benchmark data (10,000
// contacts, 200,000 interactions, 20,000 each of promises, feedback and purchases) into the app's
// own database and derives the agenda and summaries, as the background would.
import { KundennahDB, SCHEMA_VERSIONS, getSettings, recomputeAll } from '../../lib/db';
import { flattenHistories } from '../../lib/demo';
import { generateBenchData } from '../support/bench-data';

export async function fill(nowIso: string): Promise<{ writeMs: number; deriveMs: number }> {
  const now = new Date(nowIso);
  const db = new KundennahDB();
  await db.open();
  const flat = flattenHistories(generateBenchData({ now }));
  const t0 = performance.now();
  await db.transaction(
    'rw',
    [db.contacts, db.interactions, db.commitments, db.feedback, db.purchases, db.followUps],
    async () => {
      await db.contacts.bulkPut(flat.contacts);
      await db.interactions.bulkPut(flat.interactions);
      await db.commitments.bulkPut(flat.commitments);
      await db.feedback.bulkPut(flat.feedback);
      await db.purchases.bulkPut(flat.purchases);
      await db.followUps.bulkPut(flat.followUps);
    },
  );
  const t1 = performance.now();
  await recomputeAll(db, await getSettings(db, navigator.language), now);
  const t2 = performance.now();
  db.close();
  return { writeMs: t1 - t0, deriveMs: t2 - t1 };
}

export function schemaVersion(): number {
  return SCHEMA_VERSIONS.at(-1)!.version;
}
