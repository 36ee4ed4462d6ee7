// Builders for core tests: histories with defaults, and large data sets from the bench generator.

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
import { generateBenchData } from '../../support/bench-data';

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

/**
 * A data set of the size the core must handle fast: `contacts` people with 20 interactions each and
 * 2 each of commitments, feedback and purchases (for 10,000 contacts: 200,000 interactions), spread
 * over the years before `now`. Made by the benchmark's own generator, the one big-data generator.
 */
export function bigData(now: Date, contacts = 10_000, seed = 7): ContactHistory[] {
  return generateBenchData({
    now,
    seed,
    contacts,
    interactions: contacts * 20,
    commitments: contacts * 2,
    feedback: contacts * 2,
    purchases: contacts * 2,
    timeZone: 'Europe/Berlin',
  });
}
