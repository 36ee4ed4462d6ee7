import type {
  Commitment,
  Contact,
  ContactHistory,
  Feedback,
  FollowUp,
  Interaction,
  Purchase,
} from '../model';

export interface FlatTables {
  contacts: Contact[];
  interactions: Interaction[];
  commitments: Commitment[];
  feedback: Feedback[];
  purchases: Purchase[];
  followUps: FollowUp[];
}

/** One array per table, in history order, for bulk loading. The records are shared, not copied. */
export function flattenHistories(histories: readonly ContactHistory[]): FlatTables {
  const out: FlatTables = {
    contacts: [],
    interactions: [],
    commitments: [],
    feedback: [],
    purchases: [],
    followUps: [],
  };
  for (const h of histories) {
    out.contacts.push(h.contact);
    for (const r of h.interactions) out.interactions.push(r);
    for (const r of h.commitments) out.commitments.push(r);
    for (const r of h.feedback) out.feedback.push(r);
    for (const r of h.purchases) out.purchases.push(r);
    for (const r of h.followUps) out.followUps.push(r);
  }
  return out;
}
