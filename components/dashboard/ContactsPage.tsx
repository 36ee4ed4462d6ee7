import { useCallback, useMemo, useRef, useState } from 'react';
import { STATUSES, TIERS, type Status } from '@/lib/model';
import {
  DEFAULT_VIEW,
  filterRowsFrom,
  isFiltered,
  sortRows,
  toggleSort,
  viewFromParams,
  viewToParams,
  type ContactsView,
  type FilterResult,
} from '@/lib/ui/dashboard/contacts';
import {
  addContact,
  firstScreenOrder,
  loadDemoData,
  useContactCount,
  useFirstSummaries,
  useNow,
  useSummaries,
} from '@/lib/ui/dashboard/data';
import { todayIn } from '@/lib/ui/format';
import { formatNumber, translateError } from '@/lib/i18n';
import { useI18n } from '../I18n';
import { AddContact } from './AddContact';
import { ContactTable } from './ContactTable';
import type { PageProps } from './page-props';
import { useDashSettings, useNotify } from './ui';

export function ContactsPage({ route, go }: PageProps) {
  const { t, locale } = useI18n();
  const settings = useDashSettings();
  const notify = useNotify();
  const now = useNow();
  const today = todayIn(now, settings.timeZone);
  const count = useContactCount();
  const view = useMemo(() => viewFromParams(route.params), [route.params]);
  // Reading 10,000 summaries takes about half a second: the plain list in name order paints its
  // first screen from the name index first (issue 16), and the full rows take over when read.
  const firstScreen = useFirstSummaries(firstScreenOrder(view));
  const summaries = useSummaries(firstScreen !== undefined);
  const [adding, setAdding] = useState(route.params.get('add') === '1');
  const [demoMessage, setDemoMessage] = useState<string>();
  const [demoBusy, setDemoBusy] = useState(false);

  const number = useCallback((n: number) => formatNumber(locale, n), [locale]);
  const setView = (next: ContactsView) => go(['contacts'], viewToParams(next), true);

  // Sorting 10,000 rows with a collator takes a while: only when the data or the order changes.
  // Each keystroke then only filters the sorted rows.
  const sorted = useMemo(
    () => (summaries ? sortRows(summaries, view.sort, view.dir, locale) : []),
    [summaries, view.sort, view.dir, locale],
  );
  const last = useRef<FilterResult | null>(null);
  const rows = useMemo(() => {
    last.current = filterRowsFrom(last.current, sorted, view, { today });
    return last.current.rows;
  }, [sorted, view, today]);

  async function loadDemo() {
    setDemoBusy(true);
    try {
      const n = await loadDemoData();
      setDemoMessage(t('demo.loaded', { count: n }));
    } catch (e) {
      setDemoMessage(translateError(locale, e));
    } finally {
      setDemoBusy(false);
    }
  }

  const empty = count === 0;
  // Until every summary is read, the first screen stands in (the same rows, in the same order).
  const early = summaries === undefined ? firstScreen : undefined;
  const total = summaries?.length ?? early?.total;
  const shownRows = early ? early.rows : rows;
  const computing = !empty && total === 0;

  return (
    <main className="contacts-page">
      <header className="page-head">
        <div className="title-line">
          <h1>{t('nav.contacts')}</h1>
          {total !== undefined && !empty && (
            <span className="muted count" aria-live="polite" data-testid="result-count">
              {isFiltered(view)
                ? t('dash.count.filtered', {
                    shown: number(rows.length),
                    total: number(total),
                  })
                : t('dash.count.contacts', { count: total, n: number(total) })}
            </span>
          )}
        </div>
        <div className="head-actions">
          {!empty && (
            <button
              type="button"
              className="primary"
              onClick={() => setAdding(true)}
              data-testid="add-contact"
              aria-expanded={adding}
            >
              {t('dash.add.open')}
            </button>
          )}
        </div>
      </header>
      {demoMessage && (
        <p role="status" className="notice">
          {demoMessage}
        </p>
      )}

      {adding && (
        <AddContact
          onSubmit={async (input) => {
            const result = await addContact(input);
            if (result.ok) {
              notify({ text: t('dash.add.done', { name: result.value.name }) });
              setAdding(false);
              go(['contacts', result.value.id]);
            }
            return result;
          }}
          onCancel={() => setAdding(false)}
          onOpen={(id) => go(['contacts', id])}
        />
      )}

      {count === undefined || (summaries === undefined && !early) ? (
        <p className="muted">{t('common.loading')}</p>
      ) : empty ? (
        !adding && (
          <section className="card empty-state" data-testid="empty-state">
            <p className="empty-lead">{t('contacts.empty')}</p>
            <div className="empty-actions">
              <button
                type="button"
                className="primary"
                onClick={() => setAdding(true)}
                data-testid="add-contact"
              >
                {t('dash.add.open')}
              </button>
              <a className="button" href="#/import">
                {t('dash.empty.import')}
              </a>
              <button
                type="button"
                data-testid="load-demo"
                disabled={demoBusy}
                onClick={() => void loadDemo()}
              >
                {t('demo.load')}
              </button>
            </div>
            <p className="muted small">{t('dash.empty.privacy')}</p>
          </section>
        )
      ) : (
        <>
          <Filters view={view} onChange={setView} />
          {computing ? (
            <p className="muted">{t('dash.computing')}</p>
          ) : shownRows.length === 0 ? (
            <div className="card empty-state" data-testid="no-matches">
              <p>{t('dash.noMatches')}</p>
              <button
                type="button"
                onClick={() => setView({ ...DEFAULT_VIEW, sort: view.sort, dir: view.dir })}
              >
                {t('dash.filters.reset')}
              </button>
            </div>
          ) : (
            <ContactTable
              resetKey={JSON.stringify(viewToParams(view))}
              rows={shownRows}
              total={early?.total}
              view={view}
              today={today}
              now={now}
              timeZone={settings.timeZone}
              onSort={(key) => setView(toggleSort(view, key))}
              onOpen={(id) => go(['contacts', id])}
            />
          )}
        </>
      )}
    </main>
  );
}

