import type { Tier } from '@/lib/model';

/** The A/B/C badge; the reason is its accessible description and tooltip. */
export function TierBadge({ tier, reason }: { tier: Tier; reason?: string }) {
  return (
    <span
      className={`tier tier-${tier}`}
      title={reason}
      aria-label={reason ? `${tier}: ${reason}` : tier}
      data-testid="tier-badge"
    >
      {tier}
    </span>
  );
}
