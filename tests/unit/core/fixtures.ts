// Builders for core tests: histories with defaults, and a seeded generator of large data sets.

import type {
  Commitment,
  Contact,
  ContactHistory,
  Feedback,
  FollowUp,
  Interaction,
  Purchase,
  Settings,
} from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/model';

export const settings = (over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  timeZone: 'Europe/Berlin',
  locale: 'en',
  ...over,
});

let seq = 0;
export const nextId = (prefix: string) => `${prefix}${String(++seq).padStart(6, '0')}`;

export function contact(over: Partial<Contact> = {}): Contact {
  return {
    id: over.id ?? nextId('c'),
    name: 'Jürgen Müller',
    emails: [],
    phones: [],
    profileUrls: [],
    status: 'active',
    preferredChannels: [],
    interests: [],
    createdAt: '2025-01-01',
    updatedAt: '2025-01-01',
    ...over,
  };
}

export function history(
  c: Partial<Contact> = {},
  rest: Partial<Omit<ContactHistory, 'contact'>> = {},
): ContactHistory {
  const ct = contact(c);
  const fix = <T extends { contactId: string }>(list: T[] | undefined) =>
    (list ?? []).map((r) => ({ ...r, contactId: ct.id }));
  return {
    contact: ct,
    interactions: fix(rest.interactions),
    commitments: fix(rest.commitments),
    feedback: fix(rest.feedback),
    purchases: fix(rest.purchases),
    followUps: fix(rest.followUps),
  };
}

export const interaction = (at: string, over: Partial<Interaction> = {}): Interaction => ({
  id: nextId('i'),
  contactId: '',
  at,
  channel: 'phone',
  direction: 'out',
  personal: true,
  ...over,
});

export const commitment = (dueAt: string, over: Partial<Commitment> = {}): Commitment => ({
  id: nextId('p'),
  contactId: '',
  text: 'send the quote',
  createdAt: '2025-01-01',
  dueAt,
  ...over,
});

export const feedback = (at: string, over: Partial<Feedback> = {}): Feedback => ({
  id: nextId('f'),
  contactId: '',
  at,
  complaint: false,
  ...over,
});

export const purchase = (at: string, amount: number, over: Partial<Purchase> = {}): Purchase => ({
  id: nextId('b'),
  contactId: '',
  at,
  amount,
  ...over,
});

export const followUp = (dueAt: string, over: Partial<FollowUp> = {}): FollowUp => ({
  id: nextId('u'),
  contactId: '',
  dueAt,
  note: 'ask about the workshop',
  ...over,
});

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Jürgen',
  'Anna',
  'Özlem',
  'Zoë',
  'Peter',
  'Max',
  'Ulrike',
  'Stefan',
  'Clara',
  'Lars',
];
const LAST = ['Müller', 'Schmidt', 'Meier', 'Öztürk', 'Weiß', 'Zimmermann', 'Bauer', 'Becker'];

/**
 * A data set of the size the core must handle fast: `contacts` people, 20 interactions each and
 * 2 each of commitments, feedback and purchases, spread over three years before `now`, dates in
 * all the shapes the model allows.
 */
export function bigData(now: Date, contacts = 10_000, seed = 7): ContactHistory[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  const nowMs = now.getTime();
  const iso = (ms: number) => {
    const k = r();
    const d = new Date(ms);
    if (k < 0.3) return d.toISOString().slice(0, 10);
    if (k < 0.8) return d.toISOString();
    if (k < 0.9) return d.toISOString().slice(0, 19).replace('Z', '') + '+01:00';
    return d.toISOString().slice(0, 19);
  };
  const past = () => nowMs - Math.floor(r() * 3 * 365 * 86_400_000);
  const out: ContactHistory[] = [];
  for (let i = 0; i < contacts; i++) {
    const id = `c${String(i).padStart(5, '0')}`;
    const c: Contact = {
      id,
      name: `${pick(FIRST)} ${pick(LAST)} ${i}`,
      emails: [`p${i}@example.com`],
      phones: [],
      profileUrls: i % 5 === 0 ? [`https://www.xing.com/profile/P_${i}`] : [],
      status: i % 50 === 0 ? 'lost' : i % 7 === 0 ? 'prospect' : 'active',
      ...(i % 50 === 0 ? { lost: { at: iso(past()), reason: 'price' as const } } : {}),
      company: i % 3 === 0 ? undefined : `Firma ${i % 3000}  GmbH`,
      preferredChannels: i % 4 === 0 ? ['xing', 'phone'] : [],
      interests: i % 2 === 0 ? ['Segeln', 'Jazz'] : [],
      birthday: i % 2 === 0 ? { month: 1 + (i % 12), day: 1 + (i % 28) } : undefined,
      partner: i % 10 === 0 ? { name: 'Anna', birthday: { month: 2, day: 29 } } : undefined,
      avoid:
        i % 10 === 0 ? { months: [8], weekdays: [6, 7], hours: { from: 0, to: 10 } } : undefined,
      address: i % 2 ? 'Sie' : 'Du',
      potential: i % 11 === 0 ? 50_000 : undefined,
      createdAt: iso(nowMs - 4 * 365 * 86_400_000),
      updatedAt: iso(past()),
    };
    const interactions: Interaction[] = [];
    for (let k = 0; k < 20; k++)
      interactions.push({
        id: `${id}-i${k}`,
        contactId: id,
        at: iso(past()),
        channel: pick(['email', 'phone', 'meeting', 'xing'] as const),
        direction: r() < 0.5 ? 'in' : 'out',
        personal: r() < 0.7,
        summary: 'talked about the new shop',
      });
    const commitments: Commitment[] = [0, 1].map((k) => ({
      id: `${id}-p${k}`,
      contactId: id,
      text: 'send the quote',
      createdAt: iso(past()),
      dueAt: iso(nowMs + Math.floor((r() - 0.7) * 60 * 86_400_000)),
      ...(r() < 0.6 ? { doneAt: iso(past()) } : {}),
    }));
    const feedback: Feedback[] = [0, 1].map((k) => ({
      id: `${id}-f${k}`,
      contactId: id,
      at: iso(past()),
      product: 1 + Math.floor(r() * 5),
      service: 1 + Math.floor(r() * 5),
      complaint: r() < 0.05,
    }));
    const purchases: Purchase[] = [0, 1].map((k) => ({
      id: `${id}-b${k}`,
      contactId: id,
      at: iso(past()),
      amount: Math.round(r() * 20_000 * 100) / 100,
      description: 'Workshop',
    }));
    const followUps: FollowUp[] =
      i % 5 === 0
        ? [
            {
              id: `${id}-u0`,
              contactId: id,
              dueAt: iso(nowMs + Math.floor((r() - 0.5) * 20 * 86_400_000)),
              note: 'call back',
            },
          ]
        : [];
    out.push({ contact: c, interactions, commitments, feedback, purchases, followUps });
  }
  return out;
}
