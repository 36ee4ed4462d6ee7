// The relationship core over the benchmark data, in Node (issue budget: agenda ≤ 100 ms,
// tiers ≤ 50 ms), next to a plain loop that reads every record once (the floor).
import { buildAgenda, computeTiers } from '../../lib/core';
import { generateBenchData } from '../support/bench-data';
import { DEFAULT_SETTINGS, type ContactHistory } from '../../lib/model';
import { time, type Figure } from './figures';

function readEveryRecordOnce(histories: ContactHistory[]): number {
  let n = 0;
  for (const h of histories) {
    n += h.contact.name.length;
    for (const r of h.interactions) n += r.at.length;
    for (const r of h.commitments) n += r.dueAt.length;
    for (const r of h.feedback) n += r.at.length;
    for (const r of h.purchases) n += r.amount;
    for (const r of h.followUps) n += r.dueAt.length;
  }
  return n;
}

export async function coreFigures(now: Date): Promise<Figure[]> {
  const histories = generateBenchData({ now, timeZone: 'Europe/Berlin' });
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' };
  const floor = await time(() => readEveryRecordOnce(histories), 9, 2);
  const tiers = await time(() => computeTiers(histories, settings, now), 9, 2);
  const agenda = await time(() => buildAgenda(histories, settings, now), 9, 2);
  return [
    { figure: 'computeTiers, 10,000 contacts (Node)', value: tiers, unit: 'ms', budget: 50, floor },
    {
      figure: 'buildAgenda, 10,000 contacts (Node)',
      value: agenda,
      unit: 'ms',
      budget: 100,
      floor,
    },
  ];
}