function Filters({
  view,
  onChange,
}: {
  view: ContactsView;
  onChange: (view: ContactsView) => void;
}) {
  const { t } = useI18n();
  const toggle = (key: 'risk' | 'overdue' | 'birthday') => onChange({ ...view, [key]: !view[key] });
  return (
    <div className="filters" role="search" aria-label={t('dash.filters.label')}>
      <input
        type="search"
        className="search"
        value={view.q}
        placeholder={t('dash.search.placeholder')}
        aria-label={t('dash.search.label')}
        onChange={(e) => onChange({ ...view, q: e.target.value })}
        data-testid="contact-search"
      />
      <div className="chip-group" role="group" aria-label={t('dash.col.tier')}>
        {TIERS.map((tier) => (
          <button
            key={tier}
            type="button"
            className="chip"
            aria-pressed={view.tiers.includes(tier)}
            onClick={() =>
              onChange({
                ...view,
                tiers: view.tiers.includes(tier)
                  ? view.tiers.filter((x) => x !== tier)
                  : [...view.tiers, tier],
              })
            }
            data-testid={`filter-tier-${tier}`}
          >
            {t('dash.filters.tier', { tier })}
          </button>
        ))}
      </div>
      <select
        aria-label={t('dash.field.status')}
        value={view.status}
        onChange={(e) => onChange({ ...view, status: e.target.value as Status | '' })}
        data-testid="filter-status"
      >
        <option value="">{t('dash.filters.allStatuses')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="chip"
        aria-pressed={view.risk}
        onClick={() => toggle('risk')}
        data-testid="filter-risk"
      >
        {t('dash.filters.risk')}
      </button>
      <button
        type="button"
        className="chip"
        aria-pressed={view.overdue}
        onClick={() => toggle('overdue')}
        data-testid="filter-overdue"
      >
        {t('dash.filters.overdue')}
      </button>
      <button
        type="button"
        className="chip"
        aria-pressed={view.birthday}
        onClick={() => toggle('birthday')}
        data-testid="filter-birthday"
      >
        {t('dash.filters.birthday')}
      </button>
      {isFiltered(view) && (
        <button
          type="button"
          className="link"
          onClick={() => onChange({ ...DEFAULT_VIEW, sort: view.sort, dir: view.dir })}
        >
          {t('dash.filters.reset')}
        </button>
      )}
    </div>
  );
}
