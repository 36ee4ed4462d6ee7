// The relationship core over the benchmark data, in Node (issue budget: agenda ≤ 100 ms,
// tiers ≤ 50 ms), next to a plain loop that reads every record once (the floor).
import {
  buildAgenda,
  computeTiers,
  createContext,
  matchOccasion,
  type MatchSubject,
} from '../../lib/core';
import { Rng, deriveSeed } from '../../lib/demo/random';
import { generateBenchData } from '../support/bench-data';
import { DEFAULT_SETTINGS, type ContactHistory, type Occasion } from '../../lib/model';
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

/** What moves customers, as users note it: a third of the contacts get one or two. */
const CONCERNS = [
  'ERP-Auswahl bis Q3',
  'Praxisumzug im April',
  'Tochter studiert in Wien',
  'Nachfolge in der Geschäftsführung',
  'Neue Website bis Jahresende',
  'Fördermittel für die Digitalisierung beantragen',
  'Fachkräfte finden',
  'E-Rechnung ab Januar Pflicht',
  'Zweiter Standort in Leipzig',
  'Umstellung auf Cloud-Telefonie',
];

/** The bench contacts as matching reads them, with concerns and tiers. */
function subjectsOf(histories: ContactHistory[], tiers: Record<string, { tier: 'A' | 'B' | 'C' }>) {
  const rng = new Rng(deriveSeed(1, 'bench-concerns'));
  return histories.map((h): MatchSubject => {
    const contact = { ...h.contact };
    if (rng.chance(0.33))
      contact.concerns = rng.sample(CONCERNS, rng.int(1, 2)).map((text, i) => ({
        id: `k${i}`,
        text,
        notedAt: '2026-01-15',
      }));
    return { contact, purchases: h.purchases, tier: tiers[contact.id]?.tier ?? 'C' };
  });
}

export async function coreFigures(now: Date): Promise<Figure[]> {
  const histories = generateBenchData({ now, timeZone: 'Europe/Berlin' });
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' };
  const floor = await time(() => readEveryRecordOnce(histories), 9, 2);
  const tiers = await time(() => computeTiers(histories, settings, now), 9, 2);
  const agenda = await time(() => buildAgenda(histories, settings, now), 9, 2);
  const subjects = subjectsOf(histories, computeTiers(histories, settings, now));
  const occasion: Occasion = {
    id: 'bench-occasion',
    kind: 'funding',
    title: 'Förderprogramm go-digital',
    keywords: ['Digitalisierung', 'Förderung', 'ERP', 'E-Rechnung'],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const ctx = createContext(settings, now);
  const matching = await time(() => matchOccasion(occasion, subjects, ctx), 9, 2);
  return [
    { figure: 'computeTiers, 10,000 contacts (Node)', value: tiers, unit: 'ms', budget: 50, floor },
    {
      figure: 'buildAgenda, 10,000 contacts (Node)',
      value: agenda,
      unit: 'ms',
      budget: 100,
      floor,
    },
    {
      figure: 'match an occasion against 10,000 contacts (Node)',
      value: matching,
      unit: 'ms',
      budget: 100,
      floor,
    },
  ];
}
