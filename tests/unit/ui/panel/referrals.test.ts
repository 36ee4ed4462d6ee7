import { describe, expect, it } from 'vitest';
import { formatCents, makeT } from '@/lib/i18n';
import { referralsText } from '@/lib/ui/panel/referrals';

const de = (r: { count: number; customers: number; revenueCents: number }) =>
  referralsText(makeT('de'), r, (c) => formatCents('de', c));
const en = (r: { count: number; customers: number; revenueCents: number }) =>
  referralsText(makeT('en'), r, (c) => formatCents('en', c));

describe('the panel line about what a referrer recommended', () => {
  it('says customers when every recommended contact bought, with the revenue', () => {
    expect(de({ count: 2, customers: 2, revenueCents: 1_400_000 })).toBe(
      'Hat Ihnen 2 Kunden empfohlen (14.000\u00a0€ Umsatz)',
    );
    expect(de({ count: 1, customers: 1, revenueCents: 1_200_000 })).toBe(
      'Hat Ihnen einen Kunden empfohlen (12.000\u00a0€ Umsatz)',
    );
    expect(en({ count: 2, customers: 2, revenueCents: 1_400_000 })).toBe(
      'Recommended 2 customers to you (€14,000 in revenue)',
    );
  });

  it('calls a prospect no customer', () => {
    expect(de({ count: 3, customers: 1, revenueCents: 500_000 })).toBe(
      'Hat Ihnen 3 Kontakte empfohlen, einer davon ist Kunde (5.000\u00a0€ Umsatz)',
    );
    expect(de({ count: 3, customers: 2, revenueCents: 500_000 })).toBe(
      'Hat Ihnen 3 Kontakte empfohlen, 2 davon sind Kunden (5.000\u00a0€ Umsatz)',
    );
    expect(de({ count: 1, customers: 0, revenueCents: 0 })).toBe(
      'Hat Ihnen einen Kontakt empfohlen (noch ohne Kauf)',
    );
    expect(en({ count: 2, customers: 0, revenueCents: 0 })).toBe(
      'Recommended 2 people to you (no purchase yet)',
    );
  });
});
