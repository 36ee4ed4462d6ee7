// The panel card's line about a referrer: "Hat Ihnen 2 Kunden empfohlen (14.000 € Umsatz)".
import type { T } from '../../i18n';
import type { ContactCard } from '../../messaging';

/**
 * Customers only when they bought (a prospect is no customer); otherwise how many were
 * recommended and how many of them bought. The revenue follows when there is any.
 */
export function referralsText(
  t: T,
  r: NonNullable<ContactCard['referrals']>,
  amount: (cents: number) => string,
): string {
  const who =
    r.customers === r.count
      ? t('panel.referrals', { count: r.count })
      : r.customers === 0
        ? t('panel.referralsProspects', { count: r.count })
        : t('panel.referralsSome', { count: r.customers, referred: r.count });
  return r.revenueCents > 0
    ? `${who} ${t('panel.referralsRevenue', { amount: amount(r.revenueCents) })}`
    : who;
}
