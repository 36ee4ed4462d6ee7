import { useMemo } from 'react';
import { formatMoney, lostReasonName } from '@/lib/i18n';
import { TIERS } from '@/lib/model';
import { useCadenceRows, useDayNow, useStoredInsights } from '@/lib/ui/dashboard/data';
import { useOccasions } from '@/lib/ui/dashboard/occasion-data';
import { OCCASION_FOLLOW_DAYS } from '@/lib/core';
import {
  BIRTHDAY_DAYS,
  insightsFromStored,
  overdueRelationships,
} from '@/lib/ui/dashboard/insights-page';
import { capitalize, dayLabel, dueLabel, relativeLabel } from '@/lib/ui/format';
import { useI18n } from '../I18n';
import { TierBadge } from '../TierBadge';
import { BarList, ParetoChart, TierChart } from './Charts';
import type { PageProps } from './page-props';
import { Section, useDashSettings } from './ui';
import { contactHash as contactLink } from '@/lib/ui/route';

export function InsightsPage(_props: PageProps) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const now = useDayNow(settings.timeZone);
  const stored = useStoredInsights();
  const agenda = useCadenceRows();
  const recorded = useOccasions();
  const insights = useMemo(
    () => (stored && recorded ? insightsFromStored(stored, recorded, locale) : undefined),
    [stored, recorded, locale],
  );
  const overdue = useMemo(
    () => (agenda ? overdueRelationships(agenda, now, settings.timeZone) : undefined),
    [agenda, now, settings.timeZone],
  );

  if (!insights)
    return (
      <main className="insights-page">
        <h1>{t('nav.insights')}</h1>
        <p className="muted" role="status" data-testid="insights-loading">
          {t('dash.insights.loading')}
        </p>
      </main>
    );

  if (insights.contacts === 0)
    return (
      <main className="insights-page">
        <h1>{t('nav.insights')}</h1>
        <div className="card empty-state">
          <p>{t('dash.insights.empty')}</p>
          <a href="#/contacts">{t('nav.contacts')}</a>
        </div>
      </main>
    );

  const { distribution, pareto, atRisk, lost, birthdays, referrers, occasions } = insights;

  return (
    <main className="insights-page" data-testid="insights">
      <header className="page-head">
        <h1>{t('nav.insights')}</h1>
        <p className="muted">{t(`dash.insights.mode.${settings.tierMode}`)}</p>
      </header>
      <div className="insights-grid">
        <Section title={t('dash.insights.tiers')} testId="insights-tiers">
          <TierChart data={distribution} />
        </Section>
        <Section title={t('dash.insights.pareto')} testId="insights-pareto">
          <ParetoChart points={pareto} paretoA={settings.paretoA} paretoB={settings.paretoB} />
        </Section>

        <Section title={t('dash.insights.atRisk', { count: atRisk.length })} testId="insights-risk">
          {atRisk.length === 0 ? (
            <p className="muted">{t('dash.insights.noRisk')}</p>
          ) : (
            <ul className="plain-list">
              {atRisk.slice(0, 50).map((e) => (
                <li key={e.contactId}>
                  <TierBadge tier={e.tier} /> <a href={contactLink(e.contactId)}>{e.name}</a>
                  {e.company && <span className="muted"> · {e.company}</span>}
                  <ul className="reasons">
                    {e.reasons.map((r) => (
                      <li key={r.kind}>{r.text}</li>
                    ))}
                  </ul>
                </li>
              ))}
              {atRisk.length > 50 && (
                <li className="muted">
                  <a href="#/contacts?risk=1">
                    {t('dash.insights.more', { count: atRisk.length - 50 })}
                  </a>
                </li>
              )}
            </ul>
          )}
        </Section>

        <Section
          title={t('dash.insights.overdue', { count: overdue?.length ?? 0 })}
          testId="insights-overdue"
        >
          {!overdue ? (
            <p className="muted">{t('common.loading')}</p>
          ) : overdue.length === 0 ? (
            <p className="muted">{t('dash.insights.noOverdue')}</p>
          ) : (
            <ul className="plain-list compact">
              {overdue.slice(0, 50).map((r) => (
                <li key={r.id}>
                  <TierBadge tier={r.tier} /> <a href={contactLink(r.contactId)}>{r.name}</a>
                  {r.company && <span className="muted"> · {r.company}</span>}
                  <span className="warn-text small">
                    {' '}
                    — {dueLabel(r.due, now, locale, settings.timeZone)}
                  </span>
                </li>
              ))}
              {overdue.length > 50 && (
                <li className="muted">
                  <a href="#/contacts?overdue=1&sort=next">
                    {t('dash.insights.more', { count: overdue.length - 50 })}
                  </a>
                </li>
              )}
            </ul>
          )}
        </Section>

        <Section title={t('dash.insights.lost', { count: lost.total })} testId="insights-lost">
          {lost.total === 0 ? (
            <p className="muted">{t('dash.insights.noLost')}</p>
          ) : (
            <>
              <p>
                {t('dash.insights.revenueLost', {
                  amount: formatMoney(locale, lost.revenueLost, true),
                })}
              </p>
              <h3>{t('dash.insights.byReason')}</h3>
              <BarList
                label={t('dash.insights.byReason')}
                testId="lost-by-reason"
                items={lost.byReason.map((g) => ({
                  key: g.reason,
                  label: capitalize(lostReasonName(locale, g.reason)),
                  value: g.count,
                  text: `${g.count} · ${formatMoney(locale, g.revenueLost, true)}`,
                }))}
              />
              <h3>{t('dash.insights.byTier')}</h3>
              <BarList
                label={t('dash.insights.byTier')}
                testId="lost-by-tier"
                items={TIERS.map((tier) => ({
                  key: tier,
                  label: t('dash.filters.tier', { tier }),
                  value: lost.byTier[tier].count,
                  text: `${lost.byTier[tier].count} · ${formatMoney(locale, lost.byTier[tier].revenueLost, true)}`,
                }))}
              />
              <h3>{t('dash.insights.noExit', { count: lost.withoutExitConversation.length })}</h3>
              {lost.withoutExitConversation.length === 0 ? (
                <p className="muted">{t('dash.insights.allExit')}</p>
              ) : (
                <ul className="plain-list compact" data-testid="lost-no-exit">
                  {lost.withoutExitConversation.map((id) => {
                    const entry = lost.entries.find((e) => e.contactId === id);
                    return (
                      <li key={id}>
                        <a href={contactLink(id)}>{entry?.name ?? id}</a>
                        {entry && (
                          <span className="muted">
                            {' '}
                            · {lostReasonName(locale, entry.reason)} ·{' '}
                            {relativeLabel(entry.lostOn, now, locale, settings.timeZone)}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {lost.entries.some((e) => e.learned) && (
                <>
                  <h3>{t('dash.insights.learned')}</h3>
                  <ul className="plain-list compact">
                    {lost.entries
                      .filter((e) => e.learned)
                      .slice(0, 10)
                      .map((e) => (
                        <li key={e.contactId}>
                          <a href={contactLink(e.contactId)}>{e.name}</a>
                          <span className="muted"> — {e.learned}</span>
                        </li>
                      ))}
                  </ul>
                </>
              )}
            </>
          )}
        </Section>

        <Section title={t('dash.insights.referrals')} testId="insights-referrers">
          {referrers.length === 0 ? (
            <p className="muted">{t('dash.insights.noReferrals')}</p>
          ) : (
            <table className="figures-table">
              <thead>
                <tr>
                  <th scope="col">{t('dash.insights.col.referrer')}</th>
                  <th scope="col" className="num">
                    {t('dash.insights.col.referred')}
                  </th>
                  <th scope="col" className="num">
                    {t('dash.insights.col.customers')}
                  </th>
                  <th scope="col" className="num">
                    {t('dash.insights.col.revenue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {referrers.slice(0, 20).map((r) => (
                  <tr key={r.contactId}>
                    <th scope="row">
                      <a href={contactLink(r.contactId)}>{r.name}</a>
                    </th>
                    <td className="num">{r.referred}</td>
                    <td className="num">{r.customers}</td>
                    <td className="num">{formatMoney(locale, r.revenue, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>

        <Section title={t('dash.insights.occasions')} testId="insights-occasions">
          {!occasions.some((o) => o.brought > 0) ? (
            <p className="muted">
              {t('dash.insights.noOccasions')} <a href="#/occasions">{t('nav.occasions')}</a>
            </p>
          ) : (
            <>
              <p className="muted small">
                {t('dash.insights.occasionsIntro', { days: OCCASION_FOLLOW_DAYS })}
              </p>
              <table className="figures-table">
                <thead>
                  <tr>
                    <th scope="col">{t('dash.insights.col.occasion')}</th>
                    <th scope="col" className="num">
                      {t('dash.insights.col.brought')}
                    </th>
                    <th scope="col" className="num">
                      {t('dash.insights.col.followed')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {occasions.slice(0, 20).map((o) => (
                    <tr key={o.occasionId}>
                      <th scope="row">{o.title}</th>
                      <td className="num">{o.brought}</td>
                      <td
                        className="num"
                        title={t('dash.insights.followedDetail', {
                          purchases: o.purchases,
                          replies: o.replies,
                        })}
                      >
                        {o.followed}
                        {o.followed > 0 && (
                          <span className="muted small">
                            {' '}
                            (
                            {t('dash.insights.followedDetail', {
                              purchases: o.purchases,
                              replies: o.replies,
                            })}
                            )
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Section>

        <Section
          title={t('dash.insights.birthdays', { days: BIRTHDAY_DAYS })}
          testId="insights-birthdays"
        >
          {birthdays.length === 0 ? (
            <p className="muted">{t('dash.insights.noBirthdays')}</p>
          ) : (
            <ul className="plain-list compact">
              {birthdays.map((b) => (
                <li key={`${b.contactId}-${b.who}`}>
                  <span className="when-col">
                    {dayLabel(b.date, locale)}
                    <span className="muted small">
                      {' '}
                      ({relativeLabel(b.date, now, locale, settings.timeZone)})
                    </span>
                  </span>{' '}
                  {b.who === 'partner' ? (
                    <>
                      {t('dash.insights.partnerOf', { partner: b.partnerName ?? '' })}{' '}
                      <a href={contactLink(b.contactId)}>{b.name}</a>
                    </>
                  ) : (
                    <a href={contactLink(b.contactId)}>{b.name}</a>
                  )}
                  {b.turns && (
                    <span className="muted"> · {t('dash.insights.turns', { age: b.turns })}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </main>
  );
}
