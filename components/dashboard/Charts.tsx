// Charts of the insights page: plain SVG, labelled for screen readers (role="img" with a title and a
// description that says what the chart shows), text in the user's language. Props in, nothing out.
import { useId } from 'react';
import type { ParetoPoint, TierDistribution } from '@/lib/core';
import { formatMoney, formatPercent } from '@/lib/i18n';
import { TIERS, type Tier } from '@/lib/model';
import { useI18n } from '../I18n';

const TIER_COLOR: Record<Tier, string> = {
  A: 'var(--tier-a)',
  B: 'var(--tier-b)',
  C: 'var(--tier-c)',
};

function usePercent() {
  const { locale } = useI18n();
  return (share: number) => formatPercent(locale, share);
}

/** Per tier: customers and their share of revenue, as paired horizontal bars. */
export function TierChart({ data }: { data: TierDistribution }) {
  const { t, locale } = useI18n();
  const pct = usePercent();
  const titleId = useId();
  const descId = useId();
  const totalContacts = TIERS.reduce((n, tier) => n + data.tiers[tier].contacts, 0);
  const W = 560;
  const labelW = 40;
  const barW = 300;
  const rowH = 54;
  const H = TIERS.length * rowH + 28;
  const description = TIERS.map((tier) =>
    t('dash.chart.tierLine', {
      tier,
      count: data.tiers[tier].contacts,
      contactShare: pct(totalContacts ? data.tiers[tier].contacts / totalContacts : 0),
      revenueShare: pct(data.tiers[tier].revenueShare),
    }),
  ).join(' ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="tier-chart"
        className="tier-chart"
      >
        <title id={titleId}>{t('dash.chart.tierTitle')}</title>
        <desc id={descId}>{description}</desc>
        <g fontSize="12" fill="var(--muted)">
          <text x={labelW} y={14}>
            {t('dash.chart.customers')}
          </text>
          <text x={labelW} y={14} dx={barW + 12}>
            {t('dash.chart.revenue')}
          </text>
        </g>
        {TIERS.map((tier, i) => {
          const b = data.tiers[tier];
          const y = 24 + i * rowH;
          const contactShare = totalContacts ? b.contacts / totalContacts : 0;
          return (
            <g key={tier} data-testid={`tier-row-${tier}`}>
              <rect x={0} y={y + 6} width={28} height={28} rx={4} fill={TIER_COLOR[tier]} />
              <text
                x={14}
                y={y + 25}
                textAnchor="middle"
                fill="#fff"
                fontWeight="700"
                fontSize="14"
              >
                {tier}
              </text>
              {/* Customers: a light bar. */}
              <rect x={labelW} y={y + 4} width={barW} height={14} rx={3} fill="var(--track)" />
              <rect
                x={labelW}
                y={y + 4}
                width={Math.max(contactShare * barW, b.contacts ? 2 : 0)}
                height={14}
                rx={3}
                fill={TIER_COLOR[tier]}
                opacity={0.35}
                data-testid={`tier-contacts-bar-${tier}`}
                data-share={contactShare.toFixed(4)}
              />
              {/* Revenue: the strong bar. */}
              <rect x={labelW} y={y + 22} width={barW} height={14} rx={3} fill="var(--track)" />
              <rect
                x={labelW}
                y={y + 22}
                width={Math.max(b.revenueShare * barW, b.revenue > 0 ? 2 : 0)}
                height={14}
                rx={3}
                fill={TIER_COLOR[tier]}
                data-testid={`tier-bar-${tier}`}
                data-share={b.revenueShare.toFixed(4)}
                aria-label={t('dash.chart.tierBar', {
                  tier,
                  revenueShare: pct(b.revenueShare),
                })}
              />
              <text x={labelW + barW + 12} y={y + 15} fontSize="12" fill="var(--ink)">
                {t('contacts.count', { count: b.contacts })} · {pct(contactShare)}
              </text>
              <text
                x={labelW + barW + 12}
                y={y + 34}
                fontSize="12"
                fill="var(--ink)"
                fontWeight="600"
                data-testid={`tier-share-${tier}`}
              >
                {pct(b.revenueShare)} · {formatMoney(locale, b.revenue, true)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        {t('dash.chart.tierCaption', {
          total: formatMoney(locale, data.totalRevenue, true),
          lost: data.lost,
        })}
      </figcaption>
    </figure>
  );
}

/**
 * Revenue Pareto: one bar per customer unit (largest first, coloured by tier) and the cumulative
 * share as a line, with the A and B thresholds. Beyond 60 units the bars become a filled area.
 */
export function ParetoChart({
  points,
  paretoA,
  paretoB,
}: {
  points: ParetoPoint[];
  paretoA: number;
  paretoB: number;
}) {
  const { t, locale } = useI18n();
  const pct = usePercent();
  const titleId = useId();
  const descId = useId();
  const paying = points.filter((p) => p.figure > 0);
  const W = 640;
  const H = 260;
  const left = 70;
  const right = 44;
  const top = 14;
  const bottom = 34;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = paying.length;
  const max = Math.max(...paying.map((p) => p.figure), 1);
  const x = (i: number) => left + (n ? (i / n) * plotW : 0);
  const bw = n ? plotW / n : 0;
  const yBar = (v: number) => top + plotH - (v / max) * plotH;
  const yCum = (s: number) => top + plotH - s * plotH;
  const line = paying
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${(x(i) + bw).toFixed(1)},${yCum(p.cumulativeShare).toFixed(1)}`,
    )
    .join(' ');
  const firstB = paying.findIndex((p) => p.tier !== 'A');
  const aUnits = firstB < 0 ? n : firstB;
  const aShare = aUnits ? paying[aUnits - 1]!.cumulativeShare : 0;
  const description = n
    ? t('dash.chart.paretoDesc', {
        units: aUnits,
        total: n,
        unitShare: pct(aUnits / n),
        revenueShare: pct(aShare),
      })
    : t('dash.chart.noRevenue');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="pareto-chart"
        data-units={n}
        className="pareto-chart"
      >
        <title id={titleId}>{t('dash.chart.paretoTitle')}</title>
        <desc id={descId}>{description}</desc>
        {/* Axes and grid. */}
        {[0, 0.25, 0.5, 0.75, 1].map((s) => (
          <g key={s}>
            <line x1={left} x2={W - right} y1={yCum(s)} y2={yCum(s)} stroke="var(--grid)" />
            <text x={W - right + 6} y={yCum(s) + 4} fontSize="11" fill="var(--muted)">
              {pct(s)}
            </text>
          </g>
        ))}
        <text x={left - 6} y={top + 10} fontSize="11" fill="var(--muted)" textAnchor="end">
          {formatMoney(locale, max, true)}
        </text>
        <text x={left - 6} y={top + plotH} fontSize="11" fill="var(--muted)" textAnchor="end">
          0
        </text>
        {n <= 60
          ? paying.map((p, i) => (
              <rect
                key={p.key}
                x={x(i) + bw * 0.12}
                y={yBar(p.figure)}
                width={Math.max(bw * 0.76, 1)}
                height={top + plotH - yBar(p.figure)}
                fill={TIER_COLOR[p.tier]}
                opacity={0.8}
              >
                <title>
                  {`${p.company ?? p.name}: ${formatMoney(locale, p.figure, true)} (${pct(p.share)})`}
                </title>
              </rect>
            ))
          : TIERS.map((tier) => {
              const idx = paying.map((p, i) => (p.tier === tier ? i : -1)).filter((i) => i >= 0);
              if (!idx.length) return null;
              const d = [
                `M${x(idx[0]!)},${top + plotH}`,
                ...idx.map(
                  (i) =>
                    `L${x(i)},${yBar(paying[i]!.figure)} L${x(i) + bw},${yBar(paying[i]!.figure)}`,
                ),
                `L${x(idx[idx.length - 1]!) + bw},${top + plotH} Z`,
              ].join(' ');
              return <path key={tier} d={d} fill={TIER_COLOR[tier]} opacity={0.8} />;
            })}
        {/* Thresholds. */}
        {[
          [paretoA, 'A'],
          [paretoB, 'B'],
        ].map(([s, label]) => (
          <g key={label as string}>
            <line
              x1={left}
              x2={W - right}
              y1={yCum(s as number)}
              y2={yCum(s as number)}
              stroke="var(--accent)"
              strokeDasharray="4 3"
            />
            <text
              x={W - right - 4}
              y={yCum(s as number) + 13}
              fontSize="11"
              fill="var(--accent)"
              textAnchor="end"
            >
              {t('dash.chart.threshold', { tier: label as string, share: pct(s as number) })}
            </text>
          </g>
        ))}
        {n > 0 && (
          <path
            d={`M${left},${yCum(0)} ${line.replace(/^M/, 'L')}`}
            fill="none"
            stroke="var(--ink)"
            strokeWidth={2}
          />
        )}
        {n > 0 && aUnits > 0 && (
          <circle
            cx={x(aUnits - 1) + bw}
            cy={yCum(aShare)}
            r={4}
            fill="var(--tier-a)"
            data-testid="pareto-a-point"
          />
        )}
        <line x1={left} x2={W - right} y1={top + plotH} y2={top + plotH} stroke="var(--muted)" />
        <text x={left} y={H - 10} fontSize="11" fill="var(--muted)">
          {t('dash.chart.paretoAxis', { count: n })}
        </text>
      </svg>
      <figcaption className="small" data-testid="pareto-caption">
        {description}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars with a label and a value (lost customers by reason). */
export function BarList({
  items,
  testId,
  label,
}: {
  items: { key: string; label: string; value: number; text: string }[];
  testId?: string;
  label: string;
}) {
  const max = Math.max(...items.map((i) => i.value), 1);
  return (
    <ul className="bar-list" aria-label={label} data-testid={testId}>
      {items.map((i) => (
        <li key={i.key} data-key={i.key}>
          <span className="bar-label">{i.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(i.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{i.text}</span>
        </li>
      ))}
    </ul>
  );
}
