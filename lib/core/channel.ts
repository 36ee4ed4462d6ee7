// Which channel a touch should use (PRODUCT.md "Channel"): the contact's preferred channel where it
// fits, else by closeness — never a mass channel.

import { CHANNELS, profileSite, type Channel, type Contact, type Tier } from '../model';
import { THANKS_KINDS, type SuggestionKind } from './kinds';

const KNOWN: ReadonlySet<string> = new Set<string>(CHANNELS);

/** The first preferred channel (in the contact's order) that is known and passes `ok`. */
function firstPreferred(contact: Contact, ok: (c: Channel) => boolean): Channel | undefined {
  const list = contact?.preferredChannels;
  if (!Array.isArray(list)) return undefined;
  for (const c of list) if (typeof c === 'string' && KNOWN.has(c) && ok(c)) return c;
  return undefined;
}

const notMass = (c: Channel) => c !== 'event' && c !== 'other';
const personalWish = (c: Channel) => c !== 'email' && c !== 'event' && c !== 'other';

export interface ChannelChoice {
  channel: Channel;
  /** How it was chosen, for the reason: from the preferences, from a profile, or by closeness. */
  basis: 'fixed' | 'preferred' | 'profile' | 'closeness' | 'message' | 'purchase' | 'thanks';
}

/**
 * Complaints and exit conversations: phone. Birthdays and a congratulation on a new position: the first preferred channel that is neither
 * e-mail nor event/other, else XING or LinkedIn when a profile there is known (XING first), else
 * phone — a birthday wish by standard e-mail gets lost. A reply: the channel the message came in on
 * (e-mail for `other`). Everything else: the first preferred channel that is not event/other, else
 * phone for an after-purchase check-in when a phone number is known, else phone for A and B,
 * personal e-mail for C. A thank-you (for a referral, for years of custom) is never an offer: for A a
 * small gift, for B a letter (a card written by hand); for C as everything else.
 */
export function chooseChannel(
  kind: SuggestionKind,
  contact: Contact,
  tier: Tier,
  messageChannel?: Channel,
): ChannelChoice {
  if (kind === 'complaint' || kind === 'exit-conversation')
    return { channel: 'phone', basis: 'fixed' };
  if (THANKS_KINDS.includes(kind) && tier !== 'C')
    return { channel: tier === 'A' ? 'gift' : 'letter', basis: 'thanks' };
  if (kind === 'reply')
    return {
      channel: messageChannel && messageChannel !== 'other' ? messageChannel : 'email',
      basis: 'message',
    };
  if (kind === 'birthday' || kind === 'partner-birthday' || kind === 'congratulation') {
    const p = firstPreferred(contact, personalWish);
    if (p) return { channel: p, basis: 'preferred' };
    let linkedin = false;
    for (const url of Array.isArray(contact?.profileUrls) ? contact.profileUrls : []) {
      const site = profileSite(url);
      if (site === 'xing') return { channel: 'xing', basis: 'profile' };
      if (site === 'linkedin') linkedin = true;
    }
    if (linkedin) return { channel: 'linkedin', basis: 'profile' };
    return { channel: 'phone', basis: 'closeness' };
  }
  const p = firstPreferred(contact, notMass);
  if (p) return { channel: p, basis: 'preferred' };
  const phones = Array.isArray(contact?.phones) ? contact.phones : [];
  if (kind === 'after-purchase' && phones.length > 0)
    return { channel: 'phone', basis: 'purchase' };
  return { channel: tier === 'C' ? 'email' : 'phone', basis: 'closeness' };
}
